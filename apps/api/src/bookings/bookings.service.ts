import {
  addDays,
  type BookingContext,
  checkBookingDate,
  type CivilDate,
  type Closure,
  type DayPart,
  decideBooking,
  isLand,
  isWeekday,
  LIVE_BOOKING_STATUSES,
  startOfIsoWeek,
  todayInOfficeZone,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import type { Office } from '../places/models/office.model.js';
import { DeskNotFoundError } from '../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { MyBookingEvents } from '../realtime/my-booking-events.js';
import type { BookingStatus } from './booking.entity.js';
import {
  BookingNotActiveError,
  BookingNotFoundError,
  BookingRefusedError,
  DeskTakenError,
  PersonAlreadyBookedError,
} from './bookings.errors.js';
import type { BookDeskInput } from './dto/book-desk.input.js';
import type { Booking } from './models/booking.model.js';

interface BookingRow {
  id: string;
  date: string;
  part: Booking['part'];
  status: BookingStatus;
  created_at: Date;
  desk_id: string;
  desk_code: string;
  area_name: string;
  office_id: string;
}

const BOOKING_SELECT = `
  SELECT b.id, b.date, b.part, b.status, b.created_at, d.id AS desk_id, d.code AS desk_code,
         a.name AS area_name, d.office_id
  FROM bookings b
  JOIN desks d ON d.id = b.desk_id
  JOIN areas a ON a.id = d.area_id`;

export interface CancelledBookings {
  readonly count: number;
  /** Publishes the live events; call after the transaction that cancelled has committed. */
  announce(): Promise<void>;
}

/** SQLSTATE of an exclusion-constraint violation: the database refused an overlapping live booking. */
const EXCLUSION_VIOLATION = '23P01';

/** First keys of the advisory locks of a booking: one key space per kind, taken in this order. */
const LOCK_OFFICE_DAY = 4_101;
const LOCK_PERSON_WEEK = 4_102;

interface DeskRow {
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

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly events: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
  ) {}

  /**
   * Books a desk, deciding every rule of DESIGN.md §3, 3 with `decideBooking` of the domain library inside one
   * transaction that also inserts:
   * 1. the date is checked first (INVALID_DATE, DATE_IN_PAST need nothing else), then the desk is looked up (a desk
   *    of an office not open to the caller's organisation reads as DESK_NOT_FOUND);
   * 2. two transaction-scoped advisory locks, always in this order: the office and day (serialises the capacity cap),
   *    then the person and ISO week (serialises the quota). Every booking takes exactly one of each kind in the same
   *    order, so two bookings never wait on each other in a cycle; the two kinds have their own key spaces (the
   *    first key), so a hash collision never mixes them;
   * 3. under the locks, everything the decision needs is read through the transaction (READ COMMITTED: each
   *    statement sees what the previous holder of the lock committed): the office's rules and closures, the desk,
   *    the live bookings at the office that day, the person's live bookings that week, the active desks;
   * 4. the INSERT: the exclusion constraints stay the last word on DESK_TAKEN and PERSON_ALREADY_BOOKED.
   * A refusal rolls everything back; the live events go out only after the commit.
   */
  async book(caller: Caller, input: BookDeskInput, now: Date = new Date()): Promise<Booking> {
    const dateCheck = checkBookingDate(input.date, now);
    if (!dateCheck.ok) throw new BookingRefusedError(dateCheck.refusal);
    const date = dateCheck.date;
    const personId = caller.personId;

    const { id, officeId } = await this.dataSource.transaction(async (manager) => {
      // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
      const desks: DeskRow[] = await manager.query(
        `SELECT d.office_id, d.active, d.blocked_reason FROM desks d JOIN offices f ON f.id = d.office_id
         WHERE d.id = $1 AND ${officeOpenTo(2)}`,
        [input.deskId, caller.organisationId],
      );
      const desk = desks[0];
      if (!desk) throw new DeskNotFoundError();

      await manager.query(`SELECT pg_advisory_xact_lock(${LOCK_OFFICE_DAY}, hashtext($1 || '/' || $2))`, [
        desk.office_id,
        date,
      ]);
      const weekStart = startOfIsoWeek(date);
      await manager.query(`SELECT pg_advisory_xact_lock(${LOCK_PERSON_WEEK}, hashtext($1 || '/' || $2))`, [
        personId,
        weekStart,
      ]);

      const context = await loadBookingContext(manager, {
        officeId: desk.office_id,
        personId,
        date,
        weekStart,
        desk,
        now,
      });
      const decision = decideBooking({ deskId: input.deskId, date: input.date, part: input.part }, context);
      if (!decision.ok) throw new BookingRefusedError(decision.refusal);

      let inserted: { id: string }[];
      try {
        inserted = await manager.query(
          `INSERT INTO bookings (person_id, desk_id, date, part, source) VALUES ($1, $2, $3, $4, 'SELF') RETURNING id`,
          [personId, input.deskId, date, input.part],
        );
      } catch (error) {
        throw translateConflict(error, date);
      }
      const bookingId = inserted[0]?.id;
      if (bookingId === undefined) throw new Error('INSERT … RETURNING gave no row');
      return { id: bookingId, officeId: desk.office_id };
    });

    await this.events.deskChanged({ officeId, date, deskId: input.deskId });
    await this.myEvents.changed([{ personId, bookingId: id, reason: 'BOOKED' }]);
    return this.byId(id);
  }

  /** Cancels one of the caller's live bookings; history is kept (status CANCELLED), the desk turns free live. */
  async cancel(personId: string, bookingId: string): Promise<Booking> {
    const updated: [{ desk_id: string; date: string; office_id: string }[], number] = await this.dataSource.query(
      `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
       FROM desks d
       WHERE b.id = $1 AND b.person_id = $2 AND b.status IN ('BOOKED', 'CHECKED_IN') AND d.id = b.desk_id
       RETURNING b.desk_id, b.date, d.office_id`,
      [bookingId, personId],
    );
    const row = updated[0][0];
    if (!row) {
      const existing: { status: BookingStatus }[] = await this.dataSource.query(
        'SELECT status FROM bookings WHERE id = $1 AND person_id = $2',
        [bookingId, personId],
      );
      const status = existing[0]?.status;
      // Another person's booking reads as "not found": its existence is none of the caller's business.
      throw status === undefined ? new BookingNotFoundError() : new BookingNotActiveError(status);
    }
    await this.events.deskChanged({ officeId: row.office_id, date: row.date, deskId: row.desk_id });
    await this.myEvents.changed([{ personId, bookingId, reason: 'CANCELLED' }]);
    return this.byId(bookingId);
  }

  /**
   * Cancels, inside the caller's transaction, every live booking from today on at an office by people of an
   * organisation (its sharing was revoked). Returns what to announce once the transaction has committed.
   */
  async cancelFutureBookingsOfOrganisation(
    manager: EntityManager,
    officeId: string,
    organisationId: string,
    now: Date = new Date(),
  ): Promise<CancelledBookings> {
    const [rows]: [{ id: string; person_id: string; desk_id: string; date: string }[], number] = await manager.query(
      `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
       FROM desks d, people p
       WHERE d.id = b.desk_id AND p.id = b.person_id AND d.office_id = $1 AND p.organisation_id = $2
         AND b.date >= $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
       RETURNING b.id, b.person_id, b.desk_id, b.date`,
      [officeId, organisationId, todayInOfficeZone(now)],
    );
    return {
      count: rows.length,
      announce: async () => {
        for (const row of rows) await this.events.deskChanged({ officeId, date: row.date, deskId: row.desk_id });
        await this.myEvents.changed(
          rows.map((row) => ({ personId: row.person_id, bookingId: row.id, reason: 'SHARING_REVOKED' as const })),
        );
      },
    };
  }

  /** One booking of the person, whatever its status (for their live updates). */
  async ofPerson(personId: string, bookingId: string): Promise<Booking | undefined> {
    const rows: BookingRow[] = await this.dataSource.query(`${BOOKING_SELECT} WHERE b.id = $1 AND b.person_id = $2`, [
      bookingId,
      personId,
    ]);
    const [booking] = await this.withOffices(rows);
    return booking;
  }

  /** The caller's live bookings from today (Europe/Berlin) on. */
  async myBookings(personId: string, now: Date = new Date()): Promise<Booking[]> {
    const rows: BookingRow[] = await this.dataSource.query(
      `${BOOKING_SELECT}
       WHERE b.person_id = $1 AND b.date >= $2 AND b.status IN ('BOOKED', 'CHECKED_IN')
       ORDER BY b.date, b.part
       LIMIT 500`,
      [personId, todayInOfficeZone(now)],
    );
    return this.withOffices(rows);
  }

  private async byId(id: string): Promise<Booking> {
    const rows: BookingRow[] = await this.dataSource.query(`${BOOKING_SELECT} WHERE b.id = $1`, [id]);
    const [booking] = await this.withOffices(rows);
    if (!booking) throw new BookingNotFoundError();
    return booking;
  }

  /** One query for all offices of a list of bookings (no N+1). */
  private async withOffices(rows: BookingRow[]): Promise<Booking[]> {
    const offices = await this.places.officesByIds([...new Set(rows.map((row) => row.office_id))]);
    return rows.map((row) => toBooking(row, requireOffice(offices, row.office_id)));
  }
}

function requireOffice(offices: ReadonlyMap<string, Office>, id: string): Office {
  const office = offices.get(id);
  if (!office) throw new Error(`Office ${id} of a booking is missing`);
  return office;
}

function toBooking(row: BookingRow, office: Office): Booking {
  return {
    id: row.id,
    date: row.date,
    part: row.part,
    status: row.status,
    deskId: row.desk_id,
    deskCode: row.desk_code,
    areaName: row.area_name,
    office,
    createdAt: row.created_at.toISOString(),
  };
}

function translateConflict(error: unknown, date: CivilDate): unknown {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (driverError.code === EXCLUSION_VIOLATION) {
      if (driverError.constraint === 'bookings_desk_half_day_excl') return new DeskTakenError(date);
      if (driverError.constraint === 'bookings_person_half_day_excl') return new PersonAlreadyBookedError(date);
    }
  }
  return error;
}

interface ContextKeys {
  readonly officeId: string;
  readonly personId: string;
  readonly date: CivilDate;
  readonly weekStart: CivilDate;
  readonly desk: DeskRow;
  readonly now: Date;
}

/** Reads, through the booking's transaction and under its locks, all that `decideBooking` needs. */
async function loadBookingContext(manager: EntityManager, keys: ContextKeys): Promise<BookingContext> {
  const live = LIVE_BOOKING_STATUSES;
  const offices: OfficeRulesRow[] = await manager.query(
    `SELECT m.land, f.opening_weekdays::int[] AS opening_weekdays, f.booking_horizon_days,
            f.capacity_share::float8 AS capacity_share, f.quota_days_per_week::int AS quota_days_per_week,
            (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS active_desks
     FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
     WHERE f.id = $1`,
    [keys.officeId],
  );
  const office = offices[0];
  if (!office) throw new Error(`Office ${keys.officeId} of a desk is missing`);
  if (!isLand(office.land)) throw new Error(`Office ${keys.officeId} lies in an unknown Land: ${office.land}`);
  const closures: { starts_on: CivilDate; ends_on: CivilDate; reason: string }[] = await manager.query(
    `SELECT starts_on, ends_on, reason FROM office_closures
     WHERE office_id = $1 AND starts_on <= $2 AND ends_on >= $2 ORDER BY starts_on`,
    [keys.officeId, keys.date],
  );
  const officeBookings: { desk_id: string; date: CivilDate; part: DayPart }[] = await manager.query(
    `SELECT b.desk_id, b.date, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE d.office_id = $1 AND b.date = $2 AND b.status = ANY($3::text[])`,
    [keys.officeId, keys.date, live],
  );
  const personBookings: { date: CivilDate; part: DayPart }[] = await manager.query(
    `SELECT date, part FROM bookings WHERE person_id = $1 AND date BETWEEN $2 AND $3 AND status = ANY($4::text[])`,
    [keys.personId, keys.weekStart, addDays(keys.weekStart, 6), live],
  );
  return {
    now: keys.now,
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
    desk: {
      blocked: !keys.desk.active,
      ...(keys.desk.blocked_reason === null ? {} : { blockedReason: keys.desk.blocked_reason }),
    },
    activeDeskCount: office.active_desks,
    officeBookings: officeBookings.map((booking) => ({
      deskId: booking.desk_id,
      date: booking.date,
      part: booking.part,
    })),
    personBookings,
  };
}
