import type { Booking, RecurringBookingResult } from '../core/graphql/api.types';
import {
  defaultRecurringForm,
  hasProblems,
  isoWeekday,
  recurringFormProblems,
  recurringInput,
  recurringResultRows,
  recurringSummary,
} from './recurring-booking';

describe('recurring booking form', () => {
  it('knows the ISO weekday of a civil date', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-24')).toBe(2);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('opens with the weekday of the chosen date, four weeks and the page’s part of the day', () => {
    expect(defaultRecurringForm('2026-11-24', 'MORNING')).toEqual({
      weekdays: [2],
      weeks: '4',
      part: 'MORNING',
      allOrNothing: false,
    });
  });

  it('preselects no weekday for a Saturday or Sunday', () => {
    expect(defaultRecurringForm('2026-11-28', 'FULL_DAY').weekdays).toEqual([]);
  });

  it('asks for at least one weekday', () => {
    const problems = recurringFormProblems({ ...defaultRecurringForm('2026-11-24', 'FULL_DAY'), weekdays: [] });
    expect(problems.weekdays).toBe('Bitte wählen Sie mindestens einen Wochentag.');
    expect(problems.weeks).toBeUndefined();
  });

  it.each(['0', '27', '2.5', '', 'vier', '-1'])('refuses %p weeks with a plain message', (weeks) => {
    const form = { ...defaultRecurringForm('2026-11-24', 'FULL_DAY'), weeks };
    expect(recurringFormProblems(form).weeks).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 26 ein.');
    expect(recurringInput('d1', '2026-11-24', form)).toBeNull();
  });

  it.each(['1', '4', '26', ' 8 '])('accepts %p weeks', (weeks) => {
    const form = { ...defaultRecurringForm('2026-11-24', 'FULL_DAY'), weeks };
    expect(hasProblems(recurringFormProblems(form))).toBe(false);
  });

  it('builds the mutation input with sorted, distinct weekdays', () => {
    const form = { weekdays: [4, 2, 4], weeks: '8', part: 'AFTERNOON', allOrNothing: true } as const;
    expect(recurringInput('d1', '2026-11-24', form)).toEqual({
      deskId: 'd1',
      from: '2026-11-24',
      part: 'AFTERNOON',
      weeks: 8,
      weekdays: [2, 4],
      allOrNothing: true,
    });
  });
});

describe('recurring booking result', () => {
  const result: RecurringBookingResult = {
    complete: false,
    bookedCount: 1,
    outcomes: [
      { date: '2026-11-24', status: 'BOOKED', booking: { id: 'b1' } as Booking, refusal: null },
      {
        date: '2026-11-26',
        status: 'REFUSED',
        booking: null,
        refusal: { code: 'HOLIDAY', message: 'holiday', messageDe: 'Am 26.11.2026 ist ein Feiertag.' },
      },
      { date: '2026-12-01', status: 'WITHHELD', booking: null, refusal: null },
    ],
  };

  it('says per date, in German, what happened', () => {
    expect(recurringResultRows(result).map((row) => [row.dateText, row.text])).toEqual([
      ['Di., 24.11.2026', 'Gebucht'],
      ['Do., 26.11.2026', 'Nicht gebucht: Am 26.11.2026 ist ein Feiertag.'],
      ['Di., 01.12.2026', 'Nicht gebucht, weil nicht alle Termine frei waren'],
    ]);
  });

  it('sums up how many dates were booked', () => {
    expect(recurringSummary(result)).toBe('1 von 3 Terminen gebucht.');
    expect(recurringSummary({ ...result, bookedCount: 5, outcomes: Array(8).fill(result.outcomes[0]) })).toBe(
      '5 von 8 Terminen gebucht.',
    );
    expect(recurringSummary({ complete: true, bookedCount: 1, outcomes: result.outcomes.slice(0, 1) })).toBe(
      '1 von 1 Termin gebucht.',
    );
  });
});
