import { addDays, bookedInBusiestHalf, capacityCap, type CivilDate, type DayPart, halvesOf } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

import { officeDayKey, TransactionLocks } from '../bookings/advisory-locks.js';
import { type FreedDesk, handOverFreedDesk, type WaitlistAssignment } from '../bookings/waitlist-handover.js';
import type { BookingChangeReason } from '../realtime/my-booking-events.js';

/** A booking a facility operation cancelled: what to tell its person and the desk's watchers after the commit. */
export interface FacilityCancellation {
  readonly bookingId: string;
  readonly personId: string;
  readonly deskId: string;
  readonly date: CivilDate;
  readonly reason: BookingChangeReason;
}

interface CancelledRow {
  id: string;
  person_id: string;
  desk_id: string;
  date: CivilDate;
}

const toCancellations = (rows: readonly CancelledRow[], reason: BookingChangeReason): FacilityCancellation[] =>
  rows.map((row) => ({ bookingId: row.id, personId: row.person_id, deskId: row.desk_id, date: row.date, reason }));

/**
 * Takes the office-day advisory locks that bookings take (`TransactionLocks`, canonical order) for every date from
 * `from` to `to` and for the extra dates (live bookings further out, should the horizon have shrunk). A booking
 * racing the operation either committed before (and the operation sees and cancels it) or waits and then reads the
 * changed desk, closure or cap under its own lock (and is refused).
 */
export async function lockOfficeDays(
  manager: EntityManager,
  officeId: string,
  from: CivilDate,
  to: CivilDate,
  extraDates: readonly CivilDate[] = [],
): Promise<TransactionLocks> {
  const dates = new Set<CivilDate>(extraDates);
  for (let date = from; date <= to; date = addDays(date, 1)) dates.add(date);
  const locks = new TransactionLocks(manager);
  await locks.lockAll(
    [...dates].map((date) => officeDayKey(officeId, date)),
    [],
  );
  return locks;
}

/** Dates from `today` on on which someone waits for a desk at the office. */
export async function waitingDates(manager: EntityManager, officeId: string, today: CivilDate): Promise<CivilDate[]> {
  const rows: { date: CivilDate }[] = await manager.query(
    `SELECT DISTINCT date FROM waitlist_entries WHERE office_id = $1 AND date >= $2 AND status = 'WAITING'
     ORDER BY date`,
    [officeId, today],
  );
  return rows.map((row) => row.date);
}

/**
 * Seats the people waiting at the office on `dates` where an operation made room (an unblocked desk, a higher cap or
 * none): every active desk not taken for the whole day is offered to the waitlist as a freed desk would be
 * (`handOverFreedDesk`: in the order people joined, with every booking rule, the cap included). Call under the
 * office-day locks of all the dates, with the `TransactionLocks` that took them.
 */
export async function seatWaitingPeople(
  manager: EntityManager,
  locks: TransactionLocks,
  officeId: string,
  dates: readonly CivilDate[],
  now: Date,
): Promise<WaitlistAssignment[]> {
  const assignments: WaitlistAssignment[] = [];
  for (const date of dates) {
    const desks: { id: string }[] = await manager.query(
      `SELECT d.id FROM desks d
       WHERE d.office_id = $1 AND d.active AND NOT (
         EXISTS (SELECT 1 FROM bookings b WHERE b.desk_id = d.id AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN')
                   AND b.part IN ('MORNING', 'FULL_DAY'))
         AND EXISTS (SELECT 1 FROM bookings b WHERE b.desk_id = d.id AND b.date = $2
                       AND b.status IN ('BOOKED', 'CHECKED_IN') AND b.part IN ('AFTERNOON', 'FULL_DAY')))
       ORDER BY d.code`,
      [officeId, date],
    );
    for (const desk of desks) {
      const freed: FreedDesk = { officeId, deskId: desk.id, date, part: 'FULL_DAY' };
      assignments.push(...(await handOverFreedDesk(manager, locks, freed, now)));
      const [waiting]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM waitlist_entries WHERE office_id = $1 AND date = $2 AND status = 'WAITING'`,
        [officeId, date],
      );
      if ((waiting?.count ?? 0) === 0) break;
    }
  }
  return assignments;
}

/** Dates from `today` on with live bookings at the office (or of one desk). */
export async function liveBookingDates(
  manager: EntityManager,
  officeId: string,
  today: CivilDate,
  deskId?: string,
): Promise<CivilDate[]> {
  const rows: { date: CivilDate }[] = await manager.query(
    `SELECT DISTINCT b.date FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE d.office_id = $1 AND b.date >= $2 AND b.status IN ('BOOKED', 'CHECKED_IN')
       AND ($3::uuid IS NULL OR b.desk_id = $3::uuid)`,
    [officeId, today, deskId ?? null],
  );
  return rows.map((row) => row.date);
}

/** Cancels every live booking of the desk from `today` on, keeping the block's reason with each. */
export async function cancelOnDesk(
  manager: EntityManager,
  deskId: string,
  today: CivilDate,
  reason: string,
): Promise<FacilityCancellation[]> {
  const [rows]: [CancelledRow[], number] = await manager.query(
    `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = $3
     WHERE desk_id = $1 AND date >= $2 AND status IN ('BOOKED', 'CHECKED_IN')
     RETURNING id, person_id, desk_id, date`,
    [deskId, today, reason],
  );
  return toCancellations(rows, 'DESK_BLOCKED');
}

/** Cancels every live booking at the office from `from` to `to`, keeping the closure's reason with each. */
export async function cancelInRange(
  manager: EntityManager,
  officeId: string,
  from: CivilDate,
  to: CivilDate,
  reason: string,
): Promise<FacilityCancellation[]> {
  const [rows]: [CancelledRow[], number] = await manager.query(
    `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = $4
     FROM desks d
     WHERE d.id = b.desk_id AND d.office_id = $1 AND b.date BETWEEN $2 AND $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
     RETURNING b.id, b.person_id, b.desk_id, b.date`,
    [officeId, from, to, reason],
  );
  return toCancellations(rows, 'OFFICE_CLOSED');
}

/** Ends (status LEFT) the waitlist entries of the office from `from` to `to`: nobody can be seated on those days. */
export async function endWaitlistInRange(
  manager: EntityManager,
  officeId: string,
  from: CivilDate,
  to: CivilDate,
): Promise<number> {
  const [rows]: [{ id: string }[], number] = await manager.query(
    `UPDATE waitlist_entries SET status = 'LEFT'
     WHERE office_id = $1 AND date BETWEEN $2 AND $3 AND status = 'WAITING' RETURNING id`,
    [officeId, from, to],
  );
  return rows.length;
}

interface LiveRow {
  id: string;
  date: CivilDate;
  part: DayPart;
}

/**
 * Cancels, from `today` on, the bookings above the office's capacity cap (its share of the active desks, as
 * `decideBooking` counts it) per date and half-day. **The most recently made bookings are cancelled first**: those who
 * booked earliest keep their desks, as they would have had the cap been in force when they booked. Per date the
 * morning is brought under the cap first, then the afternoon; a full-day booking cancelled for the morning frees the
 * afternoon as well. Call under the office-day locks of all the dates, after the cap or the active desks changed.
 */
export async function cancelAboveCap(
  manager: EntityManager,
  officeId: string,
  today: CivilDate,
): Promise<FacilityCancellation[]> {
  const [office]: { capacity_share: number | null; active_desks: number }[] = await manager.query(
    `SELECT f.capacity_share::float8 AS capacity_share,
            (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS active_desks
     FROM offices f WHERE f.id = $1`,
    [officeId],
  );
  if (!office || office.capacity_share === null) return [];
  const cap = capacityCap(Number(office.capacity_share), office.active_desks);
  const live: LiveRow[] = await manager.query(
    `SELECT b.id, b.date, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
     WHERE d.office_id = $1 AND b.date >= $2 AND b.status IN ('BOOKED', 'CHECKED_IN')
     ORDER BY b.date, b.created_at DESC, b.id DESC`,
    [officeId, today],
  );
  const byDate = new Map<CivilDate, LiveRow[]>();
  for (const row of live) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
  const toCancel = [...byDate.values()].flatMap((newestFirst) => overCap(newestFirst, cap));
  if (toCancel.length === 0) return [];
  const [rows]: [CancelledRow[], number] = await manager.query(
    `UPDATE bookings SET status = 'CANCELLED', cancelled_at = now()
     WHERE id = ANY($1::uuid[]) AND status IN ('BOOKED', 'CHECKED_IN')
     RETURNING id, person_id, desk_id, date`,
    [toCancel],
  );
  return toCancellations(rows, 'CAPACITY_REDUCED');
}

/** Ids of the bookings of one date (newest first) to cancel so that no half-day holds more than `cap`. */
export function overCap(newestFirst: readonly { id: string; part: DayPart }[], cap: number): string[] {
  const cancelled = new Set<string>();
  for (const half of ['MORNING', 'AFTERNOON'] as const) {
    const holding = newestFirst.filter((row) => !cancelled.has(row.id) && halvesOf(row.part).includes(half));
    for (const row of holding.slice(0, Math.max(0, holding.length - cap))) cancelled.add(row.id);
  }
  const remaining = newestFirst.filter((row) => !cancelled.has(row.id));
  if (bookedInBusiestHalf(remaining, 'FULL_DAY') > cap) throw new Error('cap enforcement left a half-day over the cap');
  return [...cancelled];
}
