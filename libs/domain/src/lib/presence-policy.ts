import { DateTime } from 'luxon';

import { addDays, type CivilDate, compareCivilDates, startOfIsoWeek, type Weekday, weekdayOf } from './civil-date.js';
import { type PublicHoliday, publicHoliday } from './holidays.js';
import { type Land, LANDS } from './land.js';
import { type LocalizedText } from './localized-text.js';

/** Periods a presence policy counts office days in: ISO weeks (Monday to Sunday) or calendar months. */
export const PRESENCE_PERIODS = ['WEEK', 'MONTH'] as const;
export type PresencePeriod = (typeof PRESENCE_PERIODS)[number];

/** Weekdays a policy may fix: Monday (1) to Friday (5). */
export const POLICY_WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** Most office days a policy may ask for per period (a week has 5 working days, no month more than 23). */
export const MAX_POLICY_DAYS: Readonly<Record<PresencePeriod, number>> = { WEEK: 5, MONTH: 23 };

/** A team's presence policy: at least `minDays` office days per period, and the fixed weekdays (if any). */
export interface PresencePolicy {
  readonly period: PresencePeriod;
  readonly minDays: number;
  readonly fixedWeekdays: readonly Weekday[];
}

/** A period from `from` to `to`, both inclusive. */
export interface PolicyPeriodRange {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/** How a person's planned office days meet a policy in one period: their own view, never shown to anyone else. */
export interface PolicyEvaluation {
  /** Office days the policy asks for in this period, scaled down for public holidays. */
  readonly required: number;
  /** Distinct dates in the period with a live booking (any office, any part of the day). */
  readonly planned: number;
  readonly met: boolean;
  /** Public holidays on Monday to Friday in the period (they are not working days). */
  readonly holidays: CivilDate[];
  /** Fixed weekdays in the period that are working days and have no booking. */
  readonly missingFixedWeekdays: CivilDate[];
  /** Monday to Friday in the period that are not public holidays. */
  readonly workingDays: number;
}

export type PolicyCheck = { readonly ok: true } | { readonly ok: false; readonly messages: LocalizedText };

/**
 * Checks that a policy makes sense before it is stored: `minDays` a whole number from 0 to the period's maximum,
 * fixed weekdays distinct and Monday to Friday, at least one requirement, and (per week) no more fixed weekdays
 * than days asked for: fixed weekdays are office days, so they count towards `minDays`.
 */
export function checkPresencePolicy(policy: PresencePolicy): PolicyCheck {
  const max = MAX_POLICY_DAYS[policy.period];
  if (!Number.isInteger(policy.minDays) || policy.minDays < 0 || policy.minDays > max) {
    return invalid({
      de: `Die Mindestzahl der Bürotage muss eine ganze Zahl von 0 bis ${max} sein (${policy.period === 'WEEK' ? 'pro Woche' : 'pro Monat'}).`,
      en: `The minimum of office days must be a whole number from 0 to ${max} (per ${policy.period === 'WEEK' ? 'week' : 'month'}).`,
    });
  }
  const weekdays = policy.fixedWeekdays as readonly number[];
  if (weekdays.some((day) => !(POLICY_WEEKDAYS as readonly number[]).includes(day))) {
    return invalid({
      de: 'Feste Wochentage sind Montag (1) bis Freitag (5).',
      en: 'Fixed weekdays are Monday (1) to Friday (5).',
    });
  }
  if (new Set(weekdays).size !== weekdays.length) {
    return invalid({
      de: 'Jeder feste Wochentag darf nur einmal vorkommen.',
      en: 'Name each fixed weekday only once.',
    });
  }
  if (policy.minDays === 0 && weekdays.length === 0) {
    return invalid({
      de: 'Eine Regel ohne Bürotage und ohne feste Wochentage verlangt nichts. Entfernen Sie die Regel stattdessen.',
      en: 'A policy with no office days and no fixed weekdays asks for nothing. Remove the policy instead.',
    });
  }
  if (policy.period === 'WEEK' && weekdays.length > policy.minDays) {
    return invalid({
      de: `Feste Wochentage zählen als Bürotage: wählen Sie höchstens ${policy.minDays} feste Wochentage oder erhöhen Sie die Mindestzahl.`,
      en: `Fixed weekdays count as office days: choose at most ${policy.minDays} fixed weekdays or raise the minimum.`,
    });
  }
  return { ok: true };
}

function invalid(messages: LocalizedText): PolicyCheck {
  return { ok: false, messages };
}

/** The period of kind `period` that holds `date`. */
export function policyPeriod(period: PresencePeriod, date: CivilDate): PolicyPeriodRange {
  if (period === 'WEEK') {
    const from = startOfIsoWeek(date);
    return { from, to: addDays(from, 6) };
  }
  const first = `${date.slice(0, 8)}01` as CivilDate;
  const days = DateTime.fromISO(first, { zone: 'utc' }).daysInMonth;
  if (days === undefined) throw new RangeError(`Invalid civil date: ${date}`);
  return { from: first, to: addDays(first, days - 1) };
}

/** The period right after the one that holds `date`. */
export function nextPolicyPeriod(period: PresencePeriod, date: CivilDate): PolicyPeriodRange {
  return policyPeriod(period, addDays(policyPeriod(period, date).to, 1));
}

/**
 * The public holiday on `date` when it is one in all sixteen Länder (New Year, Good Friday, Easter Monday, 1 May,
 * Ascension, Whit Monday, 3 October, Christmas): the holidays that count for an organisation without a Land.
 */
export function nationwidePublicHoliday(date: CivilDate): PublicHoliday | undefined {
  let first: PublicHoliday | undefined;
  for (const land of LANDS) {
    const holiday = publicHoliday(date, land);
    if (!holiday) return undefined;
    first ??= holiday;
  }
  return first;
}

/** The public holiday that counts for an organisation of `land` (null: only the nationwide ones). */
export function policyHoliday(date: CivilDate, land: Land | null): PublicHoliday | undefined {
  return land === null ? nationwidePublicHoliday(date) : publicHoliday(date, land);
}

/**
 * Evaluates a person's planned office days against a policy in one period.
 * - working days: Monday to Friday that are not public holidays of the organisation's Land;
 * - required: `minDays` scaled by working days / weekdays of the period, rounded half up, at least 1 when the policy
 *   asks for a day and there is a working day, never more than the working days;
 * - planned: distinct dates of the period in `plannedDates` (the person's live bookings);
 * - missing fixed weekdays: every fixed weekday of the period that is a working day without a booking (a fixed
 *   weekday on a holiday is waived);
 * - met: planned ≥ required and no fixed weekday missing.
 */
export function evaluatePresencePolicy(
  policy: PresencePolicy,
  range: PolicyPeriodRange,
  land: Land | null,
  plannedDates: ReadonlySet<CivilDate>,
): PolicyEvaluation {
  if (compareCivilDates(range.from, range.to) > 0) {
    throw new RangeError(`A period must not end before it starts: ${range.from} to ${range.to}`);
  }
  const holidays: CivilDate[] = [];
  const missingFixedWeekdays: CivilDate[] = [];
  const fixed = new Set<number>(policy.fixedWeekdays);
  let weekdays = 0;
  let workingDays = 0;
  let planned = 0;
  for (let date = range.from; compareCivilDates(date, range.to) <= 0; date = addDays(date, 1)) {
    if (plannedDates.has(date)) planned += 1;
    const weekday = weekdayOf(date);
    if (weekday > 5) continue;
    weekdays += 1;
    if (policyHoliday(date, land)) {
      holidays.push(date);
      continue;
    }
    workingDays += 1;
    if (fixed.has(weekday) && !plannedDates.has(date)) missingFixedWeekdays.push(date);
  }
  const required = requiredDays(policy.minDays, workingDays, weekdays);
  return {
    required,
    planned,
    met: planned >= required && missingFixedWeekdays.length === 0,
    holidays,
    missingFixedWeekdays,
    workingDays,
  };
}

/** `minDays` × workingDays / weekdays rounded half up (in whole numbers, no float noise), within [1, workingDays]. */
export function requiredDays(minDays: number, workingDays: number, weekdays: number): number {
  if (minDays <= 0 || workingDays <= 0 || weekdays <= 0) return 0;
  const scaled = Math.floor((2 * minDays * workingDays + weekdays) / (2 * weekdays));
  return Math.min(workingDays, Math.max(1, scaled));
}

/**
 * A count as it may be shown about other people (DESIGN.md §5): 1 and 2 read "fewer than 3" so that nobody can be
 * singled out; 0 and 3 or more are shown as they are.
 */
export interface PrivateCount {
  readonly count: number | null;
  readonly fewerThanThree: boolean;
}

export function privateCount(n: number): PrivateCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count is a whole number, 0 or more: ${n}`);
  return n >= 1 && n <= 2 ? { count: null, fewerThanThree: true } : { count: n, fewerThanThree: false };
}

/**
 * Two counts that add up to a total the reader knows (members meeting and not meeting a policy): when one of them
 * reads "fewer than 3", the other is withheld too (count null), or it would give the first away by subtraction.
 */
export function privateSplit(first: number, second: number): readonly [PrivateCount, PrivateCount] {
  const a = privateCount(first);
  const b = privateCount(second);
  if (!a.fewerThanThree && !b.fewerThanThree) return [a, b];
  return [
    { count: null, fewerThanThree: a.fewerThanThree },
    { count: null, fewerThanThree: b.fewerThanThree },
  ];
}
