import {
  type BookingRefusal,
  capacityCap,
  checkBookingDate,
  chooseSeats,
  type CivilDate,
  type Closure,
  type DayPart,
  daysBetween,
  decideBooking,
  type HalfDay,
  halvesOf,
  isFreeFor,
  isLand,
  isWeekday,
  LIVE_BOOKING_STATUSES,
  partsOverlap,
  type SeatCandidate,
  todayInOfficeZone,
} from '@nahbar/domain';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { translateConflict } from '../../bookings/booking-context.js';
import { BookingRefusedError } from '../../bookings/bookings.errors.js';
import { OfficeNotFoundError } from '../../places/places.errors.js';
import { officeOpenTo } from '../../places/places.service.js';
import type { PresenceAnswer } from './presence-answer.entity.js';
import { PresenceDayExistsError } from './presence-days.errors.js';

/** SQLSTATE of a unique violation: the team has a planned team day on that date already. */
const UNIQUE_VIOLATION = '23505';

/** A free desk with its area's name, as seating and the preview see it. */
export interface FreeDesk extends SeatCandidate {
  readonly areaName: string;
}

/** What an office offers a team day on a date, read through the transaction (under its locks when booking). */
export interface OfficeDay {
  /** Why the office takes no team day then (INVALID_DATE, DATE_IN_PAST, HOLIDAY, CLOSURE, CLOSED_WEEKDAY). */
  readonly refusal: BookingRefusal | undefined;
  readonly date: CivilDate | undefined;
  /** Active desks free for the part of the day, in the office's area order and then by code. */
  readonly freeDesks: readonly FreeDesk[];
  /** How many more bookings the office's capacity cap allows for the part of the day. */
  readonly capacityRoom: number;
}

interface OfficeRow {
  land: string;
  opening_weekdays: number[];
  capacity_share: number | null;
  active_desks: number;
}

interface DeskRow {
  id: string;
  area_id: string;
  area_name: string;
  code: string;
  position_x: number | null;
  position_y: number | null;
}

/** The office open to the organisation (the team's): its id; any other office reads as OFFICE_NOT_FOUND. */
export async function requireOfficeOpenTo(
  manager: EntityManager,
  officeId: string,
  organisationId: string,
): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`, [
    officeId,
    organisationId,
  ]);
  if (rows.length === 0) throw new OfficeNotFoundError();
}

/**
 * Reads what an office offers a team day on a date. The date and the office's calendar are decided by
 * `decideBooking` of the domain library with the team-day rules: the booking horizon and the personal quota do not
 * apply (the employer mandates the day), holidays, closures, closed weekdays and past dates do. Free desks leave out
 * blocked desks and desks with a live booking overlapping the part; bookings of `ignoreDayId` (the team day being
 * moved) count as free.
 */
export async function loadOfficeDay(
  manager: EntityManager,
  officeId: string,
  input: string,
  part: DayPart,
  now: Date,
  ignoreDayId: string | null = null,
): Promise<OfficeDay> {
  const dateCheck = checkBookingDate(input, now);
  if (!dateCheck.ok) return { refusal: dateCheck.refusal, date: undefined, freeDesks: [], capacityRoom: 0 };
  const date = dateCheck.date;
  const [office]: OfficeRow[] = await manager.query(
    `SELECT m.land, f.opening_weekdays::int[] AS opening_weekdays, f.capacity_share::float8 AS capacity_share,
            (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS active_desks
     FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags WHERE f.id = $1`,
    [officeId],
  );
  if (!office) throw new OfficeNotFoundError();
  if (!isLand(office.land)) throw new Error(`Office ${officeId} lies in an unknown Land: ${office.land}`);
  const closures: { starts_on: CivilDate; ends_on: CivilDate; reason: string }[] = await manager.query(
    'SELECT starts_on, ends_on, reason FROM office_closures WHERE office_id = $1 AND starts_on <= $2 AND ends_on >= $2',
    [officeId, date],
  );
  const calendarDecision = decideBooking(
    { deskId: '', date, part },
    {
      now,
      rules: {
        calendar: {
          land: office.land,
          openingWeekdays: new Set(office.opening_weekdays.map(Number).filter(isWeekday)),
          closures: closures.map((row): Closure => ({ from: row.starts_on, to: row.ends_on, reason: row.reason })),
        },
        // Team days: no booking horizon (the employer mandates the day) and no personal quota.
        horizonDays: Math.max(0, daysBetween(todayInOfficeZone(now), date)),
      },
      desk: { blocked: false },
      activeDeskCount: office.active_desks,
      officeBookings: [],
      personBookings: [],
    },
  );
  if (!calendarDecision.ok) return { refusal: calendarDecision.refusal, date, freeDesks: [], capacityRoom: 0 };

  const bookings: { desk_id: string; part: DayPart }[] = await manager.query(
    `SELECT b.desk_id, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE d.office_id = $1 AND b.date = $2 AND b.status = ANY($3::text[])
       AND ($4::uuid IS NULL OR b.presence_day_id IS DISTINCT FROM $4::uuid)`,
    [officeId, date, LIVE_BOOKING_STATUSES, ignoreDayId],
  );
  const desks: DeskRow[] = await manager.query(
    `SELECT d.id, d.area_id, a.name AS area_name, d.code, d.position_x::float8 AS position_x,
            d.position_y::float8 AS position_y
     FROM desks d JOIN areas a ON a.id = d.area_id
     WHERE d.office_id = $1 AND d.active ORDER BY a.sort_order, a.name, d.code`,
    [officeId],
  );
  const taken = new Map<string, Set<HalfDay>>();
  for (const booking of bookings) {
    const halves = taken.get(booking.desk_id) ?? new Set<HalfDay>();
    for (const half of halvesOf(booking.part)) halves.add(half);
    taken.set(booking.desk_id, halves);
  }
  const freeDesks = desks
    .filter((desk) => isFreeFor(part, taken.get(desk.id) ?? new Set()))
    .map(
      (desk): FreeDesk => ({
        deskId: desk.id,
        areaId: desk.area_id,
        areaName: desk.area_name,
        code: desk.code,
        x: desk.position_x === null ? null : Number(desk.position_x),
        y: desk.position_y === null ? null : Number(desk.position_y),
      }),
    );
  let capacityRoom = Number.POSITIVE_INFINITY;
  if (office.capacity_share !== null) {
    const cap = capacityCap(Number(office.capacity_share), office.active_desks);
    for (const half of halvesOf(part)) {
      const used = bookings.filter((booking) => halvesOf(booking.part).includes(half)).length;
      capacityRoom = Math.min(capacityRoom, Math.max(0, cap - used));
    }
  }
  return { refusal: undefined, date, freeDesks, capacityRoom };
}

/** A member of the team as seating sees them on a date. */
export interface MemberOnDay {
  readonly personId: string;
  readonly displayName: string;
  readonly answer: PresenceAnswer | null;
  /** Where the member holds a live booking overlapping the part (not counting the team day's own): here, elsewhere. */
  readonly booked: 'HERE' | 'ELSEWHERE' | null;
}

/**
 * The team's members (by display name) with their answer to the team day `dayId` (none yet: null) and whether they
 * hold a live booking on `date` overlapping `part` at `officeId` or another office; bookings of `ignoreDayId` do not
 * count (the team day being moved gives them up).
 */
export async function loadMembersOnDay(
  manager: EntityManager,
  teamId: string,
  dayId: string | null,
  officeId: string,
  date: CivilDate,
  part: DayPart,
  ignoreDayId: string | null,
): Promise<MemberOnDay[]> {
  const members: { person_id: string; display_name: string; answer: PresenceAnswer | null }[] = await manager.query(
    `SELECT m.person_id, p.display_name, a.answer
     FROM team_members m JOIN people p ON p.id = m.person_id
     LEFT JOIN presence_answers a ON a.presence_day_id = $2 AND a.person_id = m.person_id
     WHERE m.team_id = $1 ORDER BY p.display_name, m.person_id`,
    [teamId, dayId],
  );
  const bookings: { person_id: string; office_id: string; part: DayPart }[] = await manager.query(
    `SELECT b.person_id, d.office_id, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE b.person_id = ANY($1::uuid[]) AND b.date = $2 AND b.status = ANY($3::text[])
       AND ($4::uuid IS NULL OR b.presence_day_id IS DISTINCT FROM $4::uuid)`,
    [members.map((member) => member.person_id), date, LIVE_BOOKING_STATUSES, ignoreDayId],
  );
  return members.map((member) => {
    const overlapping = bookings.filter(
      (booking) => booking.person_id === member.person_id && partsOverlap(booking.part, part),
    );
    const booked = overlapping.some((booking) => booking.office_id === officeId)
      ? 'HERE'
      : overlapping.length > 0
        ? 'ELSEWHERE'
        : null;
    return { personId: member.person_id, displayName: member.display_name, answer: member.answer, booked };
  });
}

/** A TEAM_DAY booking made for a member. */
export interface SeatMade {
  readonly personId: string;
  readonly bookingId: string;
  readonly deskId: string;
}

/**
 * Books the given desks for the given members (pairwise, in order) for the team day, each INSERT under a SAVEPOINT:
 * a desk or person the database's exclusion constraints refuse (a race) leaves that member without a desk instead of
 * failing the team day.
 */
export async function bookSeats(
  manager: EntityManager,
  dayId: string,
  date: CivilDate,
  part: DayPart,
  seats: readonly { personId: string; deskId: string }[],
): Promise<SeatMade[]> {
  const made: SeatMade[] = [];
  for (const seat of seats) {
    await manager.query('SAVEPOINT team_day_seat');
    try {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO bookings (person_id, desk_id, date, part, source, presence_day_id)
         VALUES ($1, $2, $3, $4, 'TEAM_DAY', $5) RETURNING id`,
        [seat.personId, seat.deskId, date, part, dayId],
      );
      const bookingId = rows[0]?.id;
      if (bookingId === undefined) throw new Error('INSERT … RETURNING gave no row');
      await manager.query('RELEASE SAVEPOINT team_day_seat');
      made.push({ personId: seat.personId, bookingId, deskId: seat.deskId });
    } catch (error) {
      if (!(translateConflict(error, date) instanceof BookingRefusedError)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT team_day_seat');
    }
  }
  return made;
}

/** PRESENCE_DAY_EXISTS for the unique index of planned team days per team and date; any other error as it is. */
export function translateDayConflict(error: unknown, date: CivilDate): unknown {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (driverError.code === UNIQUE_VIOLATION && driverError.constraint === 'presence_days_team_date_unique') {
      return new PresenceDayExistsError(date);
    }
  }
  return error;
}

/** The name of the area most of the desks lie in (ties: the first in the office's order), if any. */
export function mainArea(desks: readonly FreeDesk[]): string | null {
  const counts = new Map<string, number>();
  for (const desk of desks) counts.set(desk.areaName, (counts.get(desk.areaName) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}

/** Whom a team day seats where: the numbers the preview shows and the desks the save books. */
export interface SeatingPlan {
  readonly members: number;
  readonly away: number;
  readonly alreadyBookedHere: number;
  readonly bookedElsewhere: number;
  /** Members to seat: not away, holding no overlapping booking. */
  readonly toSeat: number;
  /** Desks free within the capacity cap. */
  readonly freeDesks: number;
  /** Member and desk, the members in order of display name. */
  readonly seats: readonly { personId: string; deskId: string }[];
  readonly shortfall: number;
  readonly sideBySide: boolean;
  readonly areaName: string | null;
}

/** Plans the seats of a team day: `chooseSeats` over the free desks, handed to the members in order of name. */
export function planSeating(members: readonly MemberOnDay[], officeDay: OfficeDay): SeatingPlan {
  const away = members.filter((member) => member.answer === 'AWAY');
  const coming = members.filter((member) => member.answer !== 'AWAY');
  const toSeat = coming.filter((member) => member.booked === null);
  const freeDesks = officeDay.refusal ? 0 : Math.min(officeDay.freeDesks.length, officeDay.capacityRoom);
  const choice = chooseSeats(officeDay.freeDesks, Math.min(toSeat.length, freeDesks));
  const byId = new Map(officeDay.freeDesks.map((desk) => [desk.deskId, desk]));
  const chosen = choice.deskIds.map((deskId) => byId.get(deskId)).filter((desk) => desk !== undefined);
  return {
    members: members.length,
    away: away.length,
    alreadyBookedHere: coming.filter((member) => member.booked === 'HERE').length,
    bookedElsewhere: coming.filter((member) => member.booked === 'ELSEWHERE').length,
    toSeat: toSeat.length,
    freeDesks,
    seats: chosen.map((desk, index) => ({ personId: toSeat[index]?.personId ?? '', deskId: desk.deskId })),
    shortfall: toSeat.length - chosen.length,
    sideBySide: choice.sideBySide,
    areaName: mainArea(chosen),
  };
}
