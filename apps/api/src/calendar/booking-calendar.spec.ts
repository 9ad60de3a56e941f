import ICAL from 'ical.js';

import type { Booking } from '../bookings/models/booking.model.js';
import { bookingsCalendar, bookingUid, eventTimes } from './booking-calendar.js';

function booking(overrides: Partial<Booking>): Booking {
  return {
    id: '3f0c8f4e-1b7a-4c52-9b7e-0d5c1e2a9f10',
    date: '2027-03-26',
    part: 'FULL_DAY',
    status: 'BOOKED',
    deskId: 'd1',
    deskCode: 'A-03',
    areaName: 'Erdgeschoss',
    office: {
      id: 'o1',
      name: 'Satellitenbüro Fürth',
      address: 'Königstraße 88, 90762 Fürth',
      municipality: { ags: '09563000', name: 'Fürth', land: 'BY' },
      operator: { id: 'org', name: 'Stadt Fürth' },
      deskCount: 12,
    },
    createdAt: '2026-11-20T09:00:00.000Z',
    checkedInAt: null,
    cancellationReason: null,
    ...overrides,
  };
}

function events(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('bookings as iCalendar', () => {
  const options = { name: 'Test', publicUrl: 'https://nahbar.example.de', now: new Date('2026-11-23T06:00:00Z') };

  it('writes a full day as an all-day event on its civil date', () => {
    const [event] = events(bookingsCalendar([booking({})], options));
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe('2027-03-26');
    expect(event?.endDate.toString()).toBe('2027-03-27');
    expect(event?.uid).toBe(bookingUid(booking({}).id));
    expect(event?.summary).toBe('Arbeitsplatz A-03 – Satellitenbüro Fürth');
    expect(event?.location).toBe('Satellitenbüro Fürth\nKönigstraße 88, 90762 Fürth');
    expect(event?.description).toContain('Bereich Erdgeschoss');
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event?.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('writes half days in Europe/Berlin, on both sides of the change to summer time', () => {
    const ics = bookingsCalendar(
      [
        booking({ id: 'a', date: '2027-03-26', part: 'MORNING' }),
        booking({ id: 'b', date: '2027-03-29', part: 'AFTERNOON' }),
      ],
      options,
    );
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270326T080000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20270326T123000');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270329T123000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    const [winter, summer] = events(ics);
    // 08:00 CET is 07:00 UTC; 12:30 CEST (after 28 March 2027) is 10:30 UTC.
    expect(winter?.startDate.toJSDate().toISOString()).toBe('2027-03-26T07:00:00.000Z');
    expect(summer?.startDate.toJSDate().toISOString()).toBe('2027-03-29T10:30:00.000Z');
    expect(summer?.endDate.toJSDate().toISOString()).toBe('2027-03-29T15:00:00.000Z');
  });

  it('stamps in UTC, whatever the machine’s zone', () => {
    expect(bookingsCalendar([booking({})], options)).toContain('DTSTAMP:20261123T060000Z');
  });

  it('marks a cancelled booking as a cancelled, later version of the same event', () => {
    const [event] = events(bookingsCalendar([booking({ status: 'CANCELLED' })], options));
    expect(event?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event?.sequence).toBe(1);
  });

  it('refuses a malformed date', () => {
    expect(() => eventTimes('2027-02-30', 'MORNING')).toThrow(RangeError);
  });
});
