import { type CivilDate, type DayPart, OFFICE_ZONE } from '@nahbar/domain';
import { DateTime } from 'luxon';

/** An office's check-in times, as local wall-clock times in Europe/Berlin ('HH:MM' or 'HH:MM:SS'). */
export interface CheckInTimes {
  readonly opens: string;
  /** Deadline of MORNING and FULL_DAY bookings. */
  readonly deadlineMorning: string;
  /** Deadline of AFTERNOON bookings. */
  readonly deadlineAfternoon: string;
}

/** The instants between which a booking may be checked in: [opens, deadline). */
export interface CheckInWindow {
  readonly opens: Date;
  readonly deadline: Date;
}

export type CheckInPhase = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/**
 * A wall-clock time on a civil date in Europe/Berlin as an instant. A time that does not exist (the hour skipped when
 * clocks go forward) moves forward with the clocks; an ambiguous one (the hour repeated) is its first occurrence.
 */
export function officeInstant(date: CivilDate, time: string): Date {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(time);
  if (!match) throw new RangeError(`Not a time of day: "${time}"`);
  const local = DateTime.fromISO(date, { zone: OFFICE_ZONE }).set({
    hour: Number(match[1]),
    minute: Number(match[2]),
    second: Number(match[3] ?? 0),
    millisecond: 0,
  });
  if (!local.isValid) throw new RangeError(`Not a date: "${date}"`);
  return local.toJSDate();
}

/**
 * The check-in window of a booking on `date` for `part`: from the office's opening time to its part's deadline. A
 * booking made at or after that deadline (booked late in the day, or handed over by the waitlist after a release)
 * could never have been checked in in time: its window lasts until the end of the day, so it is never a no-show.
 */
export function checkInWindow(date: CivilDate, part: DayPart, times: CheckInTimes, bookedAt?: Date): CheckInWindow {
  const opens = officeInstant(date, times.opens);
  const deadline = officeInstant(date, part === 'AFTERNOON' ? times.deadlineAfternoon : times.deadlineMorning);
  if (bookedAt !== undefined && bookedAt.getTime() >= deadline.getTime()) {
    const endOfDay = DateTime.fromISO(date, { zone: OFFICE_ZONE }).plus({ days: 1 }).startOf('day').toJSDate();
    return { opens, deadline: endOfDay };
  }
  return { opens, deadline };
}

/** Whether, at `now`, a booking on `date` for `part` cannot be checked in yet, can be, or no longer can be. */
export function checkInPhase(
  date: CivilDate,
  part: DayPart,
  times: CheckInTimes,
  now: Date,
  bookedAt?: Date,
): CheckInPhase {
  const window = checkInWindow(date, part, times, bookedAt);
  if (now.getTime() < window.opens.getTime()) return 'NOT_OPEN';
  if (now.getTime() < window.deadline.getTime()) return 'OPEN';
  return 'CLOSED';
}

/** Whether a booking not checked in by `now` is a no-show the release job frees. */
export function isNoShowDue(date: CivilDate, part: DayPart, times: CheckInTimes, now: Date, bookedAt?: Date): boolean {
  return checkInPhase(date, part, times, now, bookedAt) === 'CLOSED';
}
