import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { anOffice } from '../../testing/office';
import type { Booking } from '../core/graphql/api.types';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { MyBookingsPage } from './my-bookings.page';

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

describe('MyBookingsPage', () => {
  let list: Booking[];
  let version: ReturnType<typeof signal<number>>;
  let fixture: ComponentFixture<MyBookingsPage>;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    list = [booking('b1', '2099-01-05'), booking('b2', '2099-01-06')];
    version = signal(0);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: BookingsApi, useValue: { myBookings: jest.fn(async () => list) } },
        { provide: MyBookingChanges, useValue: { version } },
      ],
    });
    fixture = TestBed.createComponent(MyBookingsPage);
    await stable();
  });

  it('reads the list again when a booking changed elsewhere, without a reload of the page', async () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelectorAll('[data-booking-id]')).toHaveLength(2);

    list = [booking('b2', '2099-01-06')];
    version.set(1);
    await stable();

    expect([...page.querySelectorAll('[data-booking-id]')].map((b) => b.getAttribute('data-booking-id'))).toEqual([
      'b2',
    ]);
    expect(TestBed.inject(BookingsApi).myBookings).toHaveBeenCalledTimes(2);
  });
});
