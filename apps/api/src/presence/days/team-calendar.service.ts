import {
  addDays,
  type CivilDate,
  compareCivilDates,
  type DayPart,
  daysBetween,
  parseCivilDate,
  todayInOfficeZone,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../../identity/caller.js';
import { PlacesService } from '../../places/places.service.js';
import type { TeamPresenceChanged } from '../../realtime/team-presence-events.js';
import { InvalidDateRangeError } from '../presence.errors.js';
import { TeamAccess } from '../team-access.js';
import type { PresenceDay } from './models/presence-day.model.js';
import type { PresenceDayChange } from './models/presence-day-change.model.js';
import type { ColleaguePresence, TeamCalendarDay } from './models/team-calendar-day.model.js';
import { PresenceDayViews } from './presence-day-views.js';

/** Longest range of the team's days and calendar: a month view with the weeks around it. */
export const MAX_RANGE_DAYS = 62;

interface PresenceRow {
  person_id: string;
  display_name: string;
  office_id: string;
  date: CivilDate;
  part: DayPart;
}

/**
 * What the members of a team (its leads among them) read about its days: the planned days, the calendar, live
 * changes. An admin of its organisation who is not in it gets FORBIDDEN: the team's days are for the team.
 */
@Injectable()
export class TeamCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TeamAccess,
    private readonly views: PresenceDayViews,
    private readonly places: PlacesService,
  ) {}

  /** The team's planned team days from `from` to `to`, by date. */
  async presenceDays(caller: Caller, teamId: string, from: string, to: string): Promise<PresenceDay[]> {
    const grant = await this.access.member(caller, teamId);
    const range = requireRange(from, to);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM presence_days WHERE team_id = $1 AND date BETWEEN $2 AND $3 AND status = 'PLANNED'`,
      [grant.teamId, range.from, range.to],
    );
    return this.views.ofTeam(
      caller,
      grant,
      rows.map((row) => row.id),
    );
  }

  /**
   * One entry per date from `from` to `to`: the team's planned days, and who of the team is in where, only for
   * members who allow their teams to see it (visibility TEAMS or ORGANISATION; the caller always sees themselves)
   * and only from today on: the calendar never shows anyone's booking history (DESIGN.md §5).
   */
  async calendar(
    caller: Caller,
    teamId: string,
    from: string,
    to: string,
    now = new Date(),
  ): Promise<TeamCalendarDay[]> {
    const grant = await this.access.member(caller, teamId);
    const range = requireRange(from, to);
    const days = await this.presenceDays(caller, grant.teamId, range.from, range.to);
    const today = todayInOfficeZone(now);
    const first = compareCivilDates(range.from, today) < 0 ? today : range.from;
    const rows: PresenceRow[] =
      compareCivilDates(first, range.to) > 0
        ? []
        : await this.dataSource.query(
            `SELECT b.person_id, p.display_name, d.office_id, b.date, b.part
             FROM team_members m
             JOIN people p ON p.id = m.person_id
             JOIN bookings b ON b.person_id = m.person_id
             JOIN desks d ON d.id = b.desk_id
             WHERE m.team_id = $1 AND b.date BETWEEN $2 AND $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
               AND (p.id = $4 OR p.visibility IN ('TEAMS', 'ORGANISATION'))
             ORDER BY b.date, p.display_name, b.part`,
            [grant.teamId, first, range.to, caller.personId],
          );
    const offices = await this.places.officesByIds([...new Set(rows.map((row) => row.office_id))]);
    const result: TeamCalendarDay[] = [];
    for (let date = range.from; compareCivilDates(date, range.to) <= 0; date = addDays(date, 1)) {
      const whoIsIn = rows
        .filter((row) => row.date === date)
        .flatMap((row): ColleaguePresence[] => {
          const office = offices.get(row.office_id);
          return office ? [{ personId: row.person_id, displayName: row.display_name, office, part: row.part }] : [];
        });
      result.push({ date, presenceDays: days.filter((day) => day.date === date), whoIsIn });
    }
    return result;
  }

  /** Checks at subscription time that the caller is a member who may follow the team's days (refused otherwise). */
  async requireMember(caller: Caller, teamId: string): Promise<void> {
    await this.access.member(caller, teamId);
  }

  /** Whether the caller is still a member who may follow the team's days (checked for every live event). */
  async canFollow(caller: Caller, teamId: string): Promise<boolean> {
    return this.access.member(caller, teamId).then(
      () => true,
      () => false,
    );
  }

  /** A live change as the caller sees it, re-checked per event (the caller may have left the team meanwhile). */
  async change(caller: Caller, event: TeamPresenceChanged): Promise<PresenceDayChange | undefined> {
    const grant = await this.access.member(caller, event.teamId).catch(() => undefined);
    if (!grant) return undefined;
    const presenceDay = await this.views.one(caller, grant, event.presenceDayId);
    return presenceDay ? { presenceDay, reason: event.reason } : undefined;
  }
}

function requireRange(from: string, to: string): { from: CivilDate; to: CivilDate } {
  const first = parseCivilDate(from);
  const last = parseCivilDate(to);
  if (!first.ok || !last.ok) throw new InvalidDateRangeError(MAX_RANGE_DAYS);
  const length = daysBetween(first.date, last.date) + 1;
  if (length < 1 || length > MAX_RANGE_DAYS) throw new InvalidDateRangeError(MAX_RANGE_DAYS);
  return { from: first.date, to: last.date };
}
