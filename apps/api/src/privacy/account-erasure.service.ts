import { type CivilDate, type DayPart, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { officeDayKey, TransactionLocks } from '../bookings/advisory-locks.js';
import { assignedEvents } from '../bookings/bookings.service.js';
import { handOverFreedDesk, type WaitlistAssignment } from '../bookings/waitlist-handover.js';
import { UnauthenticatedError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import { CallerCache } from '../identity/caller-cache.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { MyBookingEvents } from '../realtime/my-booking-events.js';
import { TeamPresenceEvents } from '../realtime/team-presence-events.js';
import { AuditLog, PERSON_OBJECT_TYPES } from './audit-log.js';
import type { AccountErasure } from './models/account-erasure.model.js';
import { ERASURE_CONFIRMATIONS, ErasureNotConfirmedError, LastAdminErasureError } from './privacy.errors.js';

interface CancelledRow {
  id: string;
  desk_id: string;
  office_id: string;
  date: CivilDate;
  part: DayPart;
}

/** Whether the text typed into the confirmation field confirms the erasure. */
export function confirmsErasure(text: string): boolean {
  const typed = text.trim().toLocaleUpperCase('de-DE');
  return (ERASURE_CONFIRMATIONS as readonly string[]).includes(typed);
}

/**
 * Art. 17 GDPR: a person erases their account. In one transaction, under the booking locks (canonical order):
 * their waitlist entries go; their live bookings from today on are cancelled and each freed desk is handed to the
 * people waiting (the waitlist's hand-over, as for any cancellation); all their bookings lose the link to them
 * (desk, date and status stay for the figures); audit entries about them lose the pointer; the person row is deleted,
 * and with it (ON DELETE CASCADE / SET NULL) memberships, roles, answers, favourites, the calendar feed and every
 * "granted by"/"planned by"/actor reference. An anonymous ACCOUNT_ERASED entry tells the organisation's admins that
 * an account was erased (not whose). After the commit the desks turn free live and people seated from the waitlist
 * are told. The identity (OIDC issuer + subject) went with the row: signing in again creates a new, empty person.
 *
 * The last admin of an organisation is refused (LAST_ADMIN), as when their role is revoked: without an admin nobody
 * could give roles or decide on sharing any more. They make someone else admin first, then erase.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly availability: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
    private readonly teamPresence: TeamPresenceEvents,
    private readonly callers: CallerCache,
  ) {}

  async erase(caller: Caller, confirmation: string, now: Date = new Date()): Promise<AccountErasure> {
    if (!confirmsErasure(confirmation)) throw new ErasureNotConfirmedError();
    const personId = caller.personId;
    const today = todayInOfficeZone(now);
    const { cancelled, anonymised, assignments, teamDays } = await this.dataSource.transaction(async (manager) => {
      // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
      const affected: { office_id: string; date: CivilDate }[] = await manager.query(
        `SELECT DISTINCT d.office_id, b.date FROM bookings b JOIN desks d ON d.id = b.desk_id
         WHERE b.person_id = $1 AND b.date >= $2 AND b.status IN ('BOOKED', 'CHECKED_IN')`,
        [personId, today],
      );
      const locked = new Set(affected.map((row) => officeDayKey(row.office_id, row.date)));
      const locks = new TransactionLocks(manager);
      await locks.lockAll([...locked], []);
      const [person]: { organisation_id: string }[] = await manager.query(
        'SELECT organisation_id FROM people WHERE id = $1 FOR UPDATE',
        [personId],
      );
      if (!person) throw new UnauthenticatedError('Your account does not exist (any more). Please sign in again.');
      await this.refuseLastAdmin(manager, personId);

      // Before the hand-over: the person must not be seated from their own waitlist entries.
      await manager.query('DELETE FROM waitlist_entries WHERE person_id = $1', [personId]);
      const [rows]: [CancelledRow[], number] = await manager.query(
        `UPDATE bookings b SET status = 'CANCELLED', cancelled_at = now()
         FROM desks d
         WHERE d.id = b.desk_id AND b.person_id = $1 AND b.date >= $2 AND b.status IN ('BOOKED', 'CHECKED_IN')
         RETURNING b.id, b.desk_id, d.office_id, b.date, b.part`,
        [personId, today],
      );
      const handedOver: WaitlistAssignment[] = [];
      const byDate = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const row of byDate) {
        // A booking made after the dates were read has no lock of its day: cancelled, not handed on.
        if (!locked.has(officeDayKey(row.office_id, row.date))) continue;
        const freed = { officeId: row.office_id, deskId: row.desk_id, date: row.date, part: row.part };
        handedOver.push(...(await handOverFreedDesk(manager, locks, freed, now)));
      }
      const [, anonymisedCount]: [unknown, number] = await manager.query(
        'UPDATE bookings SET person_id = NULL WHERE person_id = $1',
        [personId],
      );
      await manager.query(
        'UPDATE audit_log SET object_id = NULL WHERE object_type = ANY($2::text[]) AND object_id = $1',
        [personId, [...PERSON_OBJECT_TYPES]],
      );
      await this.audit.record(manager, null, {
        action: 'ACCOUNT_ERASED',
        objectType: 'PERSON',
        organisationId: person.organisation_id,
        details: { cancelledBookings: rows.length, anonymisedBookings: anonymisedCount },
      });
      // The coming team days of the person's teams count one member less: told after the commit.
      const days: { team_id: string; id: string }[] = await manager.query(
        `SELECT d.team_id, d.id FROM presence_days d JOIN team_members m ON m.team_id = d.team_id
         WHERE m.person_id = $1 AND d.status = 'PLANNED' AND d.date >= $2 ORDER BY d.date`,
        [personId, today],
      );
      await manager.query('DELETE FROM people WHERE id = $1', [personId]);
      return { cancelled: rows, anonymised: anonymisedCount, assignments: handedOver, teamDays: days };
    });
    // The erased person's requests are refused from now on, in every instance (not only once the cache expires).
    await this.callers.forget([personId]);
    // After the commit only: the freed desks, and the people the waitlist seated.
    for (const row of cancelled) {
      await this.availability.deskChanged({ officeId: row.office_id, date: row.date, deskId: row.desk_id });
    }
    await this.myEvents.changed(assignedEvents(assignments));
    for (const day of teamDays) {
      await this.teamPresence.changed({ teamId: day.team_id, presenceDayId: day.id, reason: 'MEMBERS_CHANGED' });
    }
    return {
      cancelledBookings: cancelled.length,
      anonymisedBookings: anonymised,
      seatedFromWaitlist: assignments.length,
    };
  }

  private async refuseLastAdmin(manager: EntityManager, personId: string): Promise<void> {
    const administered: { organisation_id: string }[] = await manager.query(
      `SELECT organisation_id FROM role_assignments WHERE person_id = $1 AND role = 'ORGANISATION_ADMIN'
       ORDER BY organisation_id`,
      [personId],
    );
    for (const { organisation_id } of administered) {
      // The same lock as revoking an admin role: two admins cannot leave at once and leave nobody.
      await manager.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [organisation_id]);
      const [row]: { admins: number }[] = await manager.query(
        `SELECT count(*)::int AS admins FROM role_assignments WHERE role = 'ORGANISATION_ADMIN' AND organisation_id = $1`,
        [organisation_id],
      );
      if ((row?.admins ?? 0) <= 1) throw new LastAdminErasureError();
    }
  }
}
