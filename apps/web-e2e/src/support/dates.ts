import { addDays, type CivilDate, publicHoliday, todayInOfficeZone, weekdayOf } from '@nahbar/domain';

/**
 * The first weekday (Monday to Friday) at least `offset` days from today that is no public holiday in Bayern: a day
 * the demo offices in Erlangen and Fürth are open, whatever day the tests run on.
 */
export function openDayInBavaria(offset: number): CivilDate {
  let date = addDays(todayInOfficeZone(), offset);
  while (weekdayOf(date) > 5 || publicHoliday(date, 'BY') !== undefined) date = addDays(date, 1);
  return date;
}
