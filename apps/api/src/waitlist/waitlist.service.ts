import {
  checkBookingDate,
  type CivilDate,
  type DayPart,
  decideBooking,
  partsOverlap,
  todayInOfficeZone,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';

import { officeDayKey, TransactionLocks } from '../bookings/advisory-locks.js';
import { loadBookingContext } from '../bookings/booking-context.js';
import { BookingRefusedError, PersonAlreadyBookedError } from '../bookings/bookings.errors.js';
import { BookingsService } from '../bookings/bookings.service.js';
import type { Caller } from '../identity/caller.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import type { JoinWaitlistInput } from './dto/join-waitlist.input.js';
import type { WaitlistEntry } from './models/waitlist-entry.model.js';
import { AlreadyWaitingError, DesksAvailableError, WaitlistEntryNotFoundError } from './waitlist.errors.js';
import type { WaitlistStatus } from './waitlist-entry.entity.js';

/** SQLSTATE of a unique violation: the partial unique index of the WAITING entries. */
const UNIQUE_VIOLATION = '23505';

interface EntryRow {
  id: string;
  office_id: string;
  date: CivilDate;
  part: DayPart;
  status: WaitlistStatus;
  booking_id: string | null;
  position: number | null;
}

/** Entries with their place in the queue of their office and date (WAITING ones only). */
const ENTRY_SELECT = `
  SELECT w.id, w.office_id, w.date, w.part, w.status, w.booking_id,
         CASE WHEN w.status = 'WAITING' THEN (
           SELECT count(*)::int FROM waitlist_entries o
           WHERE o.office_id = w.office_id AND o.date = w.date AND o.status = 'WAITING'
             AND (o.created_at, o.id) <= (w.created_at, w.id)) END AS position
  FROM waitlist_entries w`;

@Injectable()
export class WaitlistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly bookings: BookingsService,
  ) {}

  /**
   * Puts the caller on the waitlist of an office for a date and part of the day. In one transaction under the
   * office-day lock (the one a cancellation hands a desk over under, so no desk frees up unnoticed in between):
   * the office must be open to the caller, the date bookable by the office's calendar (the refusals of
   * `decideBooking`), the caller must hold no live booking overlapping that time, must not wait already, and no desk
   * may be bookable for that part (every active desk taken, or the capacity cap reached).
   */
  async join(caller: Caller, input: JoinWaitlistInput, now: Date = new Date()): Promise<WaitlistEntry> {
    const dateCheck = checkBookingDate(input.date, now);
    if (!dateCheck.ok) throw new BookingRefusedError(dateCheck.refusal);
    const date = dateCheck.date;
    const { officeId, part } = input;
    const personId = caller.personId;

    const entryId = await this.dataSource.transaction(async (manager) => {
      const visible: unknown[] = await manager.query(`SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`, [
        officeId,
        caller.organisationId,
      ]);
      if (visible.length === 0) throw new OfficeNotFoundError();
      await new TransactionLocks(manager).lockAll([officeDayKey(officeId, date)], []);

      const context = await loadBookingContext(manager, {
        officeId,
        personId,
        first: date,
        last: date,
        desk: { office_id: officeId, active: true, blocked_reason: null },
        now,
      });
      // The office's calendar alone: no desk, nobody's bookings, no cap or quota.
      const calendar = decideBooking(
        { deskId: '', date, part },
        {
          ...context,
          rules: { calendar: context.rules.calendar, horizonDays: context.rules.horizonDays },
          officeBookings: [],
          personBookings: [],
        },
      );
      if (!calendar.ok) throw new BookingRefusedError(calendar.refusal);
      if (context.personBookings.some((booking) => booking.date === date && partsOverlap(booking.part, part))) {
        throw new PersonAlreadyBookedError(date);
      }
      const waiting: unknown[] = await manager.query(
        `SELECT 1 FROM waitlist_entries
         WHERE person_id = $1 AND office_id = $2 AND date = $3 AND part = $4 AND status = 'WAITING'`,
        [personId, officeId, date, part],
      );
      if (waiting.length > 0) throw new AlreadyWaitingError();

      const desks: { id: string }[] = await manager.query('SELECT id FROM desks WHERE office_id = $1 AND active', [
        officeId,
      ]);
      // Whether anyone could book a desk: the caller's own quota is theirs to mind, not the office's fullness.
      const open = { ...context, personBookings: [] };
      if (desks.some((desk) => decideBooking({ deskId: desk.id, date, part }, open).ok)) {
        throw new DesksAvailableError();
      }

      try {
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, $4) RETURNING id`,
          [officeId, personId, date, part],
        );
        const id = rows[0]?.id;
        if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
        return id;
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
          throw new AlreadyWaitingError();
        }
        throw error;
      }
    });
    return this.requireEntry(personId, entryId);
  }

  /** Takes the caller off a waitlist; only their own entries that still wait. */
  async leave(personId: string, id: string): Promise<WaitlistEntry> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE waitlist_entries SET status = 'LEFT' WHERE id = $1 AND person_id = $2 AND status = 'WAITING' RETURNING id`,
      [id, personId],
    );
    if (rows.length === 0) throw new WaitlistEntryNotFoundError();
    return this.requireEntry(personId, id);
  }

  /** The caller's entries from today on that wait or were assigned a desk, by date. */
  async mine(personId: string, now: Date = new Date()): Promise<WaitlistEntry[]> {
    const rows: EntryRow[] = await this.dataSource.query(
      `${ENTRY_SELECT}
       WHERE w.person_id = $1 AND w.date >= $2 AND w.status IN ('WAITING', 'ASSIGNED')
       ORDER BY w.date, w.created_at, w.id
       LIMIT 500`,
      [personId, todayInOfficeZone(now)],
    );
    return this.toEntries(personId, rows);
  }

  private async requireEntry(personId: string, id: string): Promise<WaitlistEntry> {
    const rows: EntryRow[] = await this.dataSource.query(`${ENTRY_SELECT} WHERE w.id = $1 AND w.person_id = $2`, [
      id,
      personId,
    ]);
    const [entry] = await this.toEntries(personId, rows);
    if (!entry) throw new WaitlistEntryNotFoundError();
    return entry;
  }

  /** One query for the offices and one for the bookings of a list of entries (no N+1). */
  private async toEntries(personId: string, rows: EntryRow[]): Promise<WaitlistEntry[]> {
    const offices = await this.places.officesByIds([...new Set(rows.map((row) => row.office_id))]);
    const bookingIds = rows.flatMap((row) => (row.booking_id === null ? [] : [row.booking_id]));
    const bookings = new Map(
      (await this.bookings.ofPersonByIds(personId, bookingIds)).map((booking) => [booking.id, booking]),
    );
    return rows.flatMap((row) => {
      const office = offices.get(row.office_id);
      if (!office) return [];
      return [
        {
          id: row.id,
          office,
          date: row.date,
          part: row.part,
          status: row.status,
          position: row.status === 'WAITING' ? row.position : null,
          booking: row.booking_id === null ? null : (bookings.get(row.booking_id) ?? null),
        },
      ];
    });
  }
}
