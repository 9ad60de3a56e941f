import {
  addDays,
  type CivilDate,
  compareCivilDates,
  daysBetween,
  parseCivilDate,
  todayInOfficeZone,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { assignedEvents } from '../bookings/bookings.service.js';
import type { WaitlistAssignment } from '../bookings/waitlist-handover.js';
import type { Caller } from '../identity/caller.js';
import { AuditLog } from '../privacy/audit-log.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import { MyBookingEvents } from '../realtime/my-booking-events.js';
import type { BlockDeskInput } from './dto/block-desk.input.js';
import type { OfficeCapacityInput } from './dto/office-capacity.input.js';
import type { OfficeClosureInput } from './dto/office-closure.input.js';
import {
  ClosureEndedError,
  InvalidCapacityError,
  InvalidClosureError,
  InvalidReasonError,
  MAX_CLOSURE_DAYS,
  MAX_REASON_LENGTH,
} from './facility.errors.js';
import {
  type ManagedOfficeRow,
  requireManagedClosure,
  requireManagedDesk,
  requireManagedOffice,
} from './facility-access.js';
import {
  cancelAboveCap,
  cancelInRange,
  cancelOnDesk,
  endWaitlistInRange,
  type FacilityCancellation,
  liveBookingDates,
  lockOfficeDays,
  seatWaitingPeople,
  waitingDates,
} from './facility-cancellations.js';
import { ManagedOfficesReader } from './managed-offices.reader.js';
import type { FacilityOperationResult } from './models/managed-office.model.js';

/** What one operation's transaction did: announced after the commit, counted in the answer. */
interface Outcome {
  readonly officeId: string;
  readonly cancellations: readonly FacilityCancellation[];
  readonly endedWaitlistEntries: number;
  /** Bookings the waitlist made where the operation made room (an unblocked desk, a higher cap). */
  readonly seated?: readonly WaitlistAssignment[];
  /** Desk and dates whose availability changed besides the cancelled bookings (a blocked or unblocked desk). */
  readonly deskDates?: { readonly deskId: string; readonly dates: readonly CivilDate[] };
}

/** Thrown at the end of a dry run's transaction, so that everything it did is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly outcome: Outcome) {
    super('dry run');
  }
}

/**
 * Facility operations: block and unblock desks, add and remove closures, set the capacity cap. Each runs in one
 * transaction that first locks the office row (operations on one office run one after another), then takes the
 * office-day advisory locks bookings take (canonical order), changes the office and cancels the bookings that became
 * impossible, so that nothing is half written and no racing booking survives on a blocked desk, a closed day or above
 * the cap. After the commit the people affected are told live (myBookingChanged with the reason) and desk
 * availability events go out. A dry run runs the same transaction and rolls it back: its counts are exact.
 * Answers carry offices, desks, closures and counts, never a person (DESIGN.md §5).
 */
@Injectable()
export class FacilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ManagedOfficesReader,
    private readonly availability: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
    private readonly audit: AuditLog,
  ) {}

  /** Blocks a desk and cancels its bookings from today on; the lower cap (fewer active desks) applies at once. */
  blockDesk(caller: Caller, input: BlockDeskInput, now: Date = new Date()): Promise<FacilityOperationResult> {
    const reason = checkReason(input.reason);
    return this.run(caller, input.dryRun, async (manager) => {
      const { office } = await requireManagedDesk(manager, caller, input.deskId);
      const today = todayInOfficeZone(now);
      const horizonEnd = addDays(today, office.booking_horizon_days);
      await lockOfficeDays(manager, office.id, today, horizonEnd, await liveBookingDates(manager, office.id, today));
      await manager.query('UPDATE desks SET active = false, blocked_reason = $2 WHERE id = $1', [input.deskId, reason]);
      const cancellations = [
        ...(await cancelOnDesk(manager, input.deskId, today, reason)),
        ...(await cancelAboveCap(manager, office.id, today)),
      ];
      await this.audit.record(manager, caller, {
        action: 'DESK_BLOCKED',
        objectType: 'DESK',
        objectId: input.deskId,
        officeId: office.id,
        details: { cancelledBookings: cancellations.length },
      });
      return {
        officeId: office.id,
        cancellations,
        endedWaitlistEntries: 0,
        deskDates: { deskId: input.deskId, dates: datesFrom(today, horizonEnd) },
      };
    });
  }

  /**
   * Makes a blocked desk bookable again, and hands it (and the room a higher cap gives) to the people waiting at the
   * office from today on, in the same transaction; unblocking a desk that is not blocked changes nothing.
   */
  unblockDesk(caller: Caller, deskId: string, now: Date = new Date()): Promise<FacilityOperationResult> {
    return this.run(caller, false, async (manager) => {
      const { office, active } = await requireManagedDesk(manager, caller, deskId);
      if (active) return { officeId: office.id, cancellations: [], endedWaitlistEntries: 0 };
      const today = todayInOfficeZone(now);
      const waiting = await waitingDates(manager, office.id, today);
      const locks = await lockOfficeDays(manager, office.id, today, addDays(today, -1), waiting);
      await manager.query('UPDATE desks SET active = true, blocked_reason = NULL WHERE id = $1', [deskId]);
      const seated = await seatWaitingPeople(manager, locks, office.id, waiting, now);
      await this.audit.record(manager, caller, {
        action: 'DESK_UNBLOCKED',
        objectType: 'DESK',
        objectId: deskId,
        officeId: office.id,
        details: { seatedFromWaitlist: seated.length },
      });
      return {
        officeId: office.id,
        cancellations: [],
        endedWaitlistEntries: 0,
        seated,
        deskDates: { deskId, dates: datesFrom(today, addDays(today, office.booking_horizon_days)) },
      };
    });
  }

  /** Closes the office from `from` to `to`: cancels the bookings of those days and ends their waitlist entries. */
  addClosure(caller: Caller, input: OfficeClosureInput, now: Date = new Date()): Promise<FacilityOperationResult> {
    const today = todayInOfficeZone(now);
    const { from, to } = checkClosureDates(input.from, input.to, today);
    const reason = checkReason(input.reason);
    return this.run(caller, input.dryRun, async (manager) => {
      const office = await requireManagedOffice(manager, caller, input.officeId);
      await lockOfficeDays(manager, office.id, from, to);
      const [closure]: { id: string }[] = await manager.query(
        'INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4) RETURNING id',
        [office.id, from, to, reason],
      );
      const cancellations = await cancelInRange(manager, office.id, from, to, reason);
      const endedWaitlistEntries = await endWaitlistInRange(manager, office.id, from, to);
      // The reason is the manager's free text: not in the log (it could name someone).
      await this.audit.record(manager, caller, {
        action: 'CLOSURE_ADDED',
        objectType: 'CLOSURE',
        objectId: closure?.id ?? null,
        officeId: office.id,
        details: { from, to, cancelledBookings: cancellations.length, endedWaitlistEntries },
      });
      return { officeId: office.id, cancellations, endedWaitlistEntries };
    });
  }

  /** Removes a closure that has not ended yet; bookings it cancelled stay cancelled (history is kept). */
  removeClosure(caller: Caller, closureId: string, now: Date = new Date()): Promise<FacilityOperationResult> {
    return this.run(caller, false, async (manager) => {
      const { office, endsOn } = await requireManagedClosure(manager, caller, closureId);
      if (compareCivilDates(endsOn, todayInOfficeZone(now)) < 0) throw new ClosureEndedError();
      await manager.query('DELETE FROM office_closures WHERE id = $1', [closureId]);
      await this.audit.record(manager, caller, {
        action: 'CLOSURE_REMOVED',
        objectType: 'CLOSURE',
        objectId: closureId,
        officeId: office.id,
      });
      return { officeId: office.id, cancellations: [], endedWaitlistEntries: 0 };
    });
  }

  /**
   * Sets the capacity cap (null: none) and cancels, from today on, the newest bookings above it; where the cap rose,
   * the people waiting get the room, in the same transaction.
   */
  setCapacity(caller: Caller, input: OfficeCapacityInput, now: Date = new Date()): Promise<FacilityOperationResult> {
    const share = checkCapacityShare(input.capacityShare);
    return this.run(caller, input.dryRun, async (manager) => {
      const office: ManagedOfficeRow = await requireManagedOffice(manager, caller, input.officeId);
      const today = todayInOfficeZone(now);
      const waiting = await waitingDates(manager, office.id, today);
      const locks = await lockOfficeDays(manager, office.id, today, addDays(today, office.booking_horizon_days), [
        ...(await liveBookingDates(manager, office.id, today)),
        ...waiting,
      ]);
      await manager.query('UPDATE offices SET capacity_share = $2 WHERE id = $1', [office.id, share]);
      const cancellations = await cancelAboveCap(manager, office.id, today);
      // A higher cap (or none) makes room for those waiting; a lower one cancelled above and seats nobody.
      const seated = await seatWaitingPeople(manager, locks, office.id, waiting, now);
      await this.audit.record(manager, caller, {
        action: 'CAPACITY_SET',
        objectType: 'OFFICE',
        objectId: office.id,
        officeId: office.id,
        details: { capacityShare: share, cancelledBookings: cancellations.length, seatedFromWaitlist: seated.length },
      });
      return { officeId: office.id, cancellations, endedWaitlistEntries: 0, seated };
    });
  }

  /** Offices the caller runs, for the management page. */
  managedOffices(caller: Caller, now: Date = new Date()): Promise<FacilityOperationResult['office'][]> {
    return this.reader.managedOffices(caller, todayInOfficeZone(now));
  }

  private async run(
    caller: Caller,
    dryRun: boolean,
    work: (manager: EntityManager) => Promise<Outcome>,
  ): Promise<FacilityOperationResult> {
    let outcome: Outcome;
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        // Never this.dataSource in here: the embedded database has one connection, which this transaction holds.
        const done = await work(manager);
        if (dryRun) throw new DryRunRollback(done);
        return done;
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      return this.answer(caller, error.outcome, true);
    }
    await this.announce(outcome);
    return this.answer(caller, outcome, false);
  }

  private async answer(caller: Caller, outcome: Outcome, dryRun: boolean): Promise<FacilityOperationResult> {
    return {
      office: await this.reader.managedOffice(caller, outcome.officeId, todayInOfficeZone()),
      cancelledBookings: outcome.cancellations.length,
      endedWaitlistEntries: outcome.endedWaitlistEntries,
      seatedFromWaitlist: outcome.seated?.length ?? 0,
      dryRun,
    };
  }

  /**
   * After the commit only: an event must never announce a rolled-back change. The people affected first, then the
   * desks of their cancelled bookings, then the other dates of a blocked or unblocked desk (up to the horizon).
   */
  private async announce(outcome: Outcome): Promise<void> {
    const seated = outcome.seated ?? [];
    await this.myEvents.changed([
      ...outcome.cancellations.map(({ personId, bookingId, reason }) => ({ personId, bookingId, reason })),
      ...assignedEvents(seated),
    ]);
    const announced = new Set<string>();
    const deskChanged = async (deskId: string, date: CivilDate): Promise<void> => {
      const key = `${deskId}/${date}`;
      if (announced.has(key)) return;
      announced.add(key);
      await this.availability.deskChanged({ officeId: outcome.officeId, date, deskId });
    };
    for (const cancellation of outcome.cancellations) await deskChanged(cancellation.deskId, cancellation.date);
    for (const assignment of seated) await deskChanged(assignment.deskId, assignment.date);
    const deskDates = outcome.deskDates;
    if (deskDates) for (const date of deskDates.dates) await deskChanged(deskDates.deskId, date);
  }
}

function datesFrom(first: CivilDate, last: CivilDate): CivilDate[] {
  const dates: CivilDate[] = [];
  for (let date = first; compareCivilDates(date, last) <= 0; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function checkReason(input: string): string {
  const reason = input.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) throw new InvalidReasonError();
  return reason;
}

function checkClosureDates(fromInput: string, toInput: string, today: CivilDate): { from: CivilDate; to: CivilDate } {
  const from = parseCivilDate(fromInput);
  const to = parseCivilDate(toInput);
  if (!from.ok || !to.ok) {
    throw new InvalidClosureError(
      'Bitte geben Sie Beginn und Ende als echte Daten an (JJJJ-MM-TT, zum Beispiel 2027-03-15).',
      'Please give the first and last day as real dates (YYYY-MM-DD, for example 2027-03-15).',
    );
  }
  if (compareCivilDates(to.date, from.date) < 0) {
    throw new InvalidClosureError(
      'Das Ende der Schließung liegt vor ihrem Beginn. Bitte tauschen Sie die Daten.',
      'The closure ends before it begins. Please swap the dates.',
    );
  }
  if (compareCivilDates(from.date, today) < 0) {
    throw new InvalidClosureError(
      'Eine Schließung kann frühestens heute beginnen.',
      'A closure can begin today at the earliest.',
    );
  }
  if (daysBetween(from.date, to.date) + 1 > MAX_CLOSURE_DAYS) {
    throw new InvalidClosureError(
      `Eine Schließung dauert höchstens ${MAX_CLOSURE_DAYS} Tage. Legen Sie für längere Zeiträume mehrere an.`,
      `A closure lasts at most ${MAX_CLOSURE_DAYS} days. Add several for longer periods.`,
    );
  }
  return { from: from.date, to: to.date };
}

/** 0.01 … 1 in steps of 0.01 (the column is numeric(3,2) with 0 < x ≤ 1), or null for no cap. */
function checkCapacityShare(share: number | null | undefined): number | null {
  if (share === null || share === undefined) return null;
  const hundredths = Math.round(share * 100);
  if (!Number.isFinite(share) || Math.abs(share * 100 - hundredths) > 1e-6 || hundredths < 1 || hundredths > 100) {
    throw new InvalidCapacityError();
  }
  return hundredths / 100;
}
