import {
  addDays,
  type CivilDate,
  type Land,
  OFFICE_ZONE,
  publicHoliday,
  todayInOfficeZone,
  weekdayOf,
} from '@nahbar/domain';
import { DateTime } from 'luxon';

/**
 * The first weekday (Monday to Friday) at least `offset` days from today that is no public holiday in `land`: a
 * day the demo offices there (open Monday to Friday) are open, whatever day the tests run on.
 */
export function openDayIn(land: Land, offset: number): CivilDate {
  let date = addDays(todayInOfficeZone(), offset);
  while (weekdayOf(date) > 5 || publicHoliday(date, land) !== undefined) date = addDays(date, 1);
  return date;
}

/** A day the demo offices in Erlangen and Fürth are open (see openDayIn). */
export function openDayInBavaria(offset: number): CivilDate {
  return openDayIn('BY', offset);
}

/** The instant of a wall-clock time ("HH:MM") on a date in the offices' zone (Europe/Berlin). */
export function officeTime(date: CivilDate, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const instant = DateTime.fromISO(date, { zone: OFFICE_ZONE }).set({ hour, minute, second: 0, millisecond: 0 });
  if (!instant.isValid) throw new RangeError(`Not a date and time: ${date} ${time}`);
  return instant.toJSDate();
}
