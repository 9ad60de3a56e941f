import {
  type BookingContext,
  type BookingRefusal,
  BookingRefusalCode,
  checkBookingDate,
  type CivilDate,
  decideBooking,
  decideRecurring,
  expandRecurrence,
  parseCivilDate,
  type RecurringDateOutcome,
  startOfIsoWeek,
  todayInOfficeZone,
  type Weekday,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import type { Office } from '../places/models/office.model.js';
import { DeskNotFoundError } from '../places/places.errors.js';
import { OFFICE_SELECT, officeOpenTo, type OfficeRow, PlacesService, toOffice } from '../places/places.service.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { type MyBookingChanged, MyBookingEvents } from '../realtime/my-booking-events.js';
import { officeDayKey, personWeekKey, TransactionLocks } from './advisory-locks.js';
import type { BookingStatus } from './booking.entity.js';
import { type DeskRow, loadBookingContext, refusalOf, translateConflict } from './booking-context.js';
import { BookingNotActiveError, BookingNotFoundError, BookingRefusedError } from './bookings.errors.js';
import type { BookDeskInput } from './dto/book-desk.input.js';
import type { BookRecurringInput } from './dto/book-recurring.input.js';
import type { Booking } from './models/booking.model.js';
import type { RecurringBookingResult, RecurringOutcome } from './models/recurring-booking-result.model.js';
import { type FreedDesk, handOverFreedDesk, type WaitlistAssignment } from './waitlist-handover.js';

interface BookingRow {
  id: string;
  date: string;
  part: Booking['part'];
  status: BookingStatus;
  created_at: Date;
  checked_in_at: Date | null;
  cancellation_reason: string | null;
  desk_id: string;
  desk_code: string;
  area_name: string;
  office_id: string;
}

const BOOKING_SELECT = `
  SELECT b.id, b.date, b.part, b.status, b.created_at, b.checked_in_at, b.cancellation_reason, d.id AS desk_id,
         d.code AS desk_code,
         a.name AS area_name, d.office_id
  FROM bookings b
  JOIN desks d ON d.id = b.desk_id
  JOIN areas a ON a.id = d.area_id`;

/** A booking's columns as the INSERT returns them: `BookingRow` without desk code, area and office. */
const INSERTED_BOOKING_COLUMNS = 'id, date, part, status, created_at, checked_in_at, cancellation_reason, desk_id';
type InsertedBookingRow = Omit<BookingRow, 'desk_code' | 'area_name' | 'office_id'>;

/** `requireDesk` for a booking of one's own, with what its answer shows: desk code, area name, office. */
interface BookableDeskRow extends DeskRow {
  desk_code: string;
  area_name: string;
  office: OfficeRow;
}

export interface CancelledBookings {
  readonly count: number;
  /** Publishes the live events; call after the transaction that cancelled has committed. */
  announce(): Promise<void>;
}

/** A cancelled booking: what its cancellation freed. */
interface CancelledRow {
  id: string;
  person_id: string;
  desk_id: string;
  date: CivilDate;
  part: Booking['part'];
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
   * 2. two transaction-scoped advisory locks, in the canonical order of `TransactionLocks`: the office and day
   *    (serialises the capacity cap), then the person and ISO week (serialises the quota). A series and a
   *    cancellation take theirs in the same order, so no two of them ever wait on each other in a cycle;
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

    const { booking, officeId } = await this.dataSource.transaction(async (manager) => {
      // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
      const desk = await requireBookableDesk(manager, caller, input.deskId);

      await new TransactionLocks(manager).lockAll(
        [officeDayKey(desk.office_id, date)],
        [personWeekKey(personId, startOfIsoWeek(date))],
      );

      const context = await loadBookingContext(manager, {
        officeId: desk.office_id,
        personId,
        first: date,
        last: date,
        desk: await deskUnderLocks(manager, input.deskId),
        now,
      });
      const decision = decideBooking({ deskId: input.deskId, date: input.date, part: input.part }, context);
      if (!decision.ok) throw new BookingRefusedError(decision.refusal);

      let inserted: InsertedBookingRow[];
      try {
        inserted = await manager.query(
          `INSERT INTO bookings (person_id, desk_id, date, part, source) VALUES ($1, $2, $3, $4, 'SELF')
           RETURNING ${INSERTED_BOOKING_COLUMNS}`,
          [personId, input.deskId, date, input.part],
        );
      } catch (error) {
        throw translateConflict(error, date);
      }
      const row = inserted[0];
      if (row === undefined) throw new Error('INSERT … RETURNING gave no row');
      // The answer from what the transaction read and wrote: no read-back after the commit.
      const answer = toBooking(
        {
          ...row,
          desk_code: desk.desk_code,
          area_name: desk.area_name,
          office_id: desk.office_id,
        },
        toOffice(desk.office),
      );
      return { booking: answer, officeId: desk.office_id };
    });

    // Both events at once (they go to different subscribers, in no order between them): one wait, not two.
    await Promise.all([
      this.events.deskChanged({ officeId, date, deskId: input.deskId }),
      this.myEvents.changed([{ personId, bookingId: booking.id, reason: 'BOOKED' }]),
    ]);
    return booking;
  }

  /**
   * Books a desk on the dates of a series (`expandRecurrence`), in one transaction: all the locks the dates need are
   * taken up front in the canonical order (every office-day lock, then every person-week lock); each date is decided
   * with `decideBooking` against the state under the locks plus the dates this series accepted before it
   * (`decideRecurring`). With `allOrNothing` one refusal books nothing. Each INSERT runs under a SAVEPOINT, so a date
   * lost to the database's exclusion constraints turns into that date's refusal instead of failing the series.
   */
  async bookRecurring(
    caller: Caller,
    input: BookRecurringInput,
    now: Date = new Date(),
  ): Promise<RecurringBookingResult> {
    const from = parseCivilDate(input.from);
    if (!from.ok) {
      throw new BookingRefusedError({
        code: BookingRefusalCode.InvalidDate,
        message: `"${input.from}" is not a real date in the form YYYY-MM-DD, for example 2027-03-15.`,
      });
    }
    const expansion = expandRecurrence({
      weekdays: input.weekdays as Weekday[],
      from: from.date,
      weeks: input.weeks,
    });
    if (!expansion.ok) throw new DomainError(expansion.code, expansion.message, expansion.messages);
    const dates = expansion.dates;
    const first = dates[0];
    const last = dates[dates.length - 1];
    if (first === undefined || last === undefined) throw new Error('expandRecurrence gave no dates');
    const personId = caller.personId;
    const { deskId, part } = input;

    const { outcomes, booked, officeId } = await this.dataSource.transaction(async (manager) => {
      const desk = await requireDesk(manager, caller, deskId);
      await new TransactionLocks(manager).lockAll(
        dates.map((date) => officeDayKey(desk.office_id, date)),
        [...new Set(dates.map(startOfIsoWeek))].map((week) => personWeekKey(personId, week)),
      );
      const context = await loadBookingContext(manager, {
        officeId: desk.office_id,
        personId,
        first,
        last,
        desk: await deskUnderLocks(manager, deskId),
        now,
      });
      const decision = decideRecurring(
        dates,
        (date, accepted) => decideBooking({ deskId, date, part }, withAccepted(context, deskId, part, accepted)),
        { allOrNothing: input.allOrNothing },
      );

      let decided: RecurringDateOutcome[] = [...decision.outcomes];
      let inserted = new Map<CivilDate, string>();
      await manager.query('SAVEPOINT recurring_series');
      for (const date of decision.toBook) {
        await manager.query('SAVEPOINT recurring_date');
        try {
          const rows: { id: string }[] = await manager.query(
            `INSERT INTO bookings (person_id, desk_id, date, part, source)
             VALUES ($1, $2, $3, $4, 'RECURRING') RETURNING id`,
            [personId, deskId, date, part],
          );
          const id = rows[0]?.id;
          if (id === undefined) throw new Error('INSERT … RETURNING gave no row');
          inserted.set(date, id);
          await manager.query('RELEASE SAVEPOINT recurring_date');
        } catch (error) {
          const conflict = translateConflict(error, date);
          if (!(conflict instanceof BookingRefusedError)) throw error;
          await manager.query('ROLLBACK TO SAVEPOINT recurring_date');
          const refusal = refusalOf(conflict);
          decided = decided.map((outcome) =>
            outcome.date === date
              ? {
                  date,
                  status: 'REFUSED',
                  refusal: { ...refusal, messages: refusal.messages ?? { de: refusal.message, en: refusal.message } },
                }
              : outcome,
          );
        }
      }
      if (input.allOrNothing && inserted.size < decision.toBook.length) {
        // A race took one of the dates: all or nothing means nothing.
        await manager.query('ROLLBACK TO SAVEPOINT recurring_series');
        inserted = new Map();
        decided = decided.map((outcome) =>
          outcome.status === 'BOOKED' ? { date: outcome.date, status: 'WITHHELD', messages: WITHHELD_TEXTS } : outcome,
        );
      }
      await manager.query('RELEASE SAVEPOINT recurring_series');
      return { outcomes: decided, booked: inserted, officeId: desk.office_id };
    });

    for (const date of booked.keys()) await this.events.deskChanged({ officeId, date, deskId });
    await this.myEvents.changed([...booked.values()].map((bookingId) => ({ personId, bookingId, reason: 'BOOKED' })));

    const bookings = new Map((await this.byIds([...booked.values()])).map((booking) => [booking.id, booking]));
    const result: RecurringOutcome[] = outcomes.map((outcome) => {
      const bookingId = booked.get(outcome.date);
      switch (outcome.status) {
        case 'BOOKED':
          return {
            date: outcome.date,
            status: 'BOOKED',
            booking: (bookingId === undefined ? undefined : bookings.get(bookingId)) ?? null,
            refusal: null,
          };
        case 'REFUSED':
          return { date: outcome.date, status: 'REFUSED', booking: null, refusal: toRefusal(outcome.refusal) };
        case 'WITHHELD':
          return {
            date: outcome.date,
            status: 'WITHHELD',
            booking: null,
            refusal: { code: 'WITHHELD', message: outcome.messages.en, messageDe: outcome.messages.de },
          };
      }
    });
    return { complete: booked.size === dates.length, bookedCount: booked.size, outcomes: result };
  }

  /**
   * Cancels one of the caller's live bookings; history is kept (status CANCELLED). In the same transaction, under the
   * office-day lock, the freed desk goes to the first person waiting for it (`handOverFreedDesk`); after the commit
   * the desk's availability and both people are told live.
   */
  async cancel(personId: string, bookingId: string, now: Date = new Date()): Promise<Booking> {
    const { freed, assignments } = await this.dataSource.transaction(async (manager) => {
      const [found]: (CancelledRow & { status: BookingStatus; office_id: string })[] = await manager.query(
        `SELECT b.id, b.person_id, b.desk_id, b.date, b.part, b.status, d.office_id
         FROM bookings b JOIN desks d ON d.id = b.desk_id WHERE b.id = $1 AND b.person_id = $2`,
        [bookingId, personId],
      );
      // Another person's booking reads as "not found": its existence is none of the caller's business.
      if (!found) throw new BookingNotFoundError();
      const locks = new TransactionLocks(manager);
      await locks.lockAll([officeDayKey(found.office_id, found.date)], []);
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now()
         WHERE id = $1 AND status IN ('BOOKED', 'CHECKED_IN') RETURNING id`,
        [bookingId],
      );
      if (rows.length === 0) {
        const [current]: { status: BookingStatus }[] = await manager.query(
          'SELECT status FROM bookings WHERE id = $1',
          [bookingId],
        );
        throw new BookingNotActiveError(current?.status ?? found.status);
      }
      const freedDesk: FreedDesk = {
        officeId: found.office_id,
        deskId: found.desk_id,
        date: found.date,
        part: found.part,
      };
      return { freed: freedDesk, assignments: await handOverFreedDesk(manager, locks, freedDesk, now) };
    });
    await this.events.deskChanged({ officeId: freed.officeId, date: freed.date, deskId: freed.deskId });
    await this.myEvents.changed([{ personId, bookingId, reason: 'CANCELLED' }, ...assignedEvents(assignments)]);
    return this.byId(bookingId);
  }

  /**
   * Cancels, inside the caller's transaction, every live booking from today on at an office by people of an
   * organisation (its sharing was revoked), handing each freed desk to the waitlist under the office-day locks of all
   * the dates (taken first, sorted). Returns what to announce once the transaction has committed.
   */
  async cancelFutureBookingsOfOrganisation(
    manager: EntityManager,
    officeId: string,
    organisationId: string,
    now: Date = new Date(),
  ): Promise<CancelledBookings> {
    const today = todayInOfficeZone(now);
    const affected: { date: CivilDate }[] = await manager.query(
      `SELECT DISTINCT b.date FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN people p ON p.id = b.person_id
       WHERE d.office_id = $1 AND p.organisation_id = $2 AND b.date >= $3 AND b.status IN ('BOOKED', 'CHECKED_IN')`,
      [officeId, organisationId, today],
    );
    const locked = new Set(affected.map((row) => row.date));
    const locks = new TransactionLocks(manager);
    await locks.lockAll(
      [...locked].map((date) => officeDayKey(officeId, date)),
      [],
    );
    const [rows]: [CancelledRow[], number] = await manager.query(
      `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
       FROM desks d, people p
       WHERE d.id = b.desk_id AND p.id = b.person_id AND d.office_id = $1 AND p.organisation_id = $2
         AND b.date >= $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
       RETURNING b.id, b.person_id, b.desk_id, b.date, b.part`,
      [officeId, organisationId, today],
    );
    const assignments: WaitlistAssignment[] = [];
    const byDate = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const row of byDate) {
      // A booking that appeared after the dates were read has no lock of its day here: it is cancelled, not handed on.
      if (!locked.has(row.date)) continue;
      assignments.push(
        ...(await handOverFreedDesk(
          manager,
          locks,
          { officeId, deskId: row.desk_id, date: row.date, part: row.part },
          now,
        )),
      );
    }
    return {
      count: rows.length,
      announce: async () => {
        for (const row of rows) await this.events.deskChanged({ officeId, date: row.date, deskId: row.desk_id });
        await this.myEvents.changed([
          ...rows.map((row) => ({ personId: row.person_id, bookingId: row.id, reason: 'SHARING_REVOKED' as const })),
          ...assignedEvents(assignments),
        ]);
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

  /** Bookings of the person among `ids`, whatever their status. */
  async ofPersonByIds(personId: string, ids: readonly string[]): Promise<Booking[]> {
    if (ids.length === 0) return [];
    const rows: BookingRow[] = await this.dataSource.query(
      `${BOOKING_SELECT} WHERE b.id = ANY($1::uuid[]) AND b.person_id = $2`,
      [ids, personId],
    );
    return this.withOffices(rows);
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

  private async byIds(ids: readonly string[]): Promise<Booking[]> {
    if (ids.length === 0) return [];
    const rows: BookingRow[] = await this.dataSource.query(`${BOOKING_SELECT} WHERE b.id = ANY($1::uuid[])`, [ids]);
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
    checkedInAt: row.checked_in_at ? row.checked_in_at.toISOString() : null,
    cancellationReason: row.cancellation_reason,
  };
}

const WITHHELD_TEXTS = {
  de: 'Nicht gebucht: Sie wollten alle Tage oder keinen, und an mindestens einem anderen Tag ist keine Buchung möglich.',
  en: 'Not booked: you asked for all days or none, and at least one other day cannot be booked.',
};

/** A desk of an office open to the caller, read through the transaction; any other reads as not found. */
async function requireDesk(manager: EntityManager, caller: Caller, deskId: string): Promise<DeskRow> {
  // Never this.dataSource in a transaction: the embedded database has one connection, which the transaction holds.
  const desks: DeskRow[] = await manager.query(
    `SELECT d.office_id, d.active, d.blocked_reason FROM desks d JOIN offices f ON f.id = d.office_id
     WHERE d.id = $1 AND ${officeOpenTo(2)}`,
    [deskId, caller.organisationId],
  );
  const desk = desks[0];
  if (!desk) throw new DeskNotFoundError();
  return desk;
}

/**
 * `requireDesk` with the desk's code, its area's name and its office (`OFFICE_SELECT`, as JSON) in the same query:
 * what the answer to `bookDesk` shows of them, as of the transaction's first statement.
 */
async function requireBookableDesk(manager: EntityManager, caller: Caller, deskId: string): Promise<BookableDeskRow> {
  const desks: BookableDeskRow[] = await manager.query(
    `SELECT d.office_id, d.active, d.blocked_reason, d.code AS desk_code, a.name AS area_name,
            row_to_json(office) AS office
     FROM desks d
     JOIN areas a ON a.id = d.area_id
     CROSS JOIN LATERAL (${OFFICE_SELECT} WHERE f.id = d.office_id) office
     WHERE d.id = $1 AND ${officeOpenTo(2, 'office')}`,
    [deskId, caller.organisationId],
  );
  const desk = desks[0];
  if (!desk) throw new DeskNotFoundError();
  return desk;
}

/**
 * The desk read again once the locks are held: a facility manager's block that committed while this request waited
 * for them (it holds the same office-day locks) must refuse it, not be missed by the read before the locks.
 */
async function deskUnderLocks(manager: EntityManager, deskId: string): Promise<DeskRow> {
  const [desk]: DeskRow[] = await manager.query('SELECT office_id, active, blocked_reason FROM desks WHERE id = $1', [
    deskId,
  ]);
  if (!desk) throw new DeskNotFoundError();
  return desk;
}

/** The context of a series' date: as loaded, plus the dates the series accepted before it (same desk and part). */
function withAccepted(
  context: BookingContext,
  deskId: string,
  part: Booking['part'],
  accepted: readonly CivilDate[],
): BookingContext {
  if (accepted.length === 0) return context;
  return {
    ...context,
    officeBookings: [...context.officeBookings, ...accepted.map((date) => ({ deskId, date, part }))],
    personBookings: [...context.personBookings, ...accepted.map((date) => ({ date, part }))],
  };
}

function toRefusal(refusal: BookingRefusal): { code: string; message: string; messageDe: string } {
  return { code: refusal.code, message: refusal.message, messageDe: refusal.messages?.de ?? refusal.message };
}

export function assignedEvents(assignments: readonly WaitlistAssignment[]): MyBookingChanged[] {
  return assignments.map((assignment) => ({
    personId: assignment.personId,
    bookingId: assignment.bookingId,
    reason: 'WAITLIST_ASSIGNED',
  }));
}
