import { type BookingRefusal, checkBookingDate, type CivilDate, startOfIsoWeek } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { officeDayKey, personWeekKey, TransactionLocks } from '../../bookings/advisory-locks.js';
import { BookingRefusedError } from '../../bookings/bookings.errors.js';
import { assignedEvents } from '../../bookings/bookings.service.js';
import type { Refusal } from '../../bookings/models/recurring-booking-result.model.js';
import type { Caller } from '../../identity/caller.js';
import { AvailabilityEvents, type DeskAvailabilityChanged } from '../../realtime/availability-events.js';
import { type MyBookingChanged, MyBookingEvents } from '../../realtime/my-booking-events.js';
import { type TeamPresenceChanged, TeamPresenceEvents } from '../../realtime/team-presence-events.js';
import { TeamNotFoundError } from '../presence.errors.js';
import { TeamAccess, type TeamAccessGrant } from '../team-access.js';
import type { MovePresenceDayInput } from './dto/move-presence-day.input.js';
import type { PresenceDayInput } from './dto/presence-day.input.js';
import type { PresenceDay } from './models/presence-day.model.js';
import type { PresenceDayPreview } from './models/presence-day-preview.model.js';
import type { PresenceAnswer } from './presence-answer.entity.js';
import { PresenceDayViews } from './presence-day-views.js';
import {
  NotAMemberError,
  PresenceDayCancelledError,
  PresenceDayExistsError,
  PresenceDayNotFoundError,
  PresenceDayShortOfDesksError,
} from './presence-days.errors.js';
import {
  bookSeats,
  loadMembersOnDay,
  loadOfficeDay,
  planSeating,
  requireOfficeOpenTo,
  type SeatMade,
  translateDayConflict,
} from './team-day-seating.js';
import {
  type CancelledSeat,
  cancelSeats,
  type DayRow,
  handOver,
  lockDay,
  memberIds,
  refuseOtherDayOn,
  seatLateComer,
} from './team-day-steps.js';

/** What a committed change tells whom: desks whose availability changed, people whose bookings did, the team. */
interface Announcement {
  readonly grant: TeamAccessGrant;
  readonly desks: readonly DeskAvailabilityChanged[];
  readonly bookings: readonly MyBookingChanged[];
  readonly team: TeamPresenceChanged;
}

/**
 * Team days (Präsenztage): planning, moving, cancelling and answering them, each in one transaction with the desk
 * bookings it makes or cancels (DESIGN.md §3.5). Team-day bookings follow the office's calendar, blocked desks and
 * capacity cap, under the same advisory locks as any booking (office and day, then person and week, in the canonical
 * order), but neither the booking horizon nor the personal quota: the employer mandates the day. Live events go out
 * after the commit only.
 */
@Injectable()
export class PresenceDaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TeamAccess,
    private readonly views: PresenceDayViews,
    private readonly availabilityEvents: AvailabilityEvents,
    private readonly myEvents: MyBookingEvents,
    private readonly teamEvents: TeamPresenceEvents,
  ) {}

  /**
   * Plans a team day and books, in the same transaction, a desk side by side for every member who holds no booking
   * overlapping it; refuses (PRESENCE_DAY_SHORT_OF_DESKS) when desks are short unless the lead accepts that.
   */
  async create(caller: Caller, input: PresenceDayInput, now: Date = new Date()): Promise<PresenceDay> {
    const announcement = await this.dataSource.transaction(async (manager): Promise<Announcement> => {
      const grant = await this.access.lead(caller, input.teamId, manager);
      const date = requireDate(input.date, now);
      await requireOfficeOpenTo(manager, input.officeId, grant.organisationId);
      const members = await memberIds(manager, grant.teamId);
      await new TransactionLocks(manager).lockAll(
        [officeDayKey(input.officeId, date)],
        members.map((personId) => personWeekKey(personId, startOfIsoWeek(date))),
      );
      await refuseOtherDayOn(manager, grant.teamId, date, null);
      const officeDay = await loadOfficeDay(manager, input.officeId, date, input.part, now);
      if (officeDay.refusal) throw new BookingRefusedError(officeDay.refusal);
      const plan = planSeating(
        await loadMembersOnDay(manager, grant.teamId, null, input.officeId, date, input.part, null),
        officeDay,
      );
      if (plan.shortfall > 0 && !input.acceptShortfall) {
        throw new PresenceDayShortOfDesksError(plan.shortfall, plan.toSeat);
      }
      let inserted: { id: string }[];
      try {
        inserted = await manager.query(
          `INSERT INTO presence_days (team_id, office_id, date, part, mandatory, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [grant.teamId, input.officeId, date, input.part, input.mandatory, emptyToNull(input.note), caller.personId],
        );
      } catch (error) {
        throw translateDayConflict(error, date);
      }
      const dayId = inserted[0]?.id;
      if (dayId === undefined) throw new Error('INSERT … RETURNING gave no row');
      const seats = await bookSeats(manager, dayId, date, input.part, plan.seats);
      return {
        grant,
        desks: seats.map((seat) => ({ officeId: input.officeId, date, deskId: seat.deskId })),
        bookings: seats.map((seat) => booked(seat, 'TEAM_DAY_BOOKED')),
        team: { teamId: grant.teamId, presenceDayId: dayId, reason: 'CREATED' },
      };
    });
    return this.announceAndView(caller, announcement);
  }

  /**
   * Moves a team day to another date, office and/or part: its bookings are cancelled and the members seated again at
   * the new place in the same transaction (answers are kept); desks freed at the old place go to the waitlist.
   */
  async move(caller: Caller, input: MovePresenceDayInput, now: Date = new Date()): Promise<PresenceDay> {
    const announcement = await this.dataSource.transaction(async (manager): Promise<Announcement> => {
      const day = await lockDay(manager, input.id);
      const grant = await dayAccess(() => this.access.lead(caller, day.team_id, manager));
      requireOpenDay(day, now);
      const date = requireDate(input.date, now);
      await requireOfficeOpenTo(manager, input.officeId, grant.organisationId);
      const members = await memberIds(manager, grant.teamId);
      const locks = new TransactionLocks(manager);
      await locks.lockAll(
        [officeDayKey(day.office_id, day.date), officeDayKey(input.officeId, date)],
        [...new Set([startOfIsoWeek(day.date), startOfIsoWeek(date)])].flatMap((week) =>
          members.map((personId) => personWeekKey(personId, week)),
        ),
      );
      await refuseOtherDayOn(manager, grant.teamId, date, day.id);
      const officeDay = await loadOfficeDay(manager, input.officeId, date, input.part, now, day.id);
      if (officeDay.refusal) throw new BookingRefusedError(officeDay.refusal);
      const plan = planSeating(
        await loadMembersOnDay(manager, grant.teamId, day.id, input.officeId, date, input.part, day.id),
        officeDay,
      );
      if (plan.shortfall > 0 && !input.acceptShortfall) {
        throw new PresenceDayShortOfDesksError(plan.shortfall, plan.toSeat);
      }
      const cancelled = await cancelSeats(manager, day.id, null);
      try {
        await manager.query(
          'UPDATE presence_days SET office_id = $2, date = $3, part = $4, updated_at = now() WHERE id = $1',
          [day.id, input.officeId, date, input.part],
        );
      } catch (error) {
        throw translateDayConflict(error, date);
      }
      const seats = await bookSeats(manager, day.id, date, input.part, plan.seats);
      // After seating: a desk the team took again is no longer free for the waitlist.
      const assignments = await handOver(manager, locks, day, cancelled, now);
      return {
        grant,
        desks: [
          ...cancelled.map((seat) => ({ officeId: day.office_id, date: day.date, deskId: seat.desk_id })),
          ...seats.map((seat) => ({ officeId: input.officeId, date, deskId: seat.deskId })),
        ],
        bookings: [
          ...cancelled.map((seat) => cancelledEvent(seat, 'TEAM_DAY_MOVED')),
          ...seats.map((seat) => booked(seat, 'TEAM_DAY_MOVED')),
          ...assignedEvents(assignments),
        ],
        team: { teamId: grant.teamId, presenceDayId: day.id, reason: 'MOVED' },
      };
    });
    return this.announceAndView(caller, announcement);
  }

  /** Cancels a team day (status CANCELLED, the row is kept) and its desk bookings; freed desks go to the waitlist. */
  async cancel(caller: Caller, id: string, now: Date = new Date()): Promise<PresenceDay> {
    const announcement = await this.dataSource.transaction(async (manager): Promise<Announcement> => {
      const day = await lockDay(manager, id);
      const grant = await dayAccess(() => this.access.lead(caller, day.team_id, manager));
      requireOpenDay(day, now);
      const locks = new TransactionLocks(manager);
      await locks.lockAll([officeDayKey(day.office_id, day.date)], []);
      const cancelled = await cancelSeats(manager, day.id, null);
      await manager.query(
        `UPDATE presence_days SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1`,
        [day.id],
      );
      const assignments = await handOver(manager, locks, day, cancelled, now);
      return {
        grant,
        desks: cancelled.map((seat) => ({ officeId: day.office_id, date: day.date, deskId: seat.desk_id })),
        bookings: [
          ...cancelled.map((seat) => cancelledEvent(seat, 'TEAM_DAY_CANCELLED')),
          ...assignedEvents(assignments),
        ],
        team: { teamId: grant.teamId, presenceDayId: day.id, reason: 'CANCELLED' },
      };
    });
    return this.announceAndView(caller, announcement);
  }

  /**
   * A member answers. AWAY cancels their desk of the team day (the desk goes to the waitlist); ATTENDING books them a
   * desk next to the team's when they hold no booking then and one is free within the cap (else the answer is kept
   * without a desk). Answering again changes the answer.
   */
  async answer(caller: Caller, id: string, answer: PresenceAnswer, now: Date = new Date()): Promise<PresenceDay> {
    const announcement = await this.dataSource.transaction(async (manager): Promise<Announcement> => {
      const day = await lockDay(manager, id);
      const grant = await dayAccess(() => this.access.read(caller, day.team_id, manager));
      if (!grant.isMember) throw new NotAMemberError();
      requireOpenDay(day, now);
      const personId = caller.personId;
      const locks = new TransactionLocks(manager);
      await locks.lockAll([officeDayKey(day.office_id, day.date)], [personWeekKey(personId, startOfIsoWeek(day.date))]);
      await manager.query(
        `INSERT INTO presence_answers (presence_day_id, person_id, answer) VALUES ($1, $2, $3)
         ON CONFLICT (presence_day_id, person_id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = now()`,
        [day.id, personId, answer],
      );
      const team: TeamPresenceChanged = { teamId: grant.teamId, presenceDayId: day.id, reason: 'ANSWERED' };
      if (answer === 'AWAY') {
        const cancelled = await cancelSeats(manager, day.id, personId);
        const assignments = await handOver(manager, locks, day, cancelled, now);
        return {
          grant,
          desks: cancelled.map((seat) => ({ officeId: day.office_id, date: day.date, deskId: seat.desk_id })),
          bookings: [
            // The member's own doing, like cancelling a booking themselves: no notice.
            ...cancelled.map((seat) => cancelledEvent(seat, 'CANCELLED')),
            ...assignedEvents(assignments),
          ],
          team,
        };
      }
      const seat = await seatLateComer(manager, day, personId, now);
      return {
        grant,
        desks: seat ? [{ officeId: day.office_id, date: day.date, deskId: seat.deskId }] : [],
        bookings: seat ? [booked(seat, 'BOOKED')] : [],
        team,
      };
    });
    return this.announceAndView(caller, announcement);
  }

  /** What saving the team day would book, without saving anything; the office's refusal instead of an error. */
  async preview(
    caller: Caller,
    input: PresenceDayInput,
    movingId: string | null,
    now: Date = new Date(),
  ): Promise<PresenceDayPreview> {
    const manager = this.dataSource.manager;
    const grant = await this.access.lead(caller, input.teamId, manager);
    await requireOfficeOpenTo(manager, input.officeId, grant.organisationId);
    if (movingId !== null) {
      const moving: unknown[] = await manager.query(
        `SELECT 1 FROM presence_days WHERE id = $1 AND team_id = $2 AND status = 'PLANNED'`,
        [movingId, grant.teamId],
      );
      if (moving.length === 0) throw new PresenceDayNotFoundError();
    }
    const officeDay = await loadOfficeDay(manager, input.officeId, input.date, input.part, now, movingId);
    const date = officeDay.date;
    let refusal: Refusal | null = officeDay.refusal ? toRefusal(officeDay.refusal) : null;
    if (refusal === null && date !== undefined) {
      try {
        await refuseOtherDayOn(manager, grant.teamId, date, movingId);
      } catch (error) {
        if (!(error instanceof PresenceDayExistsError)) throw error;
        refusal = { code: error.code, message: error.message, messageDe: error.messages?.de ?? error.message };
      }
    }
    const members =
      date === undefined
        ? (await memberIds(manager, grant.teamId)).map((personId) => ({
            personId,
            displayName: '',
            answer: null,
            booked: null,
          }))
        : await loadMembersOnDay(manager, grant.teamId, movingId, input.officeId, date, input.part, movingId);
    const plan = planSeating(
      members,
      refusal === null ? officeDay : { ...officeDay, refusal: undefined, freeDesks: [] },
    );
    return {
      members: plan.members,
      toSeat: plan.toSeat,
      alreadyBookedHere: plan.alreadyBookedHere,
      bookedElsewhere: plan.bookedElsewhere,
      away: plan.away,
      freeDesks: plan.freeDesks,
      seatable: plan.seats.length,
      shortfall: plan.shortfall,
      sideBySide: plan.sideBySide,
      areaName: plan.areaName,
      refusal,
    };
  }

  private async announceAndView(caller: Caller, announcement: Announcement): Promise<PresenceDay> {
    for (const desk of announcement.desks) await this.availabilityEvents.deskChanged(desk);
    await this.myEvents.changed(announcement.bookings);
    await this.teamEvents.changed(announcement.team);
    const day = await this.views.one(caller, announcement.grant, announcement.team.presenceDayId);
    if (!day) throw new PresenceDayNotFoundError();
    return day;
  }
}

/** The civil date of a team day to be saved: INVALID_DATE and DATE_IN_PAST as for any booking. */
function requireDate(input: string, now: Date): CivilDate {
  const check = checkBookingDate(input, now);
  if (!check.ok) throw new BookingRefusedError(check.refusal);
  return check.date;
}

/** A planned team day of today or later: cancelled ones and past ones no longer change. */
function requireOpenDay(day: DayRow, now: Date): void {
  if (day.status === 'CANCELLED') throw new PresenceDayCancelledError();
  requireDate(day.date, now);
}

/** The caller's access to a team day's team; a team they may not see makes the day one that does not exist. */
async function dayAccess(check: () => Promise<TeamAccessGrant>): Promise<TeamAccessGrant> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof TeamNotFoundError) throw new PresenceDayNotFoundError();
    throw error;
  }
}

function booked(seat: SeatMade, reason: MyBookingChanged['reason']): MyBookingChanged {
  return { personId: seat.personId, bookingId: seat.bookingId, reason };
}

function cancelledEvent(seat: CancelledSeat, reason: MyBookingChanged['reason']): MyBookingChanged {
  return { personId: seat.person_id, bookingId: seat.id, reason };
}

function emptyToNull(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function toRefusal(refusal: BookingRefusal): Refusal {
  return { code: refusal.code, message: refusal.message, messageDe: refusal.messages?.de ?? refusal.message };
}
