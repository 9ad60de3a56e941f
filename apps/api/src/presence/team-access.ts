import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { NotTeamLeadError, NotTeamManagerError, TeamDaysForTeamError, TeamNotFoundError } from './presence.errors.js';

/** A team as the caller may see it, and what the caller may do with it. */
export interface TeamAccessGrant {
  readonly teamId: string;
  readonly teamName: string;
  readonly organisationId: string;
  /** The caller is a member of the team (a lead is a member too): reads its days and calendar, answers. */
  readonly isMember: boolean;
  /** The caller leads the team (team_members.is_lead): plans its days, sees each member's answers and best days. */
  readonly isLead: boolean;
  /** The caller leads the team or administers its organisation: may rename it, keep its members and its policy. */
  readonly canManage: boolean;
}

interface TeamAccessRow {
  id: string;
  name: string;
  organisation_id: string;
  is_member: boolean;
  is_lead: boolean;
}

/**
 * Who may see and run a team (DESIGN.md §5: no one sees more about a person than their role needs).
 *
 * - `read`: the team itself (name, members, policy): its members and the organisation's admins.
 * - `member`: its team days, their answer counts, the calendar and its live changes: members only.
 * - `lead`: planning team days, each member's answers, best days: the team's leads only.
 * - `manage`: renaming it, keeping its members and its policy, the policy summary (counts only): leads and admins.
 *
 * To people who are neither members nor admins of its organisation the team does not exist (TEAM_NOT_FOUND); an
 * admin who is not in the team knows it exists (organisationTeams) and gets FORBIDDEN for its days. Pass the
 * transaction's manager inside a transaction (the embedded database has one connection).
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
      isLead: row.is_member && row.is_lead,
      canManage: row.is_lead || isAdmin,
    };
  }

  /** The team if the caller is a member of it; FORBIDDEN for an admin of its organisation who is not. */
  async member(
    caller: Caller,
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamAccessGrant> {
    const grant = await this.read(caller, teamId, manager);
    if (!grant.isMember) throw new TeamDaysForTeamError();
    return grant;
  }

  /** The team if the caller leads it; FORBIDDEN for its other members and for admins who are not in it. */
  async lead(
    caller: Caller,
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamAccessGrant> {
    const grant = await this.member(caller, teamId, manager);
    if (!grant.isLead) throw new NotTeamLeadError();
    return grant;
  }

  /** The team if the caller leads it or administers its organisation; FORBIDDEN for its other members. */
  async manage(
    caller: Caller,
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamAccessGrant> {
    const grant = await this.read(caller, teamId, manager);
    if (!grant.canManage) throw new NotTeamManagerError();
    return grant;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
