import { type CivilDate } from './civil-date.js';
import { dayPartPhrase, formatCivilDate, listOf, weekdayHabitual, weekdayName } from './civil-date-format.js';

describe('formatting for people', () => {
  it.each([
    ['2027-10-03', '03.10.2027', '3 October 2027'],
    ['2027-01-01', '01.01.2027', '1 January 2027'],
    ['2028-02-29', '29.02.2028', '29 February 2028'],
    ['2026-12-31', '31.12.2026', '31 December 2026'],
  ])('%s reads %s and %s, whatever the machine zone', (date, de, en) => {
    expect(formatCivilDate(date as CivilDate, 'de')).toBe(de);
    expect(formatCivilDate(date as CivilDate, 'en')).toBe(en);
  });

  it('names weekdays and parts of the day', () => {
    expect(weekdayName(1, 'de')).toBe('Montag');
    expect(weekdayName(7, 'en')).toBe('Sunday');
    expect(weekdayHabitual(6, 'de')).toBe('samstags');
    expect(weekdayHabitual(3, 'en')).toBe('Wednesdays');
    expect(dayPartPhrase('MORNING', 'de')).toBe('vormittags');
    expect(dayPartPhrase('FULL_DAY', 'en')).toBe('for the full day');
  });

  it('lists with "und" and "and"', () => {
    expect(listOf([], 'de')).toBe('');
    expect(listOf(['a'], 'de')).toBe('a');
    expect(listOf(['a', 'b'], 'de')).toBe('a und b');
    expect(listOf(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});
