import type { OfficeSharing, Organisation } from '../../core/graphql/api.types';

const byName = (a: Organisation, b: Organisation): number => a.name.localeCompare(b.name, 'de');

/** Organisations the office can still be shared with: not its operator and not shared with already, by name. */
export function offerableOrganisations(all: readonly Organisation[], sharing: OfficeSharing): readonly Organisation[] {
  const excluded = new Set([sharing.office.operator.id, ...sharing.sharedWith.map((organisation) => organisation.id)]);
  return all.filter((organisation) => !excluded.has(organisation.id)).sort(byName);
}

/** The list with `updated` in place of the sharing of the same office. */
export function replaceSharing(list: readonly OfficeSharing[], updated: OfficeSharing): OfficeSharing[] {
  return list.map((sharing) => (sharing.office.id === updated.office.id ? updated : sharing));
}

/** "3 Buchungen wurden storniert." */
export function cancelledBookingsText(count: number): string {
  if (count === 0) {
    return $localize`Es wurden keine Buchungen storniert.`;
  }
  return count === 1 ? $localize`1 Buchung wurde storniert.` : $localize`${count}:count: Buchungen wurden storniert.`;
}

/** What the admin is told after revoking a sharing. */
export function revokedText(
  officeName: string,
  organisationName: string,
  cancelBookings: boolean,
  cancelledBookings: number,
): string {
  const revoked = $localize`${organisationName} kann ${officeName} nicht mehr buchen.`;
  return cancelBookings
    ? `${revoked} ${cancelledBookingsText(cancelledBookings)}`
    : `${revoked} Bestehende Buchungen bleiben erhalten.`;
}
