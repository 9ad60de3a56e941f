import { type CivilDate, type DayPart, decideBooking, partsOverlap, startOfIsoWeek } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

import { personWeekKey, type TransactionLocks } from './advisory-locks.js';
import { type DeskRow, loadBookingContext, translateConflict } from './booking-context.js';
import { BookingRefusedError } from './bookings.errors.js';

/** A desk and part of a day that a cancellation (or release) just freed. */
export interface FreedDesk {
  readonly officeId: string;
  readonly deskId: string;
  readonly date: CivilDate;
  readonly part: DayPart;
}

/** A booking the waitlist made for a person waiting; announce it once the transaction has committed. */
export interface WaitlistAssignment {
  readonly entryId: string;
  readonly personId: string;
  readonly bookingId: string;
  readonly officeId: string;
  readonly deskId: string;
  readonly date: CivilDate;
}

/** Most waiting people looked at for one freed desk. */
const CANDIDATES = 50;

/**
 * Hands a freed desk to the people waiting for its office and date, in the order they joined (DESIGN.md §3.5: in the
 * transaction of the release, which holds the office-day lock already). For each waiting person whose part of the day
 * overlaps the freed one: their person-week lock (only tried when waiting for it could break the lock order; a person
 * whose lock is not free is skipped), then `decideBooking` against the state under the locks; the first who may book
 * gets the desk (source WAITLIST) and their entry turns ASSIGNED. Further people are tried for what is still free
 * (a freed full day can go to one person waiting for the morning and another waiting for the afternoon). People
 * whose organisation no longer sees the office are passed over.
 */
export async function handOverFreedDesk(
  manager: EntityManager,
  locks: TransactionLocks,
  freed: FreedDesk,
  now: Date,
): Promise<WaitlistAssignment[]> {
  const candidates: { id: string; person_id: string; part: DayPart }[] = await manager.query(
    `SELECT w.id, w.person_id, w.part
     FROM waitlist_entries w
     JOIN people p ON p.id = w.person_id
     JOIN offices f ON f.id = w.office_id
     WHERE w.office_id = $1 AND w.date = $2 AND w.status = 'WAITING'
       AND (f.operator_id = p.organisation_id OR EXISTS (
         SELECT 1 FROM office_shares s WHERE s.office_id = f.id AND s.organisation_id = p.organisation_id))
     ORDER BY w.created_at, w.id
     LIMIT ${CANDIDATES}`,
    [freed.officeId, freed.date],
  );
  const relevant = candidates.filter((candidate) => partsOverlap(candidate.part, freed.part));
  if (relevant.length === 0) return [];
  const [desk]: DeskRow[] = await manager.query('SELECT office_id, active, blocked_reason FROM desks WHERE id = $1', [
    freed.deskId,
  ]);
  if (!desk) return [];

  const assignments: WaitlistAssignment[] = [];
  for (const candidate of relevant) {
    const personId = candidate.person_id;
    if (!(await locks.personWeek(personWeekKey(personId, startOfIsoWeek(freed.date))))) continue;
    const context = await loadBookingContext(manager, {
      officeId: freed.officeId,
      personId,
      first: freed.date,
      last: freed.date,
      desk,
      now,
    });
    const decision = decideBooking({ deskId: freed.deskId, date: freed.date, part: candidate.part }, context);
    if (!decision.ok) continue;

    await manager.query('SAVEPOINT waitlist_handover');
    let bookingId: string | undefined;
    try {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO bookings (person_id, desk_id, date, part, source, created_at)
         VALUES ($1, $2, $3, $4, 'WAITLIST', $5) RETURNING id`,
        [personId, freed.deskId, freed.date, candidate.part, now],
      );
      bookingId = inserted[0]?.id;
      await manager.query('RELEASE SAVEPOINT waitlist_handover');
    } catch (error) {
      if (!(translateConflict(error, freed.date) instanceof BookingRefusedError)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT waitlist_handover');
      continue;
    }
    if (bookingId === undefined) throw new Error('INSERT … RETURNING gave no row');
    await manager.query(`UPDATE waitlist_entries SET status = 'ASSIGNED', booking_id = $2 WHERE id = $1`, [
      candidate.id,
      bookingId,
    ]);
    assignments.push({
      entryId: candidate.id,
      personId,
      bookingId,
      officeId: freed.officeId,
      deskId: freed.deskId,
      date: freed.date,
    });
  }
  return assignments;
}
