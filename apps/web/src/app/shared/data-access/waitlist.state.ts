import type { DayPart, WaitlistEntry } from '../../core/graphql/api.types';
import { formatCivilDate } from '../date/civil-date';
import { DAY_PART_LABELS } from '../labels/day-part.labels';

/** The person's live entry (waiting or assigned) for an office, date and part; null when there is none. */
export function waitlistEntryFor(
  entries: readonly WaitlistEntry[],
  officeId: string,
  date: string,
  part: DayPart,
): WaitlistEntry | null {
  return (
    entries.find(
      (entry) => entry.status !== 'LEFT' && entry.office.id === officeId && entry.date === date && entry.part === part,
    ) ?? null
  );
}

/** Entries worth showing on "Meine Buchungen": waiting or assigned, soonest first. */
export function visibleWaitlist(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  return entries
    .filter((entry) => entry.status !== 'LEFT')
    .sort((a, b) => a.date.localeCompare(b.date) || a.part.localeCompare(b.part));
}

/** e.g. "Sie stehen auf Platz 2 der Warteliste." or that a desk was assigned. */
export function waitlistStateText(entry: WaitlistEntry): string {
  if (entry.status === 'ASSIGNED') {
    return entry.booking
      ? $localize`Ein Platz ist frei geworden: Sie haben Platz ${entry.booking.deskCode} bekommen.`
      : $localize`Ein Platz ist frei geworden und Ihnen zugeteilt.`;
  }
  if (entry.status === 'LEFT') {
    return $localize`Sie stehen nicht mehr auf der Warteliste.`;
  }
  return entry.position === null
    ? $localize`Sie stehen auf der Warteliste.`
    : $localize`Sie stehen auf Platz ${entry.position} der Warteliste.`;
}

/** "Di., 24.11.2026 (Vormittag)" */
export function waitlistWhen(entry: Pick<WaitlistEntry, 'date' | 'part'>): string {
  return `${formatCivilDate(entry.date)} (${DAY_PART_LABELS[entry.part]})`;
}
