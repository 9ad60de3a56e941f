import type {
  PresencePeriod,
  PresencePeriodProgress,
  PresencePolicy,
  PrivateCount,
} from '../../../core/graphql/api.types';
import { formatCivilDate, weekdayName } from '../../../shared/date/civil-date';

/** ISO weekdays a policy can fix: Monday (1) to Friday (5). */
export const POLICY_WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** The weekdays a policy can fix, by ISO number, named in the active language. */
export const WEEKDAY_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  POLICY_WEEKDAYS.map((day) => [day, weekdayName(day)]),
);

export const PERIOD_NAMES: Readonly<Record<PresencePeriod, string>> = {
  WEEK: $localize`pro Woche`,
  MONTH: $localize`pro Monat`,
};

/** The most office days a period can ask for: its weekdays. */
export const MAX_DAYS: Readonly<Record<PresencePeriod, number>> = { WEEK: 5, MONTH: 23 };

/** "A", "A und B", "A, B und C". */
export function germanList(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return $localize`${items.slice(0, -1).join(', ')}:first: und ${items[items.length - 1]}:last:`;
}

export function weekdayNames(weekdays: readonly number[]): string {
  return germanList([...weekdays].sort((a, b) => a - b).map((day) => weekdayName(day)));
}

/** "1 Bürotag", "2 Bürotage". */
function officeDays(count: number): string {
  return count === 1 ? $localize`1 Bürotag` : $localize`${count}:count: Bürotage`;
}

/** The policy in one plain sentence: "Mindestens 2 Bürotage pro Woche, feste Tage: Dienstag". */
export function policyText(policy: PresencePolicy | null): string {
  if (policy === null) {
    return $localize`Für dieses Team ist keine Anwesenheitsregel festgelegt.`;
  }
  const fixed = policy.fixedWeekdays.length > 0 ? weekdayNames(policy.fixedWeekdays) : null;
  if (policy.minDays < 1) {
    return fixed === null ? $localize`Keine Mindestzahl an Bürotagen.` : $localize`Feste Bürotage: ${fixed}:days:`;
  }
  const minimum = $localize`Mindestens ${officeDays(policy.minDays)}:days: ${PERIOD_NAMES[policy.period]}:period:`;
  return fixed === null ? minimum : $localize`${minimum}:minimum:, feste Tage: ${fixed}:fixed:`;
}

/** "Diese Woche", "Nächste Woche", "Dieser Monat", "Nächster Monat". */
export function periodName(period: PresencePeriod, index: number): string {
  if (period === 'WEEK') {
    return index === 0 ? $localize`Diese Woche` : $localize`Nächste Woche`;
  }
  return index === 0 ? $localize`Dieser Monat` : $localize`Nächster Monat`;
}

export function periodRange(progress: Pick<PresencePeriodProgress, 'from' | 'to'>): string {
  return $localize`${formatCivilDate(progress.from)}:from: bis ${formatCivilDate(progress.to)}:to:`;
}

/** "Geplant: 1 von 2 Tagen". */
export function plannedText(progress: Pick<PresencePeriodProgress, 'planned' | 'required'>): string {
  return progress.required === 1
    ? $localize`Geplant: ${progress.planned}:planned: von 1 Tag`
    : $localize`Geplant: ${progress.planned}:planned: von ${progress.required}:required: Tagen`;
}

/** "1 Feiertag: Fr., 25.12.2026", or null without holidays. */
export function holidaysText(progress: Pick<PresencePeriodProgress, 'holidays' | 'workingDays'>): string | null {
  const count = progress.holidays.length;
  if (count === 0) {
    return null;
  }
  const dates = germanList(progress.holidays.map((date) => formatCivilDate(date)));
  const working =
    progress.workingDays === 1 ? $localize`1 Arbeitstag` : $localize`${progress.workingDays}:count: Arbeitstage`;
  return count === 1
    ? $localize`1 Feiertag: ${dates}:dates:. Es bleiben ${working}:working:; die Zahl der Tage ist entsprechend angepasst.`
    : $localize`${count}:count: Feiertage: ${dates}:dates:. Es bleiben ${working}:working:; die Zahl der Tage ist entsprechend angepasst.`;
}

/** "Feste Tage noch ohne Buchung: Di., 24.11.2026", or null when none is missing. */
export function missingFixedText(progress: Pick<PresencePeriodProgress, 'missingFixedWeekdays'>): string | null {
  if (progress.missingFixedWeekdays.length === 0) {
    return null;
  }
  return $localize`Feste Tage noch ohne Buchung: ${germanList(progress.missingFixedWeekdays.map((date) => formatCivilDate(date)))}`;
}

/** A count a lead may see: the number, or "weniger als 3" for 1 and 2. */
export function privateCountText(count: PrivateCount): string {
  if (count.count !== null) {
    return String(count.count);
  }
  return count.fewerThanThree ? $localize`weniger als 3` : '0';
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
    return { problem: $localize`Bitte geben Sie als Mindestzahl eine ganze Zahl von 0 bis ${max} ein.` };
  }
  const minDays = Number(text);
  const fixedWeekdays = [...draft.fixedWeekdays].sort((a, b) => a - b);
  if (minDays === 0 && fixedWeekdays.length === 0) {
    return {
      problem: $localize`Eine Regel ohne Bürotage und ohne feste Tage verlangt nichts. Bitte geben Sie eine Mindestzahl an oder wählen Sie einen festen Tag.`,
    };
  }
  // Fixed weekdays are office days and count towards the minimum (as the API checks it).
  if (draft.period === 'WEEK' && fixedWeekdays.length > minDays) {
    return {
      problem: $localize`Feste Tage zählen als Bürotage: Bitte erhöhen Sie die Mindestzahl auf mindestens ${fixedWeekdays.length} oder wählen Sie weniger feste Tage.`,
    };
  }
  return { policy: { period: draft.period, minDays, fixedWeekdays } };
}
