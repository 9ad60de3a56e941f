import type { Profile, Visibility } from '../core/graphql/api.types';
import type { UpdateProfileInput } from './data-access/profile.api';

/** The postal code as it will be saved: without spaces around or inside ("91 052" → "91052"). */
export function normalisePostalCode(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** What is wrong with the postal code as typed, in plain German; null when it is fine (empty is fine too). */
export function postalCodeProblem(raw: string): string | null {
  const value = normalisePostalCode(raw);
  if (value === '' || /^\d{5}$/.test(value)) {
    return null;
  }
  if (/^\d+$/.test(value)) {
    return $localize`Eine Postleitzahl hat genau fünf Ziffern, Sie haben ${value.length} eingegeben. Zum Beispiel: 91052.`;
  }
  return $localize`Bitte geben Sie nur Ziffern ein, genau fünf, zum Beispiel 91052.`;
}

export interface ProfileDraft {
  readonly homePostalCode: string;
  readonly visibility: Visibility;
}

/** What to send to save `draft`: only the fields that differ from `profile`; null when nothing changed. */
export function profileChanges(profile: Profile, draft: ProfileDraft): UpdateProfileInput | null {
  const postalCode = normalisePostalCode(draft.homePostalCode);
  const changes: { homePostalCode?: string; visibility?: Visibility } = {};
  if (postalCode !== (profile.homePostalCode ?? '')) {
    changes.homePostalCode = postalCode;
  }
  if (draft.visibility !== profile.visibility) {
    changes.visibility = draft.visibility;
  }
  return Object.keys(changes).length === 0 ? null : changes;
}
