import {
  addDays,
  type BookingContext,
  type BookingRefusal,
  type CivilDate,
  type Closure,
  type DayPart,
  isLand,
  isWeekday,
  LIVE_BOOKING_STATUSES,
  type OfficeBookingRules,
  startOfIsoWeek,
} from '@nahbar/domain';
import { type EntityManager, QueryFailedError } from 'typeorm';

import { BookingRefusedError, DeskTakenError, PersonAlreadyBookedError } from './bookings.errors.js';

/** SQLSTATE of an exclusion-constraint violation: the database refused an overlapping live booking. */
export const EXCLUSION_VIOLATION = '23P01';

export interface DeskRow {
  office_id: string;
  active: boolean;
  blocked_reason: string | null;
}

interface OfficeRulesRow {
  land: string;
  opening_weekdays: number[];
  booking_horizon_days: number;
  capacity_share: number | null;
  quota_days_per_week: number | null;
  active_desks: number;
}

export interface ContextKeys {
  readonly officeId: string;
  readonly personId: string;
  /** The first and last date the context must cover (the same date for a single booking). */
  readonly first: CivilDate;
  readonly last: CivilDate;
  readonly desk: DeskRow;
  readonly now: Date;
}

/**
 * Reads, through the transaction and under its locks, all that `decideBooking` needs for every date from `first` to
 * `last`: the office's rules and closures in that span, the live bookings at the office in it, and the person's live
 * bookings in the ISO weeks it touches.
 */
export async function loadBookingContext(manager: EntityManager, keys: ContextKeys): Promise<BookingContext> {
  const live = LIVE_BOOKING_STATUSES;
  const { rules, activeDeskCount } = await loadOfficeRules(manager, keys.officeId, keys.first, keys.last);
  const officeBookings: { desk_id: string; date: CivilDate; part: DayPart }[] = await manager.query(
    `SELECT b.desk_id, b.date, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE d.office_id = $1 AND b.date BETWEEN $2 AND $3 AND b.status = ANY($4::text[])`,
    [keys.officeId, keys.first, keys.last, live],
  );
  const personBookings: { date: CivilDate; part: DayPart }[] = await manager.query(
    `SELECT date, part FROM bookings WHERE person_id = $1 AND date BETWEEN $2 AND $3 AND status = ANY($4::text[])`,
    [keys.personId, startOfIsoWeek(keys.first), addDays(startOfIsoWeek(keys.last), 6), live],
  );
  return {
    now: keys.now,
    rules,
    desk: {
      blocked: !keys.desk.active,
      ...(keys.desk.blocked_reason === null ? {} : { blockedReason: keys.desk.blocked_reason }),
    },
    activeDeskCount,
    officeBookings: officeBookings.map((booking) => ({
      deskId: booking.desk_id,
      date: booking.date,
      part: booking.part,
    })),
    personBookings,
  };
}

/**
 * The office's booking rules with its closures from `first` to `last`, and how many of its desks are active (the base
 * of the capacity cap). Through `manager`: inside a transaction, under its locks.
 */
export async function loadOfficeRules(
  manager: EntityManager,
  officeId: string,
  first: CivilDate,
  last: CivilDate,
): Promise<{ readonly rules: OfficeBookingRules; readonly activeDeskCount: number }> {
  const offices: OfficeRulesRow[] = await manager.query(
    `SELECT m.land, f.opening_weekdays::int[] AS opening_weekdays, f.booking_horizon_days,
            f.capacity_share::float8 AS capacity_share, f.quota_days_per_week::int AS quota_days_per_week,
            (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS active_desks
     FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
     WHERE f.id = $1`,
    [officeId],
  );
  const office = offices[0];
  if (!office) throw new Error(`Office ${officeId} is missing`);
  if (!isLand(office.land)) throw new Error(`Office ${officeId} lies in an unknown Land: ${office.land}`);
  const closures: { starts_on: CivilDate; ends_on: CivilDate; reason: string }[] = await manager.query(
    `SELECT starts_on, ends_on, reason FROM office_closures
     WHERE office_id = $1 AND starts_on <= $3 AND ends_on >= $2 ORDER BY starts_on`,
    [officeId, first, last],
  );
  return {
    rules: {
      calendar: {
        land: office.land,
        openingWeekdays: new Set(office.opening_weekdays.map(Number).filter(isWeekday)),
        closures: closures.map(
          (closure): Closure => ({ from: closure.starts_on, to: closure.ends_on, reason: closure.reason }),
        ),
      },
      horizonDays: office.booking_horizon_days,
      ...(office.capacity_share === null ? {} : { capacityShare: Number(office.capacity_share) }),
      ...(office.quota_days_per_week === null ? {} : { quotaDaysPerWeek: office.quota_days_per_week }),
    },
    activeDeskCount: office.active_desks,
  };
}

/** The refusal an exclusion-constraint violation stands for, or the error itself when it is something else. */
export function translateConflict(error: unknown, date: CivilDate): unknown {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (driverError.code === EXCLUSION_VIOLATION) {
      if (driverError.constraint === 'bookings_desk_half_day_excl') return new DeskTakenError(date);
      if (driverError.constraint === 'bookings_person_half_day_excl') return new PersonAlreadyBookedError(date);
    }
  }
  return error;
}

/** The refusal a BookingRefusedError carries, with its texts. */
export function refusalOf(error: BookingRefusedError): BookingRefusal {
  return {
    code: error.code as BookingRefusal['code'],
    message: error.message,
    ...(error.messages === undefined ? {} : { messages: error.messages }),
  };
}
