import { type CivilDate, type DayPart, todayInOfficeZone } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

import { officeDayKey, TransactionLocks } from '../../bookings/advisory-locks.js';
import { assignedEvents } from '../../bookings/bookings.service.js';
import { handOverFreedDesk, type WaitlistAssignment } from '../../bookings/waitlist-handover.js';
import type { AvailabilityEvents } from '../../realtime/availability-events.js';
import type { MyBookingEvents } from '../../realtime/my-booking-events.js';

/** Which team-day bookings to cancel: those of a team's days, optionally of one person only. */
export interface TeamDayBookingsFilter {
  readonly teamId: string;
  readonly personId?: string;
}

interface CancelledRow {
  id: string;
  person_id: string;
  desk_id: string;
  office_id: string;
  date: CivilDate;
  part: DayPart;
}

/** What a cancellation did, to announce once its transaction has committed. */
export interface CancelledTeamDayBookings {
  readonly count: number;
  announce(availability: AvailabilityEvents, myBookings: MyBookingEvents): Promise<void>;
}

/**
 * Cancels, inside the caller's transaction, the team-day bookings (source TEAM_DAY, through bookings.presence_day_id)
 * of a team's days from today on that are still booked (a member checked in today keeps the desk). Takes the
 * office-day locks of every affected date first, sorted (the canonical order of `TransactionLocks`), as normal
 * cancelling does, and hands each freed desk to the waitlist in the same transaction. Must be the first advisory
 * locks of the transaction.
 */
export async function cancelFutureTeamDayBookings(
  manager: EntityManager,
  filter: TeamDayBookingsFilter,
  now: Date = new Date(),
): Promise<CancelledTeamDayBookings> {
  const today = todayInOfficeZone(now);
  const personId = filter.personId ?? null;
  const affected: { office_id: string; date: CivilDate }[] = await manager.query(
    `SELECT DISTINCT d.office_id, b.date::text AS date
       FROM bookings b JOIN presence_days pd ON pd.id = b.presence_day_id JOIN desks d ON d.id = b.desk_id
      WHERE pd.team_id = $1 AND ($2::uuid IS NULL OR b.person_id = $2::uuid) AND b.date >= $3
        AND b.source = 'TEAM_DAY' AND b.status = 'BOOKED'`,
    [filter.teamId, personId, today],
  );
  if (affected.length === 0) return { count: 0, announce: async () => undefined };
  const locks = new TransactionLocks(manager);
  await locks.lockAll(
    affected.map((row) => officeDayKey(row.office_id, row.date)),
    [],
  );
  const locked = new Set(affected.map((row) => officeDayKey(row.office_id, row.date)));
  const [rows]: [CancelledRow[], number] = await manager.query(
    `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
       FROM presence_days pd, desks d
      WHERE pd.id = b.presence_day_id AND d.id = b.desk_id AND pd.team_id = $1
        AND ($2::uuid IS NULL OR b.person_id = $2::uuid) AND b.date >= $3
        AND b.source = 'TEAM_DAY' AND b.status = 'BOOKED'
      RETURNING b.id, b.person_id, b.desk_id, d.office_id, b.date::text AS date, b.part`,
    [filter.teamId, personId, today],
  );
  const assignments: WaitlistAssignment[] = [];
  const byDate = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const row of byDate) {
    // A booking made after the dates were read has no lock of its day here: it is cancelled, not handed on.
    if (!locked.has(officeDayKey(row.office_id, row.date))) continue;
    assignments.push(
      ...(await handOverFreedDesk(
        manager,
        locks,
        { officeId: row.office_id, deskId: row.desk_id, date: row.date, part: row.part },
        now,
      )),
    );
  }
  return {
    count: rows.length,
    announce: async (availability, myBookings) => {
      for (const row of rows) {
        await availability.deskChanged({ officeId: row.office_id, date: row.date, deskId: row.desk_id });
      }
      await myBookings.changed([
        ...rows.map((row) => ({ personId: row.person_id, bookingId: row.id, reason: 'TEAM_DAY_CANCELLED' as const })),
        ...assignedEvents(assignments),
      ]);
    },
  };
}
