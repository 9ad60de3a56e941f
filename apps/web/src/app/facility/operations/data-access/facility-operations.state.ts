import { formatNumber } from '../../../core/i18n/language';
import type { FacilityOperationResult, ManagedOffice } from './facility-operations.api';

/** The cap as a whole percentage for the form ('' for no cap). */
export function percentFromShare(share: number | null): string {
  return share === null ? '' : String(Math.round(share * 100));
}

/** The share the API takes from the form's percentage: null for empty (no cap), undefined when not 1…100. */
export function shareFromPercent(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const percent = Number(trimmed);
  return percent >= 1 && percent <= 100 ? percent / 100 : undefined;
}

/** "1 Buchung" / "3 Buchungen". */
export function bookingsText(count: number): string {
  return count === 1 ? $localize`1 Buchung` : $localize`${formatNumber(count)}:count: Buchungen`;
}

/** What the manager confirms before an operation that cancels bookings (counts only: no names). */
export function confirmationText(action: string, dry: FacilityOperationResult): string {
  const cancelled =
    dry.cancelledBookings === 1
      ? $localize`Dabei wird 1 Buchung storniert.`
      : $localize`Dabei werden ${bookingsText(dry.cancelledBookings)}:bookings: storniert.`;
  const waitlist =
    dry.endedWaitlistEntries === 0
      ? ''
      : dry.endedWaitlistEntries === 1
        ? ` ${$localize`1 Eintrag auf der Warteliste endet.`}`
        : ` ${$localize`${formatNumber(dry.endedWaitlistEntries)}:count: Einträge auf der Warteliste enden.`}`;
  const notice = $localize`Die Betroffenen werden sofort benachrichtigt, mit dem Grund. Möchten Sie fortfahren?`;
  return `${action}: ${cancelled}${waitlist} ${notice}`;
}

/** What happened, for the status message. */
export function doneText(action: string, result: FacilityOperationResult): string {
  const seated =
    result.seatedFromWaitlist === 0
      ? ''
      : result.seatedFromWaitlist === 1
        ? ` ${$localize`1 Person von der Warteliste hat einen Platz bekommen und wurde benachrichtigt.`}`
        : ` ${$localize`${formatNumber(result.seatedFromWaitlist)}:count: Personen von der Warteliste haben einen Platz bekommen und wurden benachrichtigt.`}`;
  if (result.cancelledBookings === 0) return `${action}.${seated}`;
  return (
    $localize`${action}:action:. ${bookingsText(result.cancelledBookings)}:bookings: storniert; die Betroffenen wurden benachrichtigt.` +
    seated
  );
}

/** The list with `office` in place of its old version. */
export function replaceOffice(list: readonly ManagedOffice[], office: ManagedOffice): ManagedOffice[] {
  return list.map((candidate) => (candidate.office.id === office.office.id ? office : candidate));
}
