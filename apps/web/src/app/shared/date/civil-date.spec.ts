import { formatCivilDate, formatCivilDateWith, isCivilDate, todayInOfficeZone, weekdayName } from './civil-date';

describe('todayInOfficeZone', () => {
  it('runs in a test zone other than Berlin', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  it.each([
    // [instant, civil date in Berlin]
    ['2026-11-23T22:59:59Z', '2026-11-23'], // 23:59:59 CET
    ['2026-11-23T23:00:00Z', '2026-11-24'], // 00:00 CET, still the 23rd in New York
    ['2026-03-28T23:30:00Z', '2026-03-29'], // night of the switch to summer time
    ['2026-03-29T21:59:00Z', '2026-03-29'], // 23:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'], // 00:00 CEST
    ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST, night of the switch back
    ['2026-10-25T22:59:00Z', '2026-10-25'], // 23:59 CET
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('at %s it is %s in Berlin', (instant, expected) => {
    expect(todayInOfficeZone(new Date(instant))).toBe(expected);
  });
});

describe('isCivilDate', () => {
  it.each(['2026-11-24', '2028-02-29', '2026-12-31'])('accepts %s', (date) => {
    expect(isCivilDate(date)).toBe(true);
  });

  it.each(['2027-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '24.11.2026', '2026-11-24T00:00', ''])(
    'refuses %s',
    (date) => {
      expect(isCivilDate(date)).toBe(false);
    },
  );

  it('refuses what is not a string', () => {
    expect(isCivilDate(undefined)).toBe(false);
    expect(isCivilDate(20261124)).toBe(false);
  });
});

describe('formatCivilDate', () => {
  it.each([
    ['2026-11-24', 'Di., 24.11.2026'],
    ['2026-11-29', 'So., 29.11.2026'],
    ['2026-03-29', 'So., 29.03.2026'],
    ['2026-10-25', 'So., 25.10.2026'],
    ['2027-01-01', 'Fr., 01.01.2027'],
    ['2028-02-29', 'Di., 29.02.2028'],
  ])('writes %s as %s', (date, expected) => {
    expect(formatCivilDate(date)).toBe(expected);
  });

  it('returns malformed input unchanged', () => {
    expect(formatCivilDate('morgen')).toBe('morgen');
  });
});

describe('formatCivilDate in English', () => {
  it.each([
    ['2026-11-24', 'Tue, 24 Nov 2026'],
    ['2026-03-29', 'Sun, 29 Mar 2026'],
    ['2027-01-01', 'Fri, 1 Jan 2027'],
    ['2028-02-29', 'Tue, 29 Feb 2028'],
  ])('writes %s as %s', (date, expected) => {
    expect(formatCivilDate(date, 'en')).toBe(expected);
  });

  it('follows the active language, German in the tests', () => {
    expect(formatCivilDate('2026-11-24')).toBe('Di., 24.11.2026');
  });

  it('returns malformed input unchanged', () => {
    expect(formatCivilDate('tomorrow', 'en')).toBe('tomorrow');
  });
});

describe('formatCivilDateWith', () => {
  it('writes long dates in either language', () => {
    const long: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
    expect(formatCivilDateWith('2026-11-24', long, 'de')).toBe('Dienstag, 24. November');
    expect(formatCivilDateWith('2026-11-24', long, 'en')).toBe('Tuesday 24 November');
  });
});

describe('weekdayName', () => {
  it('names ISO weekdays in either language', () => {
    expect([1, 3, 7].map((day) => weekdayName(day))).toEqual(['Montag', 'Mittwoch', 'Sonntag']);
    expect([1, 3, 7].map((day) => weekdayName(day, 'en'))).toEqual(['Monday', 'Wednesday', 'Sunday']);
    expect(weekdayName(8)).toBe('8');
  });
});
