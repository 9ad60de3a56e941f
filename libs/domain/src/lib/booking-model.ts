import {
  type BookingContext,
  type BookingDecision,
  type BookingRequest,
  decideBooking,
  type OfficeBookingRules,
} from './booking-decision.js';
import { type LocalizedBookingRefusal } from './booking-rules.js';
import { type BookingStatus, isLiveStatus } from './booking-status.js';
import { type CivilDate, compareCivilDates, todayInOfficeZone } from './civil-date.js';
import { type DayPart } from './day-part.js';
import { type Closure, closureCovers } from './office-calendar.js';
import { decideRecurring, type RecurringDecision } from './recurrence.js';

export interface ModelOffice {
  readonly id: string;
  readonly rules: OfficeBookingRules;
}

export interface ModelDesk {
  readonly id: string;
  readonly officeId: string;
  readonly blocked: boolean;
  readonly blockedReason?: string;
}

/** Why a booking stopped being live. */
export type BookingEndReason = 'CANCELLED_BY_PERSON' | 'OFFICE_CLOSED' | 'DESK_BLOCKED' | 'NO_SHOW';

export interface ModelBooking {
  readonly id: string;
  readonly personId: string;
  readonly officeId: string;
  readonly deskId: string;
  readonly date: CivilDate;
  readonly part: DayPart;
  readonly status: BookingStatus;
  /** The instant it was made: the rules of that moment applied (DESIGN.md §3, 3). */
  readonly bookedAt: Date;
  readonly endReason?: BookingEndReason;
}

/** A new state of the model and what happened; a refused or impossible step returns the same model object. */
export interface ModelStep<Outcome> {
  readonly model: BookingModel;
  readonly outcome: Outcome;
}

export type BookOutcome =
  | { readonly kind: 'BOOKED'; readonly booking: ModelBooking }
  | { readonly kind: 'REFUSED'; readonly refusal: LocalizedBookingRefusal }
  | { readonly kind: 'DESK_NOT_FOUND' };

export type BookingChangeOutcome =
  | { readonly kind: 'CANCELLED' | 'CHECKED_IN' | 'RELEASED'; readonly booking: ModelBooking }
  | { readonly kind: 'BOOKING_NOT_FOUND' }
  /** The booking is not in a status this step applies to (e.g. cancelled already). */
  | { readonly kind: 'BOOKING_NOT_ACTIVE'; readonly status: BookingStatus }
  /** Check-in is only on the booking's day; a no-show is only released on or after it. */
  | { readonly kind: 'NOT_ITS_DAY' };

export type OfficeChangeOutcome =
  | { readonly kind: 'CLOSURE_ADDED' | 'DESK_BLOCKED' | 'DESK_UNBLOCKED'; readonly cancelled: readonly ModelBooking[] }
  | { readonly kind: 'OFFICE_NOT_FOUND' | 'DESK_NOT_FOUND' | 'INVALID_CLOSURE' };

export type RecurringBookOutcome =
  | { readonly kind: 'DECIDED'; readonly decision: RecurringDecision; readonly booked: readonly ModelBooking[] }
  | { readonly kind: 'DESK_NOT_FOUND' };

export interface PersonBookingRequest extends BookingRequest {
  readonly personId: string;
}

/**
 * The in-memory reference model of offices and their bookings: pure and immutable (every step returns a new model),
 * no I/O. It decides with the same `decideBooking` as the API and keeps history: a cancel or release changes the
 * status, nothing is removed. Property tests drive it; API tests can compare the API's answers with it.
 */
export class BookingModel {
  private constructor(
    readonly offices: ReadonlyMap<string, ModelOffice>,
    readonly desks: ReadonlyMap<string, ModelDesk>,
    /** Every booking ever made, in the order made. */
    readonly bookings: readonly ModelBooking[],
  ) {}

  static create(offices: readonly ModelOffice[], desks: readonly ModelDesk[]): BookingModel {
    const officeMap = new Map(offices.map((office) => [office.id, office]));
    for (const desk of desks) {
      if (!officeMap.has(desk.officeId)) throw new Error(`Desk ${desk.id} belongs to no known office`);
    }
    return new BookingModel(officeMap, new Map(desks.map((desk) => [desk.id, desk])), []);
  }

  liveBookings(): readonly ModelBooking[] {
    return this.bookings.filter((booking) => isLiveStatus(booking.status));
  }

  booking(id: string): ModelBooking | undefined {
    return this.bookings.find((booking) => booking.id === id);
  }

  /** The context `decideBooking` needs for a request, as the API would load it. */
  contextFor(personId: string, deskId: string, now: Date): BookingContext | undefined {
    const desk = this.desks.get(deskId);
    const office = desk && this.offices.get(desk.officeId);
    if (!desk || !office) return undefined;
    const live = this.liveBookings();
    return {
      now,
      rules: office.rules,
      desk: { blocked: desk.blocked, blockedReason: desk.blockedReason },
      activeDeskCount: [...this.desks.values()].filter((each) => each.officeId === office.id && !each.blocked).length,
      officeBookings: live.filter((booking) => booking.officeId === office.id),
      personBookings: live.filter((booking) => booking.personId === personId),
    };
  }

  decide(request: PersonBookingRequest, now: Date): BookingDecision | undefined {
    const context = this.contextFor(request.personId, request.deskId, now);
    return context && decideBooking(request, context);
  }

  book(request: PersonBookingRequest, now: Date): ModelStep<BookOutcome> {
    const decision = this.decide(request, now);
    if (!decision) return { model: this, outcome: { kind: 'DESK_NOT_FOUND' } };
    if (!decision.ok) return { model: this, outcome: { kind: 'REFUSED', refusal: decision.refusal } };
    const booking = this.newBooking(request, decision.date, now, this.bookings.length);
    return { model: this.with({ bookings: [...this.bookings, booking] }), outcome: { kind: 'BOOKED', booking } };
  }

  /** A series at one desk and part of the day: books what it can, or with `allOrNothing` all or none. */
  bookRecurring(
    request: Omit<PersonBookingRequest, 'date'>,
    dates: readonly CivilDate[],
    now: Date,
    options: { readonly allOrNothing: boolean },
  ): ModelStep<RecurringBookOutcome> {
    const context = this.contextFor(request.personId, request.deskId, now);
    if (!context) return { model: this, outcome: { kind: 'DESK_NOT_FOUND' } };
    const decision = decideRecurring(
      dates,
      (date, acceptedSoFar) => {
        const accepted = acceptedSoFar.map((day) => ({ deskId: request.deskId, date: day, part: request.part }));
        return decideBooking(
          { ...request, date },
          {
            ...context,
            officeBookings: [...context.officeBookings, ...accepted],
            personBookings: [...context.personBookings, ...accepted],
          },
        );
      },
      options,
    );
    const booked = decision.toBook.map((date, index) =>
      this.newBooking({ ...request, date }, date, now, this.bookings.length + index),
    );
    const model = booked.length === 0 ? this : this.with({ bookings: [...this.bookings, ...booked] });
    return { model, outcome: { kind: 'DECIDED', decision, booked } };
  }

  /** The person cancels one of their live bookings. Another person's booking reads as not found. */
  cancel(bookingId: string, personId: string): ModelStep<BookingChangeOutcome> {
    return this.change(bookingId, personId, (booking) =>
      isLiveStatus(booking.status) ? { status: 'CANCELLED', endReason: 'CANCELLED_BY_PERSON' } : undefined,
    );
  }

  /** The person checks in at the desk, on the booking's day (Europe/Berlin). */
  checkIn(bookingId: string, personId: string, now: Date): ModelStep<BookingChangeOutcome> {
    return this.change(bookingId, personId, (booking) => {
      if (booking.status !== 'BOOKED') return undefined;
      return booking.date === todayInOfficeZone(now) ? { status: 'CHECKED_IN' } : 'NOT_ITS_DAY';
    });
  }

  /** The scheduled job releases a booking nobody checked in for, on or after its day. */
  release(bookingId: string, now: Date): ModelStep<BookingChangeOutcome> {
    return this.change(bookingId, undefined, (booking) => {
      if (booking.status !== 'BOOKED') return undefined;
      return compareCivilDates(booking.date, todayInOfficeZone(now)) <= 0
        ? { status: 'RELEASED', endReason: 'NO_SHOW' }
        : 'NOT_ITS_DAY';
    });
  }

  /** Closes an office for a period; live bookings in it from today on are cancelled (past ones are history). */
  addClosure(officeId: string, closure: Closure, now: Date): ModelStep<OfficeChangeOutcome> {
    const office = this.offices.get(officeId);
    if (!office) return { model: this, outcome: { kind: 'OFFICE_NOT_FOUND' } };
    if (compareCivilDates(closure.from, closure.to) > 0) {
      return { model: this, outcome: { kind: 'INVALID_CLOSURE' } };
    }
    const today = todayInOfficeZone(now);
    const { bookings, cancelled } = this.cancelWhere(
      (booking) =>
        booking.officeId === officeId &&
        compareCivilDates(booking.date, today) >= 0 &&
        closureCovers(closure, booking.date),
      'OFFICE_CLOSED',
    );
    const calendar = { ...office.rules.calendar, closures: [...office.rules.calendar.closures, closure] };
    const offices = new Map(this.offices).set(officeId, { ...office, rules: { ...office.rules, calendar } });
    return { model: this.with({ offices, bookings }), outcome: { kind: 'CLOSURE_ADDED', cancelled } };
  }

  /** Blocks a desk (e.g. broken); its live bookings from today on are cancelled. */
  blockDesk(deskId: string, reason: string, now: Date): ModelStep<OfficeChangeOutcome> {
    const desk = this.desks.get(deskId);
    if (!desk) return { model: this, outcome: { kind: 'DESK_NOT_FOUND' } };
    const today = todayInOfficeZone(now);
    const { bookings, cancelled } = this.cancelWhere(
      (booking) => booking.deskId === deskId && compareCivilDates(booking.date, today) >= 0,
      'DESK_BLOCKED',
    );
    const desks = new Map(this.desks).set(deskId, { ...desk, blocked: true, blockedReason: reason });
    return { model: this.with({ desks, bookings }), outcome: { kind: 'DESK_BLOCKED', cancelled } };
  }

  unblockDesk(deskId: string): ModelStep<OfficeChangeOutcome> {
    const desk = this.desks.get(deskId);
    if (!desk) return { model: this, outcome: { kind: 'DESK_NOT_FOUND' } };
    const desks = new Map(this.desks).set(deskId, { id: desk.id, officeId: desk.officeId, blocked: false });
    return { model: this.with({ desks }), outcome: { kind: 'DESK_UNBLOCKED', cancelled: [] } };
  }

  private change(
    bookingId: string,
    personId: string | undefined,
    next: (booking: ModelBooking) => Pick<ModelBooking, 'status' | 'endReason'> | 'NOT_ITS_DAY' | undefined,
  ): ModelStep<BookingChangeOutcome> {
    const index = this.bookings.findIndex(
      (booking) => booking.id === bookingId && (personId === undefined || booking.personId === personId),
    );
    const booking = this.bookings[index];
    if (!booking) return { model: this, outcome: { kind: 'BOOKING_NOT_FOUND' } };
    const change = next(booking);
    if (change === undefined) {
      return { model: this, outcome: { kind: 'BOOKING_NOT_ACTIVE', status: booking.status } };
    }
    if (change === 'NOT_ITS_DAY') return { model: this, outcome: { kind: 'NOT_ITS_DAY' } };
    const changed: ModelBooking = { ...booking, ...change };
    const bookings = this.bookings.map((each, at) => (at === index ? changed : each));
    const kind = change.status === 'CANCELLED' ? 'CANCELLED' : change.status === 'RELEASED' ? 'RELEASED' : 'CHECKED_IN';
    return { model: this.with({ bookings }), outcome: { kind, booking: changed } };
  }

  private cancelWhere(
    applies: (booking: ModelBooking) => boolean,
    endReason: BookingEndReason,
  ): { bookings: readonly ModelBooking[]; cancelled: readonly ModelBooking[] } {
    const cancelled: ModelBooking[] = [];
    const bookings = this.bookings.map((booking) => {
      if (!isLiveStatus(booking.status) || !applies(booking)) return booking;
      const ended: ModelBooking = { ...booking, status: 'CANCELLED', endReason };
      cancelled.push(ended);
      return ended;
    });
    return { bookings, cancelled };
  }

  private newBooking(request: PersonBookingRequest, date: CivilDate, now: Date, sequence: number): ModelBooking {
    const desk = this.desks.get(request.deskId);
    if (!desk) throw new Error(`Unknown desk ${request.deskId}`);
    return {
      id: `booking-${sequence + 1}`,
      personId: request.personId,
      officeId: desk.officeId,
      deskId: request.deskId,
      date,
      part: request.part,
      status: 'BOOKED',
      bookedAt: new Date(now.getTime()),
    };
  }

  private with(changes: Partial<Pick<BookingModel, 'offices' | 'desks' | 'bookings'>>): BookingModel {
    return new BookingModel(
      changes.offices ?? this.offices,
      changes.desks ?? this.desks,
      changes.bookings ?? this.bookings,
    );
  }
}
