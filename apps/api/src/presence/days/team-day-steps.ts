// The steps the team-day transactions share: each runs on the transaction's manager, under its locks.
import { type CivilDate, type DayPart, nearestSeat, type SeatCandidate } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

import type { TransactionLocks } from '../../bookings/advisory-locks.js';
import { handOverFreedDesk, type WaitlistAssignment } from '../../bookings/waitlist-handover.js';
import type { PresenceDayStatus } from './presence-day.entity.js';
import { PresenceDayExistsError, PresenceDayNotFoundError } from './presence-days.errors.js';
import { bookSeats, loadMembersOnDay, loadOfficeDay, type SeatMade } from './team-day-seating.js';

/** A team day as the transactions that change it read it. */
export interface DayRow {
  id: string;
  team_id: string;
  office_id: string;
  date: CivilDate;
  part: DayPart;
  status: PresenceDayStatus;
}

/** A TEAM_DAY booking a change cancelled. */
export interface CancelledSeat {
  id: string;
  person_id: string;
  desk_id: string;
}

/** The team day, locked against concurrent changes of it (moves, cancellation, answers) until the commit. */
export async function lockDay(manager: EntityManager, id: string): Promise<DayRow> {
  const [day]: DayRow[] = await manager.query(
    'SELECT id, team_id, office_id, date, part, status FROM presence_days WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!day) throw new PresenceDayNotFoundError();
  return day;
}

export async function memberIds(manager: EntityManager, teamId: string): Promise<string[]> {
  const rows: { person_id: string }[] = await manager.query(
    'SELECT person_id FROM team_members WHERE team_id = $1 ORDER BY person_id',
    [teamId],
  );
  return rows.map((row) => row.person_id);
}

/** PRESENCE_DAY_EXISTS when the team has another planned team day on the date. */
export async function refuseOtherDayOn(
  manager: EntityManager,
  teamId: string,
  date: CivilDate,
  exceptId: string | null,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM presence_days WHERE team_id = $1 AND date = $2 AND status = 'PLANNED'
       AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [teamId, date, exceptId],
  );
  if (rows.length > 0) throw new PresenceDayExistsError(date);
}

/** Cancels the live TEAM_DAY bookings of a team day (of one person, or all). */
export async function cancelSeats(
  manager: EntityManager,
  dayId: string,
  personId: string | null,
): Promise<CancelledSeat[]> {
  const [rows]: [CancelledSeat[], number] = await manager.query(
    `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now()
     WHERE presence_day_id = $1 AND status IN ('BOOKED', 'CHECKED_IN') AND ($2::uuid IS NULL OR person_id = $2::uuid)
     RETURNING id, person_id, desk_id`,
    [dayId, personId],
  );
  return rows;
}

/** Hands each freed desk of the team day (its old place) to the waitlist, under the office-day lock held. */
export async function handOver(
  manager: EntityManager,
  locks: TransactionLocks,
  day: DayRow,
  cancelled: readonly CancelledSeat[],
  now: Date,
): Promise<WaitlistAssignment[]> {
  const assignments: WaitlistAssignment[] = [];
  for (const seat of cancelled) {
    assignments.push(
      ...(await handOverFreedDesk(
        manager,
        locks,
        { officeId: day.office_id, deskId: seat.desk_id, date: day.date, part: day.part },
        now,
      )),
    );
  }
  return assignments;
}

/**
 * Books a desk for a member who answers ATTENDING: next to the team's desks (`nearestSeat`) when they hold no
 * booking overlapping the day, the office takes the day and the cap leaves room; otherwise none.
 */
export async function seatLateComer(
  manager: EntityManager,
  day: DayRow,
  personId: string,
  now: Date,
): Promise<SeatMade | undefined> {
  const [member] = await loadMembersOnDay(manager, day.team_id, day.id, day.office_id, day.date, day.part, null).then(
    (members) => members.filter((candidate) => candidate.personId === personId),
  );
  if (!member || member.booked !== null) return undefined;
  const officeDay = await loadOfficeDay(manager, day.office_id, day.date, day.part, now);
  if (officeDay.refusal || officeDay.capacityRoom < 1) return undefined;
  const taken: SeatCandidate[] = await manager.query(
    `SELECT d.id AS "deskId", d.area_id AS "areaId", d.code, d.position_x::float8 AS x, d.position_y::float8 AS y
     FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE b.presence_day_id = $1 AND b.status IN ('BOOKED', 'CHECKED_IN')`,
    [day.id],
  );
  const seat = nearestSeat(officeDay.freeDesks, taken);
  if (!seat) return undefined;
  const [made] = await bookSeats(manager, day.id, day.date, day.part, [{ personId, deskId: seat.deskId }]);
  return made;
}
