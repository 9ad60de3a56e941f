import { TestBed } from '@angular/core/testing';

import { anOffice } from '../../../testing/office';
import type { Booking } from '../../core/graphql/api.types';
import { FETCH } from '../../core/graphql/graphql-endpoint';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { Identity } from '../../core/identity/identity';
import { CalendarApi, icsFileName } from './calendar.api';

const booking: Booking = {
  id: 'b1',
  date: '2026-11-24',
  part: 'FULL_DAY',
  status: 'BOOKED',
  deskId: 'd1',
  deskCode: 'A 03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
};

/** jsdom has no Response class: the little of one the download reads. */
function icsResponse(status: number, headers: Record<string, string> = {}): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => new Blob(['BEGIN:VCALENDAR'], { type: 'text/calendar' }),
  } as unknown as Response;
}

describe('CalendarApi.downloadBooking', () => {
  let fetchMock: jest.Mock<Promise<Response>, [string, RequestInit]>;
  let renew: jest.Mock<Promise<boolean>, []>;
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    clicked = [];
    renew = jest.fn(async () => true);
    fetchMock = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:ics'), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: FETCH, useValue: fetchMock },
        {
          provide: Identity,
          useValue: { requestHeaders: async () => ({ 'x-nahbar-demo-person': 'p1' }), renew },
        },
      ],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('fetches the file with the person’s credentials and saves it under the name the API gives', async () => {
    fetchMock.mockResolvedValue(
      icsResponse(200, { 'content-disposition': 'attachment; filename="nahbar-2026-11-24-A_03.ics"' }),
    );
    await TestBed.inject(CalendarApi).downloadBooking(booking);
    expect(fetchMock).toHaveBeenCalledWith('/calendar/bookings/b1.ics', {
      headers: { accept: 'text/calendar', 'x-nahbar-demo-person': 'p1' },
    });
    expect(clicked).toEqual([{ href: 'blob:ics', download: 'nahbar-2026-11-24-A_03.ics' }]);
  });

  it('tries once more with renewed credentials, and reports a booking that is not the person’s', async () => {
    fetchMock.mockResolvedValueOnce(icsResponse(401)).mockResolvedValueOnce(icsResponse(404));
    const error = await TestBed.inject(CalendarApi)
      .downloadBooking(booking)
      .catch((caught: unknown) => caught);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(errorCodeOf(error)).toBe('BOOKING_NOT_FOUND');
    expect(clicked).toEqual([]);
  });

  it('makes a file name when the API gives none', () => {
    expect(icsFileName(null, booking)).toBe('nahbar-2026-11-24-A_03.ics');
  });
});
