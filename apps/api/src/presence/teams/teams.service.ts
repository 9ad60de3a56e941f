import { type PresencePeriod, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import type { Caller } from '../../identity/caller.js';
import { CallerCache } from '../../identity/caller-cache.js';
import type { Person } from '../../organisations/models/person.model.js';
import type { Team } from '../../organisations/models/team.model.js';
import { AuditLog } from '../../privacy/audit-log.js';
import { AvailabilityEvents } from '../../realtime/availability-events.js';
import { MyBookingEvents } from '../../realtime/my-booking-events.js';
import { TeamPresenceEvents } from '../../realtime/team-presence-events.js';
import { isUuid, TeamAccess } from '../team-access.js';
import type { CreateTeamInput } from './dto/create-team.input.js';
import type { TeamMemberInput } from './dto/team-member.input.js';
import type { PresencePolicy } from './models/presence-policy.model.js';
import type { TeamMember } from './models/team-member.model.js';
import { cancelFutureTeamDayBookings } from './team-day-bookings.js';
import {
  AlreadyAMemberError,
  InvalidTeamNameError,
  NotOrganisationAdminError,
  NotTeamMemberError,
  TeamNameTakenError,
  TeamPersonNotFoundError,
} from './teams.errors.js';

/** What the caller may read of a team besides its name: their own role, the members and the policy. */
export interface TeamDetails {
  /** The caller leads the team (team_members.is_lead). */
  readonly viewerIsLead: boolean;
  /** The caller is a member of the team (a lead is one too). */
  readonly viewerIsMember: boolean;
  /** The caller leads the team or administers its organisation. */
  readonly viewerCanManage: boolean;
  readonly members: TeamMember[];
  readonly policy: PresencePolicy | null;
}

export const NO_DETAILS: TeamDetails = {
  viewerIsLead: false,
  viewerIsMember: false,
  viewerCanManage: false,
  members: [],
  policy: null,
};

const MAX_NAME_LENGTH = 80;
const MAX_CANDIDATES = 20;
const UNIQUE_VIOLATION = '23505';
const byName = new Intl.Collator('de', { sensitivity: 'base' });

interface TeamRow {
  id: string;
  name: string;
  organisation_id: string;
}

/** SQL condition: team `t` is visible to the caller ($2 organisations administered, $3 person id). */
const VISIBLE = `(t.organisation_id = ANY($2::uuid[]) OR EXISTS (
  SELECT 1 FROM team_members v WHERE v.team_id = t.id AND v.person_id = $3))`;

/**
 * Teams and their members (issue 5): organisation admins create and delete teams; leads and admins rename them and
 * keep their members; members and admins read them (their team days are for the members only, see
 * `TeamCalendarService`). Every decision goes through `TeamAccess`.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TeamAccess,
    private readonly availability: AvailabilityEvents,
    private readonly myBookings: MyBookingEvents,
    private readonly teamPresence: TeamPresenceEvents,
    private readonly audit: AuditLog,
    private readonly callers: CallerCache,
  ) {}

  /** The teams the caller is a member of (as lead or not), by name. */
  async myTeams(caller: Caller): Promise<Team[]> {
    const rows: TeamRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.organisation_id FROM teams t JOIN team_members m ON m.team_id = t.id
        WHERE m.person_id = $1`,
      [caller.personId],
    );
    return rows.map(toTeam).sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
  }

  /** A team its members, leads and the organisation's admins may read; TEAM_NOT_FOUND for anyone else. */
  async team(caller: Caller, teamId: string): Promise<Team> {
    const grant = await this.access.read(caller, teamId);
    return { id: grant.teamId, name: grant.teamName, organisationId: grant.organisationId };
  }

  /** Viewer role, members (leads first, then by name) and policy of the teams among `teamIds` the caller may see. */
  async details(caller: Caller, teamIds: readonly string[]): Promise<Map<string, TeamDetails>> {
    const ids = teamIds.filter(isUuid);
    const result = new Map<string, TeamDetails>();
    if (ids.length === 0) return result;
    const teams: {
      id: string;
      organisation_id: string;
      viewer_member: boolean;
      viewer_lead: boolean;
      period: PresencePeriod | null;
      min_days: number | null;
      fixed_weekdays: number[] | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.organisation_id, (vm.person_id IS NOT NULL) AS viewer_member,
              coalesce(vm.is_lead, false) AS viewer_lead,
              p.period, p.min_days, p.fixed_weekdays::int[] AS fixed_weekdays
         FROM teams t LEFT JOIN presence_policies p ON p.team_id = t.id
              LEFT JOIN team_members vm ON vm.team_id = t.id AND vm.person_id = $3
        WHERE t.id = ANY($1::uuid[]) AND ${VISIBLE}`,
      [ids, caller.adminOf, caller.personId],
    );
    const members: { team_id: string; person_id: string; display_name: string; is_lead: boolean }[] =
      await this.dataSource.query(
        `SELECT m.team_id, m.person_id, p.display_name, m.is_lead
           FROM team_members m JOIN people p ON p.id = m.person_id JOIN teams t ON t.id = m.team_id
          WHERE t.id = ANY($1::uuid[]) AND ${VISIBLE}`,
        [ids, caller.adminOf, caller.personId],
      );
    for (const team of teams) {
      result.set(team.id, {
        viewerIsLead: team.viewer_lead,
        viewerIsMember: team.viewer_member,
        viewerCanManage: team.viewer_lead || caller.adminOf.includes(team.organisation_id),
        members: members
          .filter((member) => member.team_id === team.id)
          .map((member) => ({ personId: member.person_id, displayName: member.display_name, isLead: member.is_lead }))
          .sort(
            (a, b) =>
              Number(b.isLead) - Number(a.isLead) ||
              byName.compare(a.displayName, b.displayName) ||
              a.personId.localeCompare(b.personId),
          ),
        policy:
          team.period === null || team.min_days === null
            ? null
            : { period: team.period, minDays: team.min_days, fixedWeekdays: (team.fixed_weekdays ?? []).map(Number) },
      });
    }
    return result;
  }

  /** People of the team's organisation who are not in it, by name, at most 20: for leads and admins. */
  async candidates(caller: Caller, teamId: string, search: string | null | undefined): Promise<Person[]> {
    const grant = await this.access.manage(caller, teamId);
    const trimmed = search?.trim() ?? '';
    const pattern = trimmed === '' ? null : `%${trimmed.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows: { id: string; display_name: string; organisation_id: string; organisation_name: string }[] =
      await this.dataSource.query(
        `SELECT p.id, p.display_name, o.id AS organisation_id, o.name AS organisation_name
           FROM people p JOIN organisations o ON o.id = p.organisation_id
          WHERE p.organisation_id = $1 AND ($3::text IS NULL OR p.display_name ILIKE $3)
            AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = $2 AND m.person_id = p.id)
          ORDER BY p.display_name, p.id LIMIT $4`,
        [grant.organisationId, grant.teamId, pattern, MAX_CANDIDATES],
      );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      organisation: { id: row.organisation_id, name: row.organisation_name },
    }));
  }

  /** A new team of an organisation the caller administers (no members yet: the admin adds them and names leads). */
  async create(caller: Caller, input: CreateTeamInput): Promise<Team> {
    if (!caller.adminOf.includes(input.organisationId)) throw new NotOrganisationAdminError();
    const name = validName(input.name);
    const rows: TeamRow[] = await this.dataSource
      .transaction(async (manager) => {
        await this.requireFreeName(manager, input.organisationId, name, null);
        const created: TeamRow[] = await manager.query(
          'INSERT INTO teams (organisation_id, name) VALUES ($1, $2) RETURNING id, name, organisation_id',
          [input.organisationId, name],
        );
        const teamId = created[0]?.id ?? null;
        await this.audit.record(manager, caller, {
          action: 'TEAM_CREATED',
          objectType: 'TEAM',
          objectId: teamId,
          organisationId: input.organisationId,
        });
        return created;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new TeamNameTakenError(name) : error;
      });
    const [row] = rows;
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return toTeam(row);
  }

  async rename(caller: Caller, teamId: string, newName: string): Promise<Team> {
    const name = validName(newName);
    const rows: TeamRow[] = await this.dataSource
      .transaction(async (manager) => {
        const grant = await this.access.manage(caller, teamId, manager);
        await this.requireFreeName(manager, grant.organisationId, name, grant.teamId);
        const [updated]: [TeamRow[], number] = await manager.query(
          'UPDATE teams SET name = $2 WHERE id = $1 RETURNING id, name, organisation_id',
          [grant.teamId, name],
        );
        await this.audit.record(manager, caller, {
          action: 'TEAM_RENAMED',
          objectType: 'TEAM',
          objectId: grant.teamId,
          organisationId: grant.organisationId,
        });
        return updated;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new TeamNameTakenError(name) : error;
      });
    const [row] = rows;
    if (!row) throw new Error('UPDATE … RETURNING gave no row');
    return toTeam(row);
  }

  /**
   * Deletes a team (its organisation's admins only). First, in the same transaction, its planned team days from today
   * on are cancelled and their bookings too (members are told live after the commit); the team's members, policy
   * and team days go with it.
   */
  async delete(caller: Caller, teamId: string, now: Date = new Date()): Promise<boolean> {
    const { bookings: cancelled, memberIds } = await this.dataSource.transaction(async (manager) => {
      const grant = await this.access.read(caller, teamId, manager);
      if (!caller.adminOf.includes(grant.organisationId)) throw new NotOrganisationAdminError();
      const bookings = await cancelFutureTeamDayBookings(manager, { teamId: grant.teamId }, now);
      await manager.query(
        `UPDATE presence_days SET status = 'CANCELLED', cancelled_at = now(), updated_at = now()
          WHERE team_id = $1 AND status = 'PLANNED' AND date >= $2`,
        [grant.teamId, todayInOfficeZone(now)],
      );
      const members: { person_id: string }[] = await manager.query(
        'SELECT person_id FROM team_members WHERE team_id = $1',
        [grant.teamId],
      );
      await manager.query('DELETE FROM teams WHERE id = $1', [grant.teamId]);
      await this.audit.record(manager, caller, {
        action: 'TEAM_DELETED',
        objectType: 'TEAM',
        objectId: grant.teamId,
        organisationId: grant.organisationId,
        details: { cancelledBookings: bookings.count },
      });
      return { bookings, memberIds: members.map((member) => member.person_id) };
    });
    // Its leads lead one team less: their next request is checked against that, in every instance.
    await this.callers.forget(memberIds);
    await cancelled.announce(this.availability, this.myBookings);
    return true;
  }

  /** Adds a person of the team's organisation to the team (leads and admins). */
  async addMember(caller: Caller, input: TeamMemberInput): Promise<Team> {
    const team = await this.dataSource.transaction(async (manager) => {
      const grant = await this.access.manage(caller, input.teamId, manager);
      const [person]: unknown[] = await manager.query('SELECT 1 FROM people WHERE id = $1 AND organisation_id = $2', [
        input.personId,
        grant.organisationId,
      ]);
      if (!person) throw new TeamPersonNotFoundError();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, false)
         ON CONFLICT (team_id, person_id) DO NOTHING RETURNING person_id`,
        [grant.teamId, input.personId],
      );
      if (inserted.length === 0) throw new AlreadyAMemberError();
      await this.audit.record(manager, caller, {
        action: 'TEAM_MEMBER_ADDED',
        objectType: 'TEAM_MEMBER',
        objectId: input.personId,
        organisationId: grant.organisationId,
        details: { teamId: grant.teamId },
      });
      return { id: grant.teamId, name: grant.teamName, organisationId: grant.organisationId };
    });
    await this.callers.forget([input.personId]);
    await this.announceMembersChanged(team.id);
    return team;
  }

  /**
   * Removes a member (leads and admins). In the same transaction their team-day bookings of this team from today on
   * are cancelled (the desks go to the waitlist) and their answers to its coming team days are dropped; they are
   * told live after the commit.
   */
  async removeMember(caller: Caller, input: TeamMemberInput, now: Date = new Date()): Promise<Team> {
    const { team, cancelled } = await this.dataSource.transaction(async (manager) => {
      const grant = await this.access.manage(caller, input.teamId, manager);
      const [member]: unknown[] = await manager.query(
        'SELECT 1 FROM team_members WHERE team_id = $1 AND person_id = $2',
        [grant.teamId, input.personId],
      );
      if (!member) throw new NotTeamMemberError();
      const bookings = await cancelFutureTeamDayBookings(
        manager,
        { teamId: grant.teamId, personId: input.personId },
        now,
      );
      await manager.query(
        `DELETE FROM presence_answers a USING presence_days pd
          WHERE pd.id = a.presence_day_id AND pd.team_id = $1 AND a.person_id = $2 AND pd.date >= $3`,
        [grant.teamId, input.personId, todayInOfficeZone(now)],
      );
      await manager.query('DELETE FROM team_members WHERE team_id = $1 AND person_id = $2', [
        grant.teamId,
        input.personId,
      ]);
      await this.audit.record(manager, caller, {
        action: 'TEAM_MEMBER_REMOVED',
        objectType: 'TEAM_MEMBER',
        objectId: input.personId,
        organisationId: grant.organisationId,
        details: { teamId: grant.teamId, cancelledBookings: bookings.count },
      });
      return {
        team: { id: grant.teamId, name: grant.teamName, organisationId: grant.organisationId },
        cancelled: bookings,
      };
    });
    await this.callers.forget([input.personId]);
    await cancelled.announce(this.availability, this.myBookings);
    await this.announceMembersChanged(team.id, now);
    return team;
  }

  /** After a commit that changed the members: the team's coming team days count differently now. */
  private async announceMembersChanged(teamId: string, now: Date = new Date()): Promise<void> {
    const days: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM presence_days WHERE team_id = $1 AND status = 'PLANNED' AND date >= $2 ORDER BY date`,
      [teamId, todayInOfficeZone(now)],
    );
    for (const day of days) {
      await this.teamPresence.changed({ teamId, presenceDayId: day.id, reason: 'MEMBERS_CHANGED' });
    }
  }

  private async requireFreeName(
    manager: EntityManager,
    organisationId: string,
    name: string,
    exceptTeamId: string | null,
  ): Promise<void> {
    const taken: unknown[] = await manager.query(
      `SELECT 1 FROM teams WHERE organisation_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [organisationId, name, exceptTeamId],
    );
    if (taken.length > 0) throw new TeamNameTakenError(name);
  }
}

function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, organisationId: row.organisation_id };
}

/** Trimmed, inner runs of white space made one space, 1 to 80 characters. */
function validName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw new InvalidTeamNameError(MAX_NAME_LENGTH);
  return name;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
