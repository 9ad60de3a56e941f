import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { NotTeamLeadError, TeamNotFoundError } from './presence.errors.js';

/** A team as the caller may see it, and what the caller may do with it. */
export interface TeamAccessGrant {
  readonly teamId: string;
  readonly teamName: string;
  readonly organisationId: string;
  /** The caller is a member of the team (a lead is a member too). */
  readonly isMember: boolean;
  /** The caller leads the team or administers its organisation: may plan team days, set the policy, keep members. */
  readonly canLead: boolean;
}

interface TeamAccessRow {
  id: string;
  name: string;
  organisation_id: string;
  is_member: boolean;
  is_lead: boolean;
}

/**
 * Who may see and run a team. Members read it; leads and the organisation's admins run it; to everyone else it does
 * not exist (TEAM_NOT_FOUND). Pass the transaction's manager inside a transaction (the embedded database has one
 * connection).
 */
@Injectable()
export class TeamAccess {
  constructor(private readonly dataSource: DataSource) {}

  /** The team if the caller is a member, lead or admin of its organisation; TEAM_NOT_FOUND otherwise. */
  async read(
    caller: Caller,
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamAccessGrant> {
    if (!isUuid(teamId)) throw new TeamNotFoundError();
    const rows: TeamAccessRow[] = await manager.query(
      `SELECT t.id, t.name, t.organisation_id,
              (m.person_id IS NOT NULL) AS is_member, coalesce(m.is_lead, false) AS is_lead
         FROM teams t LEFT JOIN team_members m ON m.team_id = t.id AND m.person_id = $2
        WHERE t.id = $1`,
      [teamId, caller.personId],
    );
    const row = rows[0];
    if (!row) throw new TeamNotFoundError();
    const isAdmin = caller.adminOf.includes(row.organisation_id);
    if (!row.is_member && !isAdmin) throw new TeamNotFoundError();
    return {
      teamId: row.id,
      teamName: row.name,
      organisationId: row.organisation_id,
      isMember: row.is_member,
      canLead: row.is_lead || isAdmin,
    };
  }

  /** The team if the caller leads it or administers its organisation; FORBIDDEN for other members. */
  async lead(
    caller: Caller,
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamAccessGrant> {
    const grant = await this.read(caller, teamId, manager);
    if (!grant.canLead) throw new NotTeamLeadError();
    return grant;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
