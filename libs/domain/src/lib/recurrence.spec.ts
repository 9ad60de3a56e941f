import { type BookingDecision } from './booking-decision.js';
import { bookingRefusal } from './booking-rules.js';
import { type CivilDate, weekdayOf } from './civil-date.js';
import { decideRecurring, expandRecurrence, MAX_RECURRENCE_DATES } from './recurrence.js';

const d = (date: string): CivilDate => date as CivilDate;

function datesOf(expansion: ReturnType<typeof expandRecurrence>): readonly CivilDate[] {
  if (!expansion.ok) throw new Error(`refused: ${expansion.code}`);
  return expansion.dates;
}

describe('expandRecurrence', () => {
  it('gives every Tuesday and Thursday for 8 weeks, across the start of summer time (28 March 2027)', () => {
    const dates = datesOf(expandRecurrence({ weekdays: [2, 4], from: d('2027-03-02'), weeks: 8 }));
    expect(dates).toHaveLength(16);
    expect(dates[0]).toBe('2027-03-02');
    expect(dates.slice(6, 10)).toEqual(['2027-03-23', '2027-03-25', '2027-03-30', '2027-04-01']);
    expect(dates[15]).toBe('2027-04-22');
    expect(dates.every((date) => [2, 4].includes(weekdayOf(date)))).toBe(true);
  });

  it('starts at the first matching day on or after `from`', () => {
    expect(datesOf(expandRecurrence({ weekdays: [2], from: d('2027-03-03'), weeks: 1 }))).toEqual(['2027-03-09']);
  });

  it('includes `until`, across the end of summer time (25 October 2026)', () => {
    expect(datesOf(expandRecurrence({ weekdays: [1], from: d('2026-10-19'), until: d('2026-11-02') }))).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
    ]);
    expect(datesOf(expandRecurrence({ weekdays: [7], from: d('2026-10-25'), until: d('2026-10-25') }))).toEqual([
      '2026-10-25',
    ]);
  });

  it('accepts a whole leap year of days and refuses one more', () => {
    const leapYear = expandRecurrence({
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      from: d('2028-01-01'),
      until: d('2028-12-31'),
    });
    expect(datesOf(leapYear)).toHaveLength(MAX_RECURRENCE_DATES);
    const tooMany = expandRecurrence({
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      from: d('2028-01-01'),
      until: d('2029-01-01'),
    });
    expect(tooMany.ok).toBe(false);
    expect(!tooMany.ok && tooMany.code).toBe('TOO_MANY_DATES');
  });

  it('refuses a huge number of weeks at once', () => {
    const huge = expandRecurrence({ weekdays: [3], from: d('2027-01-06'), weeks: 1_000_000_000 });
    expect(!huge.ok && huge.code).toBe('TOO_MANY_DATES');
  });

  it.each([
    ['no weekdays', { weekdays: [], from: d('2027-01-04'), weeks: 2 }, 'NO_WEEKDAYS'],
    ['0 weeks', { weekdays: [1], from: d('2027-01-04'), weeks: 0 }, 'INVALID_WEEKS'],
    ['1.5 weeks', { weekdays: [1], from: d('2027-01-04'), weeks: 1.5 }, 'INVALID_WEEKS'],
    ['until before from', { weekdays: [1], from: d('2027-01-04'), until: d('2027-01-03') }, 'UNTIL_BEFORE_FROM'],
    ['no matching day', { weekdays: [5], from: d('2027-01-04'), until: d('2027-01-05') }, 'NO_DATES'],
  ] as const)('refuses %s with a message in German and English', (_name, spec, code) => {
    const expansion = expandRecurrence({ ...spec, weekdays: [...spec.weekdays] });
    expect(expansion.ok).toBe(false);
    if (!expansion.ok) {
      expect(expansion.code).toBe(code);
      expect(expansion.message).toBe(expansion.messages.en);
      expect(expansion.messages.de).not.toBe(expansion.messages.en);
    }
  });
});

describe('decideRecurring', () => {
  const dates = [d('2027-03-02'), d('2027-03-04'), d('2027-03-09'), d('2027-03-11')];
  const holiday = bookingRefusal('HOLIDAY', { de: 'Feiertag', en: 'holiday' });
  const refuseThe4th = (date: CivilDate): BookingDecision =>
    date === '2027-03-04' ? { ok: false, refusal: holiday } : { ok: true, date };

  it('books what it can and gives the reason for the rest', () => {
    const decision = decideRecurring(dates, refuseThe4th, { allOrNothing: false });
    expect(decision.toBook).toEqual(['2027-03-02', '2027-03-09', '2027-03-11']);
    expect(decision.complete).toBe(false);
    expect(decision.outcomes.map((outcome) => outcome.status)).toEqual(['BOOKED', 'REFUSED', 'BOOKED', 'BOOKED']);
    expect(decision.outcomes[1]).toEqual({ date: '2027-03-04', status: 'REFUSED', refusal: holiday });
  });

  it('with all-or-nothing books nothing when one date is refused, and says why for each', () => {
    const decision = decideRecurring(dates, refuseThe4th, { allOrNothing: true });
    expect(decision.toBook).toEqual([]);
    expect(decision.complete).toBe(false);
    expect(decision.outcomes.map((outcome) => outcome.status)).toEqual(['WITHHELD', 'REFUSED', 'WITHHELD', 'WITHHELD']);
  });

  it('with all-or-nothing books all when none is refused', () => {
    const decision = decideRecurring(dates, (date) => ({ ok: true, date }), { allOrNothing: true });
    expect(decision.toBook).toEqual(dates);
    expect(decision.complete).toBe(true);
  });

  it('tells each decision which dates were accepted before it (so quotas count the series itself)', () => {
    const seen: (readonly CivilDate[])[] = [];
    const atMostTwo = (date: CivilDate, accepted: readonly CivilDate[]): BookingDecision => {
      seen.push(accepted);
      return accepted.length < 2 ? { ok: true, date } : { ok: false, refusal: holiday };
    };
    const decision = decideRecurring(dates, atMostTwo, { allOrNothing: false });
    expect(decision.toBook).toEqual(['2027-03-02', '2027-03-04']);
    expect(seen).toEqual([[], ['2027-03-02'], ['2027-03-02', '2027-03-04'], ['2027-03-02', '2027-03-04']]);
  });
});
