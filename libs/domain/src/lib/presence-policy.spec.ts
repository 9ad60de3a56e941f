import fc from 'fast-check';

import { addDays, type CivilDate, type Weekday, weekdayOf } from './civil-date.js';
import { publicHoliday } from './holidays.js';
import { type Land, LANDS } from './land.js';
import {
  checkPresencePolicy,
  evaluatePresencePolicy,
  nationwidePublicHoliday,
  nextPolicyPeriod,
  policyPeriod,
  type PresencePolicy,
  privateCount,
  privateSplit,
  requiredDays,
} from './presence-policy.js';

const d = (date: string): CivilDate => date as CivilDate;
const dates = (...values: string[]): ReadonlySet<CivilDate> => new Set(values.map(d));

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): CivilDate => new Date(day * DAY_MS).toISOString().slice(0, 10) as CivilDate;

/** Dates from 2024 to 2031, weighted towards the weeks around the daylight-saving changes (end of March, October). */
const civilDateArb: fc.Arbitrary<CivilDate> = fc.oneof(
  fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2031-12-31') }).map(fromDayNumber),
  fc
    .record({
      year: fc.integer({ min: 2024, max: 2031 }),
      month: fc.constantFrom('03', '10'),
      day: fc.integer({ min: 22, max: 31 }),
    })
    .map(({ year, month, day }) => `${year}-${month}-${String(day).padStart(2, '0')}` as CivilDate),
);
const landArb: fc.Arbitrary<Land | null> = fc.oneof(fc.constantFrom(...LANDS), fc.constant(null));
const policyArb: fc.Arbitrary<PresencePolicy> = fc.constantFrom('WEEK' as const, 'MONTH' as const).chain((period) =>
  fc.record({
    period: fc.constant(period),
    minDays: fc.integer({ min: 0, max: period === 'WEEK' ? 5 : 23 }),
    fixedWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Weekday>, { maxLength: 3 }),
  }),
);

describe('policyPeriod', () => {
  it('gives the ISO week, Monday to Sunday, also across the daylight-saving changes', () => {
    // Clocks go forward on Sunday 2027-03-28 and back on Sunday 2027-10-31 in Europe/Berlin.
    expect(policyPeriod('WEEK', d('2027-03-28'))).toEqual({ from: '2027-03-22', to: '2027-03-28' });
    expect(policyPeriod('WEEK', d('2027-03-29'))).toEqual({ from: '2027-03-29', to: '2027-04-04' });
    expect(policyPeriod('WEEK', d('2027-10-31'))).toEqual({ from: '2027-10-25', to: '2027-10-31' });
    expect(policyPeriod('WEEK', d('2027-01-01'))).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('gives the calendar month, leap years included', () => {
    expect(policyPeriod('MONTH', d('2028-02-15'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(policyPeriod('MONTH', d('2027-02-01'))).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(policyPeriod('MONTH', d('2027-10-31'))).toEqual({ from: '2027-10-01', to: '2027-10-31' });
  });

  it('has a next period that starts the day after', () => {
    expect(nextPolicyPeriod('WEEK', d('2027-03-28'))).toEqual({ from: '2027-03-29', to: '2027-04-04' });
    expect(nextPolicyPeriod('MONTH', d('2027-12-31'))).toEqual({ from: '2028-01-01', to: '2028-01-31' });
  });

  it('always holds the date, is 7 days or a whole month, and its next period follows without a gap', () => {
    fc.assert(
      fc.property(civilDateArb, fc.constantFrom('WEEK' as const, 'MONTH' as const), (date, period) => {
        const { from, to } = policyPeriod(period, date);
        expect(from <= date && date <= to).toBe(true);
        if (period === 'WEEK') {
          expect(weekdayOf(from)).toBe(1);
          expect(dayNumber(to) - dayNumber(from)).toBe(6);
        } else {
          expect(from.slice(8)).toBe('01');
          expect(addDays(to, 1).slice(8)).toBe('01');
          expect(to.slice(0, 7)).toBe(date.slice(0, 7));
        }
        expect(nextPolicyPeriod(period, date).from).toBe(addDays(to, 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('nationwidePublicHoliday', () => {
  it('knows the holidays of all sixteen Länder and only those', () => {
    expect(nationwidePublicHoliday(d('2027-10-03'))?.name).toBe('Tag der Deutschen Einheit');
    expect(nationwidePublicHoliday(d('2027-12-25'))).toBeDefined();
    expect(nationwidePublicHoliday(d('2027-05-06'))).toBeDefined(); // Christi Himmelfahrt
    // Fronleichnam (Bayern, not Berlin), Reformationstag (Brandenburg, not Bayern), Allerheiligen (Bayern only).
    expect(nationwidePublicHoliday(d('2027-05-27'))).toBeUndefined();
    expect(nationwidePublicHoliday(d('2027-10-31'))).toBeUndefined();
    expect(nationwidePublicHoliday(d('2027-11-01'))).toBeUndefined();
    expect(nationwidePublicHoliday(d('2027-11-02'))).toBeUndefined();
  });

  it('is a holiday in every Land whenever it is one', () => {
    fc.assert(
      fc.property(civilDateArb, (date) => {
        const holiday = nationwidePublicHoliday(date);
        const everywhere = LANDS.every((land) => publicHoliday(date, land) !== undefined);
        expect(holiday !== undefined).toBe(everywhere);
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluatePresencePolicy', () => {
  const twoDaysTuesday: PresencePolicy = { period: 'WEEK', minDays: 2, fixedWeekdays: [2] };

  it('is met by two booked days including the fixed Tuesday', () => {
    const week = policyPeriod('WEEK', d('2027-03-10'));
    const result = evaluatePresencePolicy(twoDaysTuesday, week, 'BY', dates('2027-03-09', '2027-03-11'));
    expect(result).toEqual({
      required: 2,
      planned: 2,
      met: true,
      holidays: [],
      missingFixedWeekdays: [],
      workingDays: 5,
    });
  });

  it('misses the fixed Tuesday even with enough days', () => {
    const week = policyPeriod('WEEK', d('2027-03-10'));
    const result = evaluatePresencePolicy(twoDaysTuesday, week, 'BY', dates('2027-03-08', '2027-03-10'));
    expect(result.met).toBe(false);
    expect(result.missingFixedWeekdays).toEqual(['2027-03-09']);
  });

  it('scales the days down in a holiday week and waives a fixed weekday on a holiday', () => {
    // Easter week 2027: Good Friday 26 March and Easter Monday 29 March are holidays everywhere.
    const easterMonday = policyPeriod('WEEK', d('2027-03-29'));
    const result = evaluatePresencePolicy(
      { period: 'WEEK', minDays: 3, fixedWeekdays: [1] },
      easterMonday,
      'BY',
      dates('2027-03-30', '2027-03-31'),
    );
    // 3 × 4/5 = 2.4 → 2; Monday is a holiday, so not missing.
    expect(result).toEqual({
      required: 2,
      planned: 2,
      met: true,
      holidays: ['2027-03-29'],
      missingFixedWeekdays: [],
      workingDays: 4,
    });
  });

  it('counts the holidays of the organisation’s Land, or only the nationwide ones without a Land', () => {
    // June 2027 has 22 weekdays; Fronleichnam (Thursday 27 May 2027) is in May: use May 2027.
    const may = policyPeriod('MONTH', d('2027-05-01'));
    const policy: PresencePolicy = { period: 'MONTH', minDays: 10, fixedWeekdays: [] };
    const bayern = evaluatePresencePolicy(policy, may, 'BY', new Set());
    const berlin = evaluatePresencePolicy(policy, may, 'BE', new Set());
    const none = evaluatePresencePolicy(policy, may, null, new Set());
    // May 2027: 21 weekdays; 6 May Ascension, 17 May Whit Monday everywhere; 27 May Fronleichnam in Bayern.
    expect(bayern.holidays).toEqual(['2027-05-06', '2027-05-17', '2027-05-27']);
    expect(berlin.holidays).toEqual(['2027-05-06', '2027-05-17']);
    expect(none.holidays).toEqual(['2027-05-06', '2027-05-17']);
    expect(bayern.workingDays).toBe(18);
    expect(berlin.workingDays).toBe(19);
    expect(bayern.required).toBe(9); // 10 × 18/21 = 8.57 → 9
    expect(berlin.required).toBe(9); // 10 × 19/21 = 9.05 → 9
  });

  it('knows Reformationstag and Allerheiligen apart in a month with both', () => {
    // November 2027: Monday 1 November is Allerheiligen in Bayern and Nordrhein-Westfalen, not in Sachsen; Sachsen
    // has Buß- und Bettag (17 November) instead.
    const november = policyPeriod('MONTH', d('2027-11-15'));
    const policy: PresencePolicy = { period: 'MONTH', minDays: 8, fixedWeekdays: [3] };
    expect(evaluatePresencePolicy(policy, november, 'BY', new Set()).holidays).toEqual(['2027-11-01']);
    expect(evaluatePresencePolicy(policy, november, 'NW', new Set()).holidays).toEqual(['2027-11-01']);
    const sachsen = evaluatePresencePolicy(policy, november, 'SN', new Set());
    expect(sachsen.holidays).toEqual(['2027-11-17']);
    // The fixed Wednesday 17 November is waived in Sachsen only.
    expect(sachsen.missingFixedWeekdays).toEqual(['2027-11-03', '2027-11-10', '2027-11-24']);
    expect(evaluatePresencePolicy(policy, november, 'BY', new Set()).missingFixedWeekdays).toHaveLength(4);
  });

  it('rounds half up, at least 1 when asked for a day, never above the working days', () => {
    expect(requiredDays(1, 1, 5)).toBe(1);
    expect(requiredDays(5, 4, 5)).toBe(4);
    expect(requiredDays(2, 3, 4)).toBe(2); // 1.5 → 2
    expect(requiredDays(3, 1, 2)).toBe(1); // 1.5 → 2, capped at 1 working day
    expect(requiredDays(0, 5, 5)).toBe(0);
    expect(requiredDays(3, 0, 5)).toBe(0);
  });

  it('is never asked for more than the working days, and 1 or more when there is work and a day asked for', () => {
    fc.assert(
      fc.property(policyArb, civilDateArb, landArb, (policy, date, land) => {
        const period = policyPeriod(policy.period, date);
        const result = evaluatePresencePolicy(policy, period, land, new Set());
        expect(result.required).toBeLessThanOrEqual(result.workingDays);
        expect(result.required).toBeLessThanOrEqual(policy.minDays);
        if (policy.minDays >= 1 && result.workingDays >= 1) expect(result.required).toBeGreaterThanOrEqual(1);
        if (result.holidays.length === 0) expect(result.required).toBe(Math.min(policy.minDays, result.workingDays));
        let weekdays = 0;
        for (let day = period.from; day <= period.to; day = addDays(day, 1)) if (weekdayOf(day) <= 5) weekdays += 1;
        expect(result.workingDays + result.holidays.length).toBe(weekdays);
        if (policy.period === 'WEEK') expect(weekdays).toBe(5);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in what is planned: booking one more day never un-meets a policy', () => {
    fc.assert(
      fc.property(
        policyArb,
        civilDateArb,
        landArb,
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (policy, date, land, offsets, extra) => {
          const period = policyPeriod(policy.period, date);
          const planned = new Set(offsets.map((offset) => addDays(period.from, offset)));
          const before = evaluatePresencePolicy(policy, period, land, planned);
          const after = evaluatePresencePolicy(
            policy,
            period,
            land,
            new Set([...planned, addDays(period.from, extra)]),
          );
          expect(after.planned).toBeGreaterThanOrEqual(before.planned);
          expect(after.required).toBe(before.required);
          expect(after.missingFixedWeekdays.length).toBeLessThanOrEqual(before.missingFixedWeekdays.length);
          if (before.met) expect(after.met).toBe(true);
          // Only dates inside the period count.
          const inside = [...planned].filter((day) => period.from <= day && day <= period.to);
          expect(before.planned).toBe(inside.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists as missing exactly the fixed weekdays that are working days without a booking', () => {
    fc.assert(
      fc.property(policyArb, civilDateArb, landArb, (policy, date, land) => {
        const period = policyPeriod(policy.period, date);
        const result = evaluatePresencePolicy(policy, period, land, new Set());
        for (const missing of result.missingFixedWeekdays) {
          expect(policy.fixedWeekdays).toContain(weekdayOf(missing));
          expect(result.holidays).not.toContain(missing);
        }
        const all = evaluatePresencePolicy(policy, period, land, new Set(result.missingFixedWeekdays));
        expect(all.missingFixedWeekdays).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkPresencePolicy', () => {
  it('accepts sensible policies', () => {
    expect(checkPresencePolicy({ period: 'WEEK', minDays: 2, fixedWeekdays: [2] }).ok).toBe(true);
    expect(checkPresencePolicy({ period: 'MONTH', minDays: 8, fixedWeekdays: [1, 2, 3] }).ok).toBe(true);
    expect(checkPresencePolicy({ period: 'MONTH', minDays: 0, fixedWeekdays: [5] }).ok).toBe(true);
  });

  it.each<[string, PresencePolicy]>([
    ['too many days a week', { period: 'WEEK', minDays: 6, fixedWeekdays: [] }],
    ['too many days a month', { period: 'MONTH', minDays: 24, fixedWeekdays: [] }],
    ['negative days', { period: 'WEEK', minDays: -1, fixedWeekdays: [] }],
    ['a fraction', { period: 'WEEK', minDays: 1.5, fixedWeekdays: [] }],
    ['Saturday', { period: 'WEEK', minDays: 2, fixedWeekdays: [6 as Weekday] }],
    ['a weekday twice', { period: 'WEEK', minDays: 2, fixedWeekdays: [2, 2] }],
    ['nothing asked for', { period: 'MONTH', minDays: 0, fixedWeekdays: [] }],
    ['more fixed weekdays than days', { period: 'WEEK', minDays: 1, fixedWeekdays: [1, 2] }],
  ])('refuses %s with German and English texts', (_name, policy) => {
    const check = checkPresencePolicy(policy);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.messages.de.length).toBeGreaterThan(10);
      expect(check.messages.en.length).toBeGreaterThan(10);
    }
  });
});

describe('privateCount', () => {
  it('reads 1 and 2 as "fewer than 3" and shows 0 and 3 or more', () => {
    expect(privateCount(0)).toEqual({ count: 0, fewerThanThree: false });
    expect(privateCount(1)).toEqual({ count: null, fewerThanThree: true });
    expect(privateCount(2)).toEqual({ count: null, fewerThanThree: true });
    expect(privateCount(3)).toEqual({ count: 3, fewerThanThree: false });
    expect(() => privateCount(-1)).toThrow(RangeError);
  });

  it('never shows 1 or 2, and withholds the other of two counts when one is withheld', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), (a, b) => {
        const [first, second] = privateSplit(a, b);
        for (const [shown, n] of [
          [first, a],
          [second, b],
        ] as const) {
          expect(shown.count === 1 || shown.count === 2).toBe(false);
          expect(shown.fewerThanThree).toBe(n === 1 || n === 2);
          if (shown.count !== null) expect(shown.count).toBe(n);
        }
        if (first.count === null || second.count === null) {
          expect(first.count).toBeNull();
          expect(second.count).toBeNull();
        }
      }),
    );
  });
});
