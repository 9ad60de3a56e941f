import type { DayPart } from '../../../core/graphql/api.types';
import { intlLocale } from '../../../core/i18n/language';
import { isCivilDate } from '../../../shared/date/civil-date';
import { dateTimeFormat } from '../../../shared/date/civil-date';

/** The API's limits for one search (presence contract). */
export const MAX_RANGE_DAYS = 62;
export const MAX_OFFICES = 50;
/** The range offered at first: four weeks from today. */
export const DEFAULT_RANGE_DAYS = 28;

const DAY_MS = 86_400_000;

function utcNoon(civilDate: string): number {
  const [year, month, day] = civilDate.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, 12);
}

/** The civil date `days` after `civilDate` ("2026-11-23" + 7 = "2026-11-30"); no zone can shift it. */
export function addDays(civilDate: string, days: number): string {
  return new Date(utcNoon(civilDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysInRange(from: string, to: string): number {
  return Math.round((utcNoon(to) - utcNoon(from)) / DAY_MS) + 1;
}

const LONG_GERMAN_DATE = (): Intl.DateTimeFormat =>
  dateTimeFormat(intlLocale(), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** "2026-11-24" → "Dienstag, 24. November 2026". */
export function formatLongGermanDate(civilDate: string): string {
  return isCivilDate(civilDate) ? LONG_GERMAN_DATE().format(new Date(utcNoon(civilDate))) : civilDate;
}

export interface BestDaysDraft {
  readonly from: string;
  readonly to: string;
  readonly officeIds: readonly string[];
  readonly part: DayPart;
}

export function defaultDraft(today: string): BestDaysDraft {
  return { from: today, to: addDays(today, DEFAULT_RANGE_DAYS - 1), officeIds: [], part: 'FULL_DAY' };
}

/** What is wrong with the search in plain German, or null when it can be sent. */
export function draftProblem(draft: BestDaysDraft, today: string): string | null {
  if (!isCivilDate(draft.from) || !isCivilDate(draft.to)) {
    return $localize`Bitte geben Sie für den ersten und den letzten Tag ein gültiges Datum ein.`;
  }
  if (draft.from < today) {
    return $localize`Der erste Tag liegt in der Vergangenheit. Bitte wählen Sie heute oder einen späteren Tag.`;
  }
  if (draft.to < draft.from) {
    return $localize`Der letzte Tag liegt vor dem ersten. Bitte prüfen Sie die beiden Daten.`;
  }
  if (daysInRange(draft.from, draft.to) > MAX_RANGE_DAYS) {
    return $localize`Der Zeitraum ist zu lang. Bitte wählen Sie höchstens ${MAX_RANGE_DAYS} Tage.`;
  }
  if (draft.officeIds.length > MAX_OFFICES) {
    return $localize`Bitte wählen Sie höchstens ${MAX_OFFICES} Büros.`;
  }
  return null;
}

/** "7 von 9 können kommen". */
export function canComeText(canCome: number, members: number): string {
  return canCome === 1
    ? $localize`1 von ${members}:members: kann kommen`
    : $localize`${canCome}:canCome: von ${members}:members: können kommen`;
}

/** "12 Plätze frei", "1 Platz frei", "Kein Platz frei". */
export function freeDesksText(freeDesks: number): string {
  if (freeDesks === 0) {
    return $localize`Kein Platz frei`;
  }
  return `${freeDesks} ${freeDesks === 1 ? $localize`Platz` : $localize`Plätze`} frei`;
}

/** "2 anderswo gebucht, 1 abwesend", or null when both are 0. */
export function absentText(bookedElsewhere: number, away: number): string | null {
  const parts = [
    ...(bookedElsewhere > 0 ? [$localize`${bookedElsewhere} anderswo gebucht`] : []),
    ...(away > 0 ? [`${away} abwesend`] : []),
  ];
  return parts.length === 0 ? null : parts.join(', ');
}
