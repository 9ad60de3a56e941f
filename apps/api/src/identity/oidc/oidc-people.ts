import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';

import { DomainError } from '../../common/domain-error.js';
import { OidcErrorCode, type OidcProfile } from './oidc-profile.js';

interface PersonRow {
  id: string;
  display_name: string;
  email: string | null;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The person behind a verified OpenID Connect identity (issuer + subject): found, or created on first sign-in from
 * the token's claims. Creation is one `INSERT … SELECT` that writes nothing for an unknown organisation and
 * `ON CONFLICT … DO NOTHING` for a concurrent first request, so racing first requests give one person.
 */
@Injectable()
export class OidcPeople {
  private readonly logger = new Logger('OidcPeople');

  constructor(private readonly dataSource: DataSource) {}

  async personFor(issuer: string, subject: string, profile: OidcProfile): Promise<string> {
    const existing = await this.find(issuer, subject);
    if (existing) {
      await this.refresh(existing, profile);
      return existing.id;
    }
    if (profile.organisation === undefined) throw organisationUnknown();
    const created = await this.create(issuer, subject, profile, profile.organisation);
    if (created) return created;
    // Nothing inserted: either a concurrent first request won (then the person exists now) or the organisation
    // claim names no organisation of nahbar.
    const winner = await this.find(issuer, subject);
    if (winner) return winner.id;
    throw organisationUnknown();
  }

  private async find(issuer: string, subject: string): Promise<PersonRow | undefined> {
    const rows: PersonRow[] = await this.dataSource.query(
      'SELECT id, display_name, email FROM people WHERE oidc_issuer = $1 AND oidc_subject = $2',
      [issuer, subject],
    );
    return rows[0];
  }

  private async create(
    issuer: string,
    subject: string,
    profile: OidcProfile,
    organisation: string,
  ): Promise<string | undefined> {
    // An e-mail address another person already holds is not stored (the column is unique); accounts are never
    // linked by e-mail, which would let whoever controls an address take over a person.
    const insert = (email: string | null): Promise<{ id: string }[]> =>
      this.dataSource.query(
        `INSERT INTO people (organisation_id, display_name, email, oidc_issuer, oidc_subject)
         SELECT o.id, $1, CASE WHEN EXISTS (SELECT 1 FROM people WHERE email = $2) THEN NULL ELSE $2 END, $3, $4
         FROM organisations o WHERE o.claim_value = $5
         ON CONFLICT (oidc_issuer, oidc_subject) DO NOTHING
         RETURNING id`,
        [profile.displayName, email, issuer, subject, organisation],
      );
    let rows: { id: string }[];
    try {
      rows = await insert(profile.email ?? null);
    } catch (error) {
      if (!isEmailTaken(error)) throw error;
      rows = await insert(null);
    }
    return rows[0]?.id;
  }

  /** Keeps name and e-mail as the identity provider has them now: one UPDATE, and only when they changed. */
  private async refresh(person: PersonRow, profile: OidcProfile): Promise<void> {
    const email = profile.email ?? person.email;
    if (person.display_name === profile.displayName && person.email === email) return;
    try {
      await this.dataSource.query('UPDATE people SET display_name = $2, email = $3 WHERE id = $1', [
        person.id,
        profile.displayName,
        email,
      ]);
    } catch (error) {
      if (!isEmailTaken(error)) throw error;
      this.logger.warn(`Person ${person.id}: the new e-mail address belongs to another person; kept the old one.`);
      if (person.display_name !== profile.displayName) {
        await this.dataSource.query('UPDATE people SET display_name = $2 WHERE id = $1', [
          person.id,
          profile.displayName,
        ]);
      }
    }
  }
}

function organisationUnknown(): DomainError {
  return new DomainError(
    OidcErrorCode.OrganisationUnknown,
    'Your organisation does not take part in nahbar (yet). Ask your IT service or your organisation admin.',
  );
}

function isEmailTaken(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === 'people_email_key';
}
