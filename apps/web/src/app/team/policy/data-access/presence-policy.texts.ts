import type {
  PresencePeriod,
  PresencePeriodProgress,
  PresencePolicy,
  PrivateCount,
} from '../../../core/graphql/api.types';
import { formatGermanDate } from '../../../shared/date/civil-date';

/** ISO weekdays a policy can fix: Monday (1) to Friday (5). */
export const POLICY_WEEKDAYS = [1, 2, 3, 4, 5] as const;

export const WEEKDAY_NAMES: Readonly<Record<number, string>> = {
  1: 'Montag',
  2: 'Dienstag',
  3: 'Mittwoch',
  4: 'Donnerstag',
  5: 'Freitag',
};

export const PERIOD_NAMES: Readonly<Record<PresencePeriod, string>> = {
  WEEK: 'pro Woche',
  MONTH: 'pro Monat',
};

/** The most office days a period can ask for: its weekdays. */
export const MAX_DAYS: Readonly<Record<PresencePeriod, number>> = { WEEK: 5, MONTH: 23 };

/** "A", "A und B", "A, B und C". */
export function germanList(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

export function weekdayNames(weekdays: readonly number[]): string {
  return germanList([...weekdays].sort((a, b) => a - b).map((day) => WEEKDAY_NAMES[day] ?? String(day)));
}

/** "1 Bürotag", "2 Bürotage". */
function officeDays(count: number): string {
  return `${count} ${count === 1 ? 'Bürotag' : 'Bürotage'}`;
}

/** The policy in one plain sentence: "Mindestens 2 Bürotage pro Woche, feste Tage: Dienstag". */
export function policyText(policy: PresencePolicy | null): string {
  if (policy === null) {
    return 'Für dieses Team ist keine Anwesenheitsregel festgelegt.';
  }
  const fixed = policy.fixedWeekdays.length > 0 ? weekdayNames(policy.fixedWeekdays) : null;
  if (policy.minDays < 1) {
    return fixed === null ? 'Keine Mindestzahl an Bürotagen.' : `Feste Bürotage: ${fixed}`;
  }
  const minimum = `Mindestens ${officeDays(policy.minDays)} ${PERIOD_NAMES[policy.period]}`;
  return fixed === null ? minimum : `${minimum}, feste Tage: ${fixed}`;
}

/** "Diese Woche", "Nächste Woche", "Dieser Monat", "Nächster Monat". */
export function periodName(period: PresencePeriod, index: number): string {
  if (period === 'WEEK') {
    return index === 0 ? 'Diese Woche' : 'Nächste Woche';
  }
  return index === 0 ? 'Dieser Monat' : 'Nächster Monat';
}

export function periodRange(progress: Pick<PresencePeriodProgress, 'from' | 'to'>): string {
  return `${formatGermanDate(progress.from)} bis ${formatGermanDate(progress.to)}`;
}

/** "Geplant: 1 von 2 Tagen". */
export function plannedText(progress: Pick<PresencePeriodProgress, 'planned' | 'required'>): string {
  return `Geplant: ${progress.planned} von ${progress.required} ${progress.required === 1 ? 'Tag' : 'Tagen'}`;
}

/** "1 Feiertag: Fr., 25.12.2026", or null without holidays. */
export function holidaysText(progress: Pick<PresencePeriodProgress, 'holidays' | 'workingDays'>): string | null {
  const count = progress.holidays.length;
  if (count === 0) {
    return null;
  }
  const dates = germanList(progress.holidays.map(formatGermanDate));
  const working = `${progress.workingDays} ${progress.workingDays === 1 ? 'Arbeitstag' : 'Arbeitstage'}`;
  return `${count} ${count === 1 ? 'Feiertag' : 'Feiertage'}: ${dates}. Es bleiben ${working}; die Zahl der Tage ist entsprechend angepasst.`;
}

/** "Feste Tage noch ohne Buchung: Di., 24.11.2026", or null when none is missing. */
export function missingFixedText(progress: Pick<PresencePeriodProgress, 'missingFixedWeekdays'>): string | null {
  if (progress.missingFixedWeekdays.length === 0) {
    return null;
  }
  return `Feste Tage noch ohne Buchung: ${germanList(progress.missingFixedWeekdays.map(formatGermanDate))}`;
}

/** A count a lead may see: the number, or "weniger als 3" for 1 and 2. */
export function privateCountText(count: PrivateCount): string {
  if (count.count !== null) {
    return String(count.count);
  }
  return count.fewerThanThree ? 'weniger als 3' : '0';
}

/** What the lead typed into the form, before it is checked. */
export interface PolicyDraft {
  readonly period: PresencePeriod;
  readonly minDays: string;
  readonly fixedWeekdays: readonly number[];
}

export function draftFromPolicy(policy: PresencePolicy | null): PolicyDraft {
  return policy === null
    ? { period: 'WEEK', minDays: '1', fixedWeekdays: [] }
    : { period: policy.period, minDays: String(policy.minDays), fixedWeekdays: [...policy.fixedWeekdays] };
}

/** The policy the draft describes, or what is wrong with it in plain German (the API's rules, checked early). */
export function policyFromDraft(draft: PolicyDraft): { policy: PresencePolicy } | { problem: string } {
  const text = draft.minDays.trim();
  const max = MAX_DAYS[draft.period];
  if (!/^\d+$/.test(text) || Number(text) > max) {
    return { problem: `Bitte geben Sie als Mindestzahl eine ganze Zahl von 0 bis ${max} ein.` };
  }
  const minDays = Number(text);
  const fixedWeekdays = [...draft.fixedWeekdays].sort((a, b) => a - b);
  if (minDays === 0 && fixedWeekdays.length === 0) {
    return {
      problem:
        'Eine Regel ohne Bürotage und ohne feste Tage verlangt nichts. Bitte geben Sie eine Mindestzahl an oder wählen Sie einen festen Tag.',
    };
  }
  // Fixed weekdays are office days and count towards the minimum (as the API checks it).
  if (draft.period === 'WEEK' && fixedWeekdays.length > minDays) {
    return {
      problem: `Feste Tage zählen als Bürotage: Bitte erhöhen Sie die Mindestzahl auf mindestens ${fixedWeekdays.length} oder wählen Sie weniger feste Tage.`,
    };
  }
  return { policy: { period: draft.period, minDays, fixedWeekdays } };
}
