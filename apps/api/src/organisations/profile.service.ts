import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import { CallerCache } from '../identity/caller-cache.js';
import { InvalidPostalCodeError } from '../near-home/near-home.errors.js';
import type { UpdateProfileInput } from './dto/update-profile.input.js';
import type { Visibility } from './models/enums.js';
import type { Profile } from './models/profile.model.js';
import type { RoleAssignment } from './models/role-assignment.model.js';
import { type RoleRow, ROLES_OF_PEOPLE_SQL } from './roles.sql.js';

interface ProfileRow {
  id: string;
  display_name: string;
  email: string | null;
  organisation_id: string;
  organisation_name: string;
  home_postal_code: string | null;
  visibility: Visibility;
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly callers: CallerCache,
  ) {}

  async profile(caller: Caller): Promise<Profile> {
    const rows: ProfileRow[] = await this.dataSource.query(
      `SELECT p.id, p.display_name, p.email, p.home_postal_code, p.visibility,
              o.id AS organisation_id, o.name AS organisation_name
       FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1`,
      [caller.personId],
    );
    const row = rows[0];
    if (!row) throw new DomainError('PERSON_NOT_FOUND', 'Your person record is gone. Please sign in again.');
    const roles = await this.rolesOf([caller.personId]);
    return {
      id: row.id,
      displayName: row.display_name,
      email: row.email,
      organisation: { id: row.organisation_id, name: row.organisation_name },
      homePostalCode: row.home_postal_code,
      visibility: row.visibility,
      roles: roles.get(caller.personId) ?? [],
    };
  }

  /** Changes only the caller's own profile, only the fields given; an unknown postal code changes nothing. */
  async update(caller: Caller, input: UpdateProfileInput): Promise<Profile> {
    const postalCode = input.homePostalCode === undefined ? undefined : input.homePostalCode || null;
    // Five digits are checked at the edge; whether they are a German postal code, against the postal-code data.
    if (postalCode) {
      const known: unknown[] = await this.dataSource.query('SELECT 1 FROM postal_codes WHERE code = $1', [postalCode]);
      if (known.length === 0) throw new InvalidPostalCodeError(postalCode);
    }
    await this.dataSource.query(
      `UPDATE people SET
         home_postal_code = CASE WHEN $2 THEN $3 ELSE home_postal_code END,
         visibility = coalesce($4, visibility)
       WHERE id = $1`,
      [caller.personId, postalCode !== undefined, postalCode ?? null, input.visibility ?? null],
    );
    await this.callers.forget([caller.personId]);
    return this.profile(caller);
  }

  /** Role assignments of several people in one query (no N+1 in lists). */
  async rolesOf(personIds: readonly string[]): Promise<Map<string, RoleAssignment[]>> {
    const result = new Map<string, RoleAssignment[]>();
    if (personIds.length === 0) return result;
    const rows: RoleRow[] = await this.dataSource.query(ROLES_OF_PEOPLE_SQL, [personIds]);
    for (const row of rows) {
      const list = result.get(row.person_id) ?? [];
      list.push({
        role: row.role,
        scopeName: row.scope_name,
        organisationId: row.organisation_id,
        officeId: row.office_id,
        teamId: row.team_id,
      });
      result.set(row.person_id, list);
    }
    return result;
  }
}
