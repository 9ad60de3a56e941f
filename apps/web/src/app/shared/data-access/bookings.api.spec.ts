import { TestBed } from '@angular/core/testing';

import { fetchByOperation } from '../../../testing/fetch-router';
import { anOffice } from '../../../testing/office';
import type { Booking } from '../../core/graphql/api.types';
import { FETCH } from '../../core/graphql/graphql-endpoint';
import { DemoSession } from '../../core/identity/demo-session';
import { BookingsApi } from './bookings.api';

const booking = (id: string, date: string): Booking => ({
  id,
  date,
  part: 'MORNING',
  status: 'BOOKED',
  deskId: `d-${id}`,
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
});

describe('BookingsApi.myBookingsOrLastKnown', () => {
  let fetchMock: ReturnType<typeof fetchByOperation>;
  let list: Booking[];

  beforeEach(() => {
    localStorage.clear();
    list = [booking('b1', '2099-01-05'), booking('old', '2000-01-03')];
    fetchMock = fetchByOperation({ MyBookings: () => ({ myBookings: list }) });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fetchMock }] });
    TestBed.inject(DemoSession).choose('p1');
  });

  it('gives the live list and keeps it; offline, the kept list from today on with the time it is from', async () => {
    const api = TestBed.inject(BookingsApi);
    expect(await api.myBookingsOrLastKnown()).toEqual({ bookings: list, savedAt: null });

    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const offline = await api.myBookingsOrLastKnown();
    expect(offline.bookings.map((item) => item.id)).toEqual(['b1']);
    expect(Date.parse(offline.savedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps each person’s list apart, and fails offline when nothing was kept', async () => {
    const api = TestBed.inject(BookingsApi);
    await api.myBookingsOrLastKnown();

    TestBed.inject(DemoSession).choose('p2');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.myBookingsOrLastKnown()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('does not stand in the kept list for an error of the API', async () => {
    const api = TestBed.inject(BookingsApi);
    await api.myBookingsOrLastKnown();

    fetchMock.mockImplementation(fetchByOperation({ MyBookings: new Error('UNAUTHENTICATED') }));
    await expect(api.myBookingsOrLastKnown()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
