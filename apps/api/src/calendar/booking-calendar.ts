import { OFFICE_ZONE } from '@nahbar/domain';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';

import type { Booking } from '../bookings/models/booking.model.js';

/**
 * How a booking shows in a calendar (Outlook, Thunderbird, a phone):
 * - a full day is an all-day event (`DTSTART;VALUE=DATE`): a desk booking says where someone works that day, not an
 *   appointment, so it sits above the day like "Homeoffice" does instead of filling the day's grid. A date has no
 *   zone, so it stays on its civil date in any calendar, whatever its zone (DESIGN.md §3);
 * - a half day is a timed event in Europe/Berlin (`DTSTART;TZID=Europe/Berlin` with a VTIMEZONE): the morning
 *   08:00–12:30, the afternoon 12:30–17:00, the usual core of an administration's working day;
 * - every event is marked free (TRANSP:TRANSPARENT, Outlook's busy status FREE): a person at a satellite office can
 *   still be invited to meetings, so the booking must not block their calendar for colleagues.
 * The UID is the booking's id, so a calendar that reads the feed again replaces, never duplicates, an event.
 */
export const HALF_DAY_TIMES = {
  MORNING: { start: '08:00', end: '12:30' },
  AFTERNOON: { start: '12:30', end: '17:00' },
} as const;

const PART_NAMES = { MORNING: 'Vormittag', AFTERNOON: 'Nachmittag', FULL_DAY: 'ganzer Tag' } as const;
const STATUS_NAMES = {
  BOOKED: 'gebucht',
  CHECKED_IN: 'eingecheckt',
  CANCELLED: 'storniert',
  RELEASED: 'freigegeben (nicht eingecheckt)',
} as const;

export interface CalendarOptions {
  /** Calendar name shown by the subscribing program. */
  readonly name: string;
  /** Base URL of nahbar, linked from every event. */
  readonly publicUrl: string;
  /** How often a subscribing program should read the feed again, in seconds. */
  readonly refreshSeconds?: number;
  readonly now?: Date;
}

/** The stable UID of a booking's event: the same in the feed and in a downloaded .ics. */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@nahbar`;
}

/** An iCalendar document (RFC 5545) with one event per booking. */
export function bookingsCalendar(bookings: readonly Booking[], options: CalendarOptions): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'nahbar', product: 'Arbeitsplatzbuchung', language: 'DE' },
    name: options.name,
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  // A generator without a calendar-wide zone: VTIMEZONE blocks for the events' zone, while DTSTAMP stays in UTC
  // (with a calendar-wide zone ical-generator writes DTSTAMP as local time, which RFC 5545 forbids).
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const stamp = options.now ?? new Date();
  for (const booking of bookings) {
    const live = booking.status === 'BOOKED' || booking.status === 'CHECKED_IN';
    const changed = booking.checkedInAt ?? booking.createdAt;
    calendar.createEvent({
      id: bookingUid(booking.id),
      // A cancelled or released booking is a later version of the same event: it must win over the booked one.
      sequence: live ? 0 : 1,
      stamp,
      lastModified: new Date(changed),
      ...eventTimes(booking.date, booking.part),
      summary: `Arbeitsplatz ${booking.deskCode} – ${booking.office.name}`,
      description: [
        `Platz ${booking.deskCode}, Bereich ${booking.areaName}`,
        `${booking.office.name}, ${booking.office.address}`,
        `${PART_NAMES[booking.part]}${booking.part === 'FULL_DAY' ? '' : ` (${HALF_DAY_TIMES[booking.part].start}–${HALF_DAY_TIMES[booking.part].end} Uhr)`}`,
        `Status: ${STATUS_NAMES[booking.status]}`,
        `Gebucht mit nahbar: ${options.publicUrl}`,
      ].join('\n'),
      location: { title: booking.office.name, address: booking.office.address },
      url: options.publicUrl,
      status: live ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
      transparency: ICalEventTransparency.TRANSPARENT,
      busystatus: ICalEventBusyStatus.FREE,
    });
  }
  return calendar.toString();
}

type EventTimes =
  | { readonly allDay: true; readonly start: DateTime; readonly end: DateTime }
  | { readonly allDay: false; readonly start: DateTime; readonly end: DateTime; readonly timezone: string };

/** Start and end of a booking's event: all-day for a full day, wall-clock times in Europe/Berlin for a half day. */
export function eventTimes(date: string, part: Booking['part']): EventTimes {
  const day = DateTime.fromISO(date, { zone: OFFICE_ZONE });
  if (!day.isValid) throw new RangeError(`Not a civil date: ${date}`);
  if (part === 'FULL_DAY') return { allDay: true, start: day, end: day.plus({ days: 1 }) };
  const times = HALF_DAY_TIMES[part];
  return {
    allDay: false,
    start: DateTime.fromISO(`${date}T${times.start}`, { zone: OFFICE_ZONE }),
    end: DateTime.fromISO(`${date}T${times.end}`, { zone: OFFICE_ZONE }),
    timezone: OFFICE_ZONE,
  };
}
