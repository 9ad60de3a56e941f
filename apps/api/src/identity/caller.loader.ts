import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from './caller.js';
import { CallerCache, type StoredCaller } from './caller-cache.js';

interface CallerRow {
  id: string;
  organisation_id: string;
  admin_of: string[];
  facility_manager_of: string[];
  lead_of: string[];
}

/**
 * Loads a person with all role scopes in one query, or from the short-lived `CallerCache` (which the changes of
 * roles, teams, profile and erasure empty for the person at once).
 */
@Injectable()
export class CallerLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: CallerCache,
  ) {}

  async load(personId: string, expiresAt?: number): Promise<Caller | undefined> {
    const caller = await this.cache.get(personId, () => this.read(personId));
    if (!caller) return undefined;
    return expiresAt === undefined ? caller : { ...caller, expiresAt };
  }

  private async read(personId: string): Promise<StoredCaller | undefined> {
    const rows: CallerRow[] = await this.dataSource.query(
      `SELECT p.id, p.organisation_id,
              coalesce(array_agg(r.organisation_id) FILTER (WHERE r.role = 'ORGANISATION_ADMIN'), '{}') AS admin_of,
              coalesce(array_agg(r.office_id) FILTER (WHERE r.role = 'FACILITY_MANAGER'), '{}') AS facility_manager_of,
              coalesce((SELECT array_agg(t.team_id) FROM team_members t WHERE t.person_id = p.id AND t.is_lead), '{}')
                AS lead_of
       FROM people p
       LEFT JOIN role_assignments r ON r.person_id = p.id
       WHERE p.id = $1
       GROUP BY p.id`,
      [personId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      personId: row.id,
      organisationId: row.organisation_id,
      adminOf: row.admin_of,
      facilityManagerOf: row.facility_manager_of,
      leadOf: row.lead_of,
    };
  }
}
