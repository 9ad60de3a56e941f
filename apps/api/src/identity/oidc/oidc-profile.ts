import type { JWTPayload } from 'jose';

import { DomainError } from '../../common/domain-error.js';

/** Codes of refusals after a valid token, when the person cannot be placed in nahbar. */
export const OidcErrorCode = {
  OrganisationUnknown: 'ORGANISATION_UNKNOWN',
  ProfileIncomplete: 'PROFILE_INCOMPLETE',
} as const;

/** What nahbar keeps about a signed-in person, read from the access token's claims. */
export interface OidcProfile {
  readonly displayName: string;
  /** Absent when the token carries no (plausible) e-mail address: the stored one is kept. */
  readonly email?: string;
  /** Value of the organisation claim, matched against `organisations.claim_value`. */
  readonly organisation?: string;
}

const MAX_NAME = 200;
const MAX_EMAIL = 320;

/**
 * Name from `name`, else `given_name` + `family_name`, else `preferred_username`; e-mail from `email`; the
 * organisation from the configured claim: a string, or a list of exactly one (Keycloak's multivalued mappers and
 * organisation claim). A token without any name is refused: people see each other by name.
 */
export function profileFromClaims(payload: JWTPayload, organisationClaim: string): OidcProfile {
  const displayName =
    text(payload['name']) ??
    text([text(payload['given_name']), text(payload['family_name'])].filter(Boolean).join(' ')) ??
    text(payload['preferred_username']);
  if (displayName === undefined) {
    throw new DomainError(
      OidcErrorCode.ProfileIncomplete,
      'Your sign-in does not tell nahbar your name. Ask your IT service to release the name claim to nahbar.',
    );
  }
  const email = text(payload['email']);
  const organisation = single(payload[organisationClaim]);
  return {
    displayName: displayName.slice(0, MAX_NAME),
    ...(email !== undefined && email.length <= MAX_EMAIL && /^[^\s@]+@[^\s@]+$/.test(email) ? { email } : {}),
    ...(organisation === undefined ? {} : { organisation }),
  };
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? undefined : trimmed;
}

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? text(value[0]) : undefined;
  return text(value);
}
