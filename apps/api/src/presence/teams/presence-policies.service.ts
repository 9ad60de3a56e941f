import {
  checkPresencePolicy,
  type CivilDate,
  evaluatePresencePolicy,
  isLand,
  type Land,
  nextPolicyPeriod,
  policyPeriod,
  type PolicyPeriodRange,
  type PresencePeriod,
  type PresencePolicy as DomainPolicy,
  privateSplit,
  todayInOfficeZone,
  type Weekday,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../../identity/caller.js';
import type { Team } from '../../organisations/models/team.model.js';
import { AuditLog } from '../../privacy/audit-log.js';
import { TeamAccess } from '../team-access.js';
import type { PresencePolicyInput } from './dto/presence-policy.input.js';
import type { PresencePeriodProgress, PresenceProgress } from './models/presence-progress.model.js';
import type { TeamPolicySummary } from './models/team-policy-summary.model.js';
import { InvalidPolicyError } from './teams.errors.js';

interface PolicyRow {
  team_id: string;
  team_name: string;
  organisation_id: string;
  land: string | null;
  period: PresencePeriod;
  min_days: number;
  fixed_weekdays: number[];
}

const POLICY_SELECT = `
  SELECT t.id AS team_id, t.name AS team_name, t.organisation_id, o.land, p.period, p.min_days,
         p.fixed_weekdays::int[] AS fixed_weekdays
    FROM presence_policies p JOIN teams t ON t.id = p.team_id JOIN organisations o ON o.id = t.organisation_id`;

/**
 * Presence policies (issue 5): leads and admins set them; each member sees, privately, how their own planned bookings
 * meet them (DESIGN.md §5); leads see counts only, "fewer than 3" for 1 or 2.
 */
@Injectable()
export class PresencePoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TeamAccess,
    private readonly audit: AuditLog,
  ) {}

  /** Sets (or replaces) the team's policy after the domain library checked it (INVALID_POLICY). */
  async set(caller: Caller, input: PresencePolicyInput): Promise<Team> {
    const policy: DomainPolicy = {
      period: input.period,
      minDays: input.minDays,
      fixedWeekdays: input.fixedWeekdays as Weekday[],
    };
    const check = checkPresencePolicy(policy);
    return this.dataSource.transaction(async (manager) => {
      const grant = await this.access.manage(caller, input.teamId, manager);
      if (!check.ok) throw new InvalidPolicyError(check.messages);
      await manager.query(
        `INSERT INTO presence_policies (team_id, period, min_days, fixed_weekdays, updated_by)
         VALUES ($1, $2, $3, $4::smallint[], $5)
         ON CONFLICT (team_id) DO UPDATE SET period = EXCLUDED.period, min_days = EXCLUDED.min_days,
           fixed_weekdays = EXCLUDED.fixed_weekdays, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [grant.teamId, policy.period, policy.minDays, [...policy.fixedWeekdays].sort((a, b) => a - b), caller.personId],
      );
      await this.audit.record(manager, caller, {
        action: 'PRESENCE_POLICY_SET',
        objectType: 'TEAM',
        objectId: grant.teamId,
        organisationId: grant.organisationId,
        details: { period: policy.period, minDays: policy.minDays, fixedWeekdays: policy.fixedWeekdays.join(',') },
      });
      return { id: grant.teamId, name: grant.teamName, organisationId: grant.organisationId };
    });
  }

  async clear(caller: Caller, teamId: string): Promise<Team> {
    return this.dataSource.transaction(async (manager) => {
      const grant = await this.access.manage(caller, teamId, manager);
      await manager.query('DELETE FROM presence_policies WHERE team_id = $1', [grant.teamId]);
      await this.audit.record(manager, caller, {
        action: 'PRESENCE_POLICY_CLEARED',
        objectType: 'TEAM',
        objectId: grant.teamId,
        organisationId: grant.organisationId,
      });
      return { id: grant.teamId, name: grant.teamName, organisationId: grant.organisationId };
    });
  }

  /** The caller's own progress, per team of theirs with a policy: the current period and the next. */
  async myProgress(caller: Caller, now: Date = new Date()): Promise<PresenceProgress[]> {
    const rows: PolicyRow[] = await this.dataSource.query(
      `${POLICY_SELECT} JOIN team_members m ON m.team_id = t.id WHERE m.person_id = $1 ORDER BY t.name, t.id`,
      [caller.personId],
    );
    if (rows.length === 0) return [];
    const today = todayInOfficeZone(now);
    const periods = new Map(
      rows.map((row) => [row.team_id, [policyPeriod(row.period, today), nextPolicyPeriod(row.period, today)]]),
    );
    const all = [...periods.values()].flat();
    const planned = await this.plannedDates([caller.personId], spanOf(all));
    const mine = planned.get(caller.personId) ?? new Set<CivilDate>();
    return rows.map((row) => {
      const policy = toPolicy(row);
      return {
        team: { id: row.team_id, name: row.team_name, organisationId: row.organisation_id },
        policy: { ...policy, fixedWeekdays: [...policy.fixedWeekdays] },
        periods: (periods.get(row.team_id) ?? []).map((range) => progress(policy, range, landOf(row), mine)),
      };
    });
  }

  /**
   * How many members meet the policy in the current period (leads and admins): counts only, with 1 and 2 reading
   * "fewer than 3" and the other count withheld then too (it would give the first away). Null without a policy.
   */
  async summary(caller: Caller, teamId: string, now: Date = new Date()): Promise<TeamPolicySummary | null> {
    const grant = await this.access.manage(caller, teamId);
    const [row]: PolicyRow[] = await this.dataSource.query(`${POLICY_SELECT} WHERE t.id = $1`, [grant.teamId]);
    if (!row) return null;
    const policy = toPolicy(row);
    const range = policyPeriod(policy.period, todayInOfficeZone(now));
    const members: { person_id: string }[] = await this.dataSource.query(
      'SELECT person_id FROM team_members WHERE team_id = $1',
      [grant.teamId],
    );
    const planned = await this.plannedDates(
      members.map((member) => member.person_id),
      range,
    );
    // Each member's evaluation stays here: only the two sums leave this method.
    const meeting = members.filter(
      (member) => evaluatePresencePolicy(policy, range, landOf(row), planned.get(member.person_id) ?? new Set()).met,
    ).length;
    const [meetingCount, notMeetingCount] = privateSplit(meeting, members.length - meeting);
    return {
      from: range.from,
      to: range.to,
      members: members.length,
      meeting: { ...meetingCount },
      notMeeting: { ...notMeetingCount },
    };
  }

  /** Distinct dates with a live booking (any office, any part) per person in the range. */
  private async plannedDates(
    personIds: readonly string[],
    range: PolicyPeriodRange,
  ): Promise<Map<string, Set<CivilDate>>> {
    const result = new Map<string, Set<CivilDate>>();
    if (personIds.length === 0) return result;
    const rows: { person_id: string; date: CivilDate }[] = await this.dataSource.query(
      `SELECT DISTINCT person_id, date::text AS date FROM bookings
        WHERE person_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3 AND status IN ('BOOKED', 'CHECKED_IN')`,
      [personIds, range.from, range.to],
    );
    for (const row of rows) {
      const dates = result.get(row.person_id) ?? new Set<CivilDate>();
      dates.add(row.date);
      result.set(row.person_id, dates);
    }
    return result;
  }
}

function toPolicy(row: PolicyRow): DomainPolicy {
  return {
    period: row.period,
    minDays: Number(row.min_days),
    fixedWeekdays: row.fixed_weekdays.map(Number) as Weekday[],
  };
}

function landOf(row: PolicyRow): Land | null {
  return isLand(row.land) ? row.land : null;
}

function progress(
  policy: DomainPolicy,
  range: PolicyPeriodRange,
  land: Land | null,
  planned: ReadonlySet<CivilDate>,
): PresencePeriodProgress {
  const result = evaluatePresencePolicy(policy, range, land, planned);
  return { from: range.from, to: range.to, ...result };
}

function spanOf(ranges: readonly PolicyPeriodRange[]): PolicyPeriodRange {
  const first = ranges[0];
  if (!first) throw new Error('spanOf needs a range');
  let { from, to } = first;
  for (const range of ranges) {
    if (range.from < from) from = range.from;
    if (range.to > to) to = range.to;
  }
  return { from, to };
}
