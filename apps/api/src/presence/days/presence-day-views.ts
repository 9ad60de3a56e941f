import type { DayPart } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { BookingsService } from '../../bookings/bookings.service.js';
import type { Caller } from '../../identity/caller.js';
import type { Office } from '../../places/models/office.model.js';
import { PlacesService } from '../../places/places.service.js';
import type { TeamAccessGrant } from '../team-access.js';
import type { MemberAnswer, PresenceDay } from './models/presence-day.model.js';
import type { PresenceAnswer } from './presence-answer.entity.js';
import type { PresenceDayStatus } from './presence-day.entity.js';

interface DayRow {
  id: string;
  team_id: string;
  office_id: string;
  date: string;
  part: DayPart;
  mandatory: boolean;
  note: string | null;
  status: PresenceDayStatus;
}

interface MemberAnswerRow {
  day_id: string;
  person_id: string;
  display_name: string;
  answer: PresenceAnswer | null;
  booking_id: string | null;
}

/**
 * Team days as a caller sees them, several at once with a fixed number of queries (no N+1): members see counts and
 * their own answer and desk; the team's leads also each member's answer (DESIGN.md §5 allows that, nothing more).
 */
@Injectable()
export class PresenceDayViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly bookings: BookingsService,
  ) {}

  /** The team days `ids` of the grant's team, in date order; ids of other teams are left out. */
  async ofTeam(caller: Caller, grant: TeamAccessGrant, ids: readonly string[]): Promise<PresenceDay[]> {
    if (ids.length === 0) return [];
    const days: DayRow[] = await this.dataSource.query(
      `SELECT id, team_id, office_id, date, part, mandatory, note, status FROM presence_days
       WHERE id = ANY($1::uuid[]) AND team_id = $2 ORDER BY date, id`,
      [ids, grant.teamId],
    );
    const dayIds = days.map((day) => day.id);
    const members: MemberAnswerRow[] = await this.dataSource.query(
      `SELECT d.id AS day_id, m.person_id, p.display_name, a.answer,
              (SELECT b.id FROM bookings b WHERE b.presence_day_id = d.id AND b.person_id = m.person_id
                 AND b.status IN ('BOOKED', 'CHECKED_IN') LIMIT 1) AS booking_id
       FROM presence_days d
       JOIN team_members m ON m.team_id = d.team_id
       JOIN people p ON p.id = m.person_id
       LEFT JOIN presence_answers a ON a.presence_day_id = d.id AND a.person_id = m.person_id
       WHERE d.id = ANY($1::uuid[])
       ORDER BY p.display_name, m.person_id`,
      [dayIds],
    );
    const areas: { day_id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (b.presence_day_id) b.presence_day_id AS day_id, a.name
       FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN areas a ON a.id = d.area_id
       WHERE b.presence_day_id = ANY($1::uuid[]) AND b.status IN ('BOOKED', 'CHECKED_IN')
       GROUP BY b.presence_day_id, a.id, a.name, a.sort_order
       ORDER BY b.presence_day_id, count(*) DESC, a.sort_order, a.name`,
      [dayIds],
    );
    const myBookingIds = members
      .filter((row) => row.person_id === caller.personId && row.booking_id !== null)
      .map((row) => row.booking_id ?? '');
    const myBookings = new Map(
      (await this.bookings.ofPersonByIds(caller.personId, myBookingIds)).map((booking) => [booking.id, booking]),
    );
    const offices = await this.places.officesByIds([...new Set(days.map((day) => day.office_id))]);
    const areaOf = new Map(areas.map((row) => [row.day_id, row.name]));

    return days.map((day): PresenceDay => {
      const rows = members.filter((row) => row.day_id === day.id);
      const mine = rows.find((row) => row.person_id === caller.personId);
      const memberAnswers = rows.map(
        (row): MemberAnswer => ({
          personId: row.person_id,
          displayName: row.display_name,
          answer: row.answer,
          seated: row.booking_id !== null,
        }),
      );
      return {
        id: day.id,
        teamId: day.team_id,
        teamName: grant.teamName,
        date: day.date,
        part: day.part,
        office: requireOffice(offices, day.office_id),
        mandatory: day.mandatory,
        note: day.note,
        cancelled: day.status === 'CANCELLED',
        myAnswer: mine?.answer ?? null,
        myBooking: (mine?.booking_id ? myBookings.get(mine.booking_id) : undefined) ?? null,
        answers: {
          attending: rows.filter((row) => row.answer === 'ATTENDING').length,
          away: rows.filter((row) => row.answer === 'AWAY').length,
          open: rows.filter((row) => row.answer === null).length,
          seated: rows.filter((row) => row.booking_id !== null).length,
        },
        memberAnswers: grant.isLead ? memberAnswers : null,
        areaName: areaOf.get(day.id) ?? null,
      };
    });
  }

  /** One team day of the grant's team. */
  async one(caller: Caller, grant: TeamAccessGrant, id: string): Promise<PresenceDay | undefined> {
    const [day] = await this.ofTeam(caller, grant, [id]);
    return day;
  }
}

function requireOffice(offices: ReadonlyMap<string, Office>, id: string): Office {
  const office = offices.get(id);
  if (!office) throw new Error(`Office ${id} of a team day is missing`);
  return office;
}
