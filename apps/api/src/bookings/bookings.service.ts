import { checkBookingDate, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
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

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly events: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
  ) {}

  /**
   * Books a desk. The date rules come from the domain library; "desk taken" and "person already booked" are
   * decided by the exclusion constraints in one INSERT, so racing requests give one booking and typed errors.
   */
  async book(caller: Caller, input: BookDeskInput, now: Date = new Date()): Promise<Booking> {
    const dateCheck = checkBookingDate(input.date, now);
    if (!dateCheck.ok) throw new BookingRefusedError(dateCheck.refusal);
    const personId = caller.personId;

    // A desk of an office not open to the caller's organisation reads as not found.
    const desks: { office_id: string; active: boolean }[] = await this.dataSource.query(
      `SELECT d.office_id, d.active FROM desks d JOIN offices f ON f.id = d.office_id
       WHERE d.id = $1 AND ${officeOpenTo(2)}`,
      [input.deskId, caller.organisationId],
    );
    const desk = desks[0];
    if (!desk) throw new DeskNotFoundError();
    if (!desk.active) {
      throw new DomainError('DESK_BLOCKED', 'This desk is blocked and cannot be booked. Choose another desk.');
    }

    let inserted: { id: string }[];
    try {
      inserted = await this.dataSource.query(
        `INSERT INTO bookings (person_id, desk_id, date, part, source) VALUES ($1, $2, $3, $4, 'SELF') RETURNING id`,
        [personId, input.deskId, dateCheck.date, input.part],
      );
    } catch (error) {
      throw translateConflict(error);
    }
    const id = inserted[0]?.id;
    if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
    await this.events.deskChanged({ officeId: desk.office_id, date: dateCheck.date, deskId: input.deskId });
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

function translateConflict(error: unknown): unknown {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: string; constraint?: string };
    if (driverError.code === EXCLUSION_VIOLATION) {
      if (driverError.constraint === 'bookings_desk_half_day_excl') return new DeskTakenError();
      if (driverError.constraint === 'bookings_person_half_day_excl') return new PersonAlreadyBookedError();
    }
  }
  return error;
}
