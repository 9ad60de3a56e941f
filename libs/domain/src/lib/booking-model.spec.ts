import { BookingModel, type ModelDesk, type ModelOffice } from './booking-model.js';
import { type CivilDate, type Weekday } from './civil-date.js';

const d = (date: string): CivilDate => date as CivilDate;
const weekdays = new Set<Weekday>([1, 2, 3, 4, 5]);

const offices: ModelOffice[] = [
  {
    id: 'office-by',
    rules: {
      calendar: { land: 'BY', openingWeekdays: weekdays, closures: [] },
      horizonDays: 14,
      capacityShare: 0.5,
      quotaDaysPerWeek: 2,
    },
  },
  {
    id: 'office-sn',
    rules: { calendar: { land: 'SN', openingWeekdays: weekdays, closures: [] }, horizonDays: 14 },
  },
];
const desks: ModelDesk[] = [
  ...['a1', 'a2', 'a3', 'a4'].map((id) => ({ id, officeId: 'office-by', blocked: false })),
  ...['b1', 'b2'].map((id) => ({ id, officeId: 'office-sn', blocked: false })),
];

// 08:00 in Berlin on Monday 19 October 2026; summer time ends on Sunday 25 October.
const monday = new Date('2026-10-19T06:00:00Z');
const tuesday = new Date('2026-10-20T06:00:00Z');

function booked(step: ReturnType<BookingModel['book']>) {
  if (step.outcome.kind !== 'BOOKED') throw new Error(`not booked: ${JSON.stringify(step.outcome)}`);
  return { model: step.model, booking: step.outcome.booking };
}

describe('BookingModel', () => {
  const empty = BookingModel.create(offices, desks);

  it('books, and refuses the same desk and half-day to another person', () => {
    const { model, booking } = booked(
      empty.book({ personId: 'p1', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday),
    );
    expect(booking).toMatchObject({ personId: 'p1', officeId: 'office-by', status: 'BOOKED', date: '2026-10-20' });
    const second = model.book({ personId: 'p2', deskId: 'a1', date: '2026-10-20', part: 'FULL_DAY' }, monday);
    expect(second.outcome.kind === 'REFUSED' && second.outcome.refusal.code).toBe('DESK_TAKEN');
    expect(second.model).toBe(model);
    expect(
      booked(model.book({ personId: 'p2', deskId: 'a1', date: '2026-10-20', part: 'AFTERNOON' }, monday)),
    ).toBeTruthy();
  });

  it('refuses a person a second desk at the same time, even at another office', () => {
    const { model } = booked(
      empty.book({ personId: 'p1', deskId: 'a1', date: '2026-10-21', part: 'FULL_DAY' }, monday),
    );
    const elsewhere = model.book({ personId: 'p1', deskId: 'b1', date: '2026-10-21', part: 'AFTERNOON' }, monday);
    expect(elsewhere.outcome.kind === 'REFUSED' && elsewhere.outcome.refusal.code).toBe('PERSON_ALREADY_BOOKED');
  });

  it('counts the quota across offices', () => {
    let model = empty;
    model = booked(model.book({ personId: 'p1', deskId: 'b1', date: '2026-10-20', part: 'MORNING' }, monday)).model;
    model = booked(model.book({ personId: 'p1', deskId: 'b1', date: '2026-10-21', part: 'MORNING' }, monday)).model;
    const third = model.book({ personId: 'p1', deskId: 'a1', date: '2026-10-22', part: 'MORNING' }, monday);
    expect(third.outcome.kind === 'REFUSED' && third.outcome.refusal.code).toBe('OVER_QUOTA');
    // The SN office sets no quota of its own.
    expect(
      booked(model.book({ personId: 'p1', deskId: 'b1', date: '2026-10-22', part: 'MORNING' }, monday)),
    ).toBeTruthy();
  });

  it('cancels by status, keeping the booking, and frees the desk', () => {
    const { model, booking } = booked(
      empty.book({ personId: 'p1', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday),
    );
    expect(model.cancel(booking.id, 'p2').outcome).toEqual({ kind: 'BOOKING_NOT_FOUND' });
    const cancelled = model.cancel(booking.id, 'p1');
    expect(cancelled.outcome.kind).toBe('CANCELLED');
    expect(cancelled.model.bookings).toHaveLength(1);
    expect(cancelled.model.booking(booking.id)).toMatchObject({
      status: 'CANCELLED',
      endReason: 'CANCELLED_BY_PERSON',
    });
    expect(cancelled.model.cancel(booking.id, 'p1').outcome).toEqual({
      kind: 'BOOKING_NOT_ACTIVE',
      status: 'CANCELLED',
    });
    expect(
      booked(cancelled.model.book({ personId: 'p2', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday)),
    ).toBeTruthy();
  });

  it('checks in only on the day, and releases only bookings nobody checked in for, on or after the day', () => {
    const first = booked(empty.book({ personId: 'p1', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday));
    const second = booked(
      first.model.book({ personId: 'p2', deskId: 'a2', date: '2026-10-20', part: 'MORNING' }, monday),
    );
    let model = second.model;
    expect(model.checkIn(first.booking.id, 'p1', monday).outcome).toEqual({ kind: 'NOT_ITS_DAY' });
    expect(model.release(first.booking.id, monday).outcome).toEqual({ kind: 'NOT_ITS_DAY' });
    model = model.checkIn(first.booking.id, 'p1', tuesday).model;
    expect(model.booking(first.booking.id)?.status).toBe('CHECKED_IN');
    expect(model.release(first.booking.id, tuesday).outcome).toEqual({
      kind: 'BOOKING_NOT_ACTIVE',
      status: 'CHECKED_IN',
    });
    const released = model.release(second.booking.id, tuesday);
    expect(released.outcome.kind).toBe('RELEASED');
    expect(released.model.booking(second.booking.id)).toMatchObject({ status: 'RELEASED', endReason: 'NO_SHOW' });
  });

  it('a closure cancels the live bookings it covers from today on, and refuses new ones', () => {
    let model = empty;
    model = booked(model.book({ personId: 'p1', deskId: 'a1', date: '2026-10-19', part: 'MORNING' }, monday)).model;
    model = booked(model.book({ personId: 'p1', deskId: 'a1', date: '2026-10-23', part: 'MORNING' }, monday)).model;
    model = booked(model.book({ personId: 'p2', deskId: 'a2', date: '2026-10-27', part: 'MORNING' }, monday)).model;
    model = booked(model.book({ personId: 'p3', deskId: 'b1', date: '2026-10-23', part: 'MORNING' }, monday)).model;
    const closure = { from: d('2026-10-19'), to: d('2026-10-23'), reason: 'Wasserschaden' };
    // A day later: Monday's booking is history now and stays as it was.
    const step = model.addClosure('office-by', closure, tuesday);
    expect(step.outcome.kind === 'CLOSURE_ADDED' && step.outcome.cancelled.map((booking) => booking.date)).toEqual([
      '2026-10-23',
    ]);
    expect(step.model.liveBookings().map((booking) => booking.date)).toEqual([
      '2026-10-19',
      '2026-10-27',
      '2026-10-23',
    ]);
    const again = step.model.book({ personId: 'p2', deskId: 'a3', date: '2026-10-22', part: 'AFTERNOON' }, tuesday);
    expect(again.outcome.kind === 'REFUSED' && again.outcome.refusal.code).toBe('CLOSURE');
    expect(model.addClosure('office-by', { ...closure, from: d('2026-10-24') }, tuesday).outcome).toEqual({
      kind: 'INVALID_CLOSURE',
    });
  });

  it('blocking a desk cancels its bookings from today on; unblocking makes it bookable again', () => {
    const { model, booking } = booked(
      empty.book({ personId: 'p1', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday),
    );
    const blocked = model.blockDesk('a1', 'Monitor defekt', monday);
    expect(blocked.outcome.kind === 'DESK_BLOCKED' && blocked.outcome.cancelled.map((each) => each.id)).toEqual([
      booking.id,
    ]);
    const refused = blocked.model.book({ personId: 'p2', deskId: 'a1', date: '2026-10-21', part: 'MORNING' }, monday);
    expect(refused.outcome.kind === 'REFUSED' && refused.outcome.refusal.messages.de).toContain('Monitor defekt');
    const unblocked = blocked.model.unblockDesk('a1').model;
    expect(
      booked(unblocked.book({ personId: 'p2', deskId: 'a1', date: '2026-10-21', part: 'MORNING' }, monday)),
    ).toBeTruthy();
  });

  it('counts only unblocked desks for the cap', () => {
    let model = empty.blockDesk('a4', 'defekt', monday).model; // 3 active desks: cap floor(1.5) = 1
    model = booked(model.book({ personId: 'p1', deskId: 'a1', date: '2026-10-20', part: 'MORNING' }, monday)).model;
    const full = model.book({ personId: 'p2', deskId: 'a2', date: '2026-10-20', part: 'MORNING' }, monday);
    expect(full.outcome.kind === 'REFUSED' && full.outcome.refusal.code).toBe('OVER_CAPACITY');
  });

  it('books a series across the end of summer time, within the quota, or all or nothing', () => {
    const dates = [d('2026-10-20'), d('2026-10-22'), d('2026-10-23'), d('2026-10-27'), d('2026-10-29')];
    const partial = empty.bookRecurring({ personId: 'p1', deskId: 'a1', part: 'FULL_DAY' }, dates, monday, {
      allOrNothing: false,
    });
    if (partial.outcome.kind !== 'DECIDED') throw new Error('desk not found');
    expect(partial.outcome.decision.outcomes.map((outcome) => outcome.status)).toEqual([
      'BOOKED',
      'BOOKED',
      'REFUSED', // third day of the week 19–25 October: over the quota of 2
      'BOOKED',
      'BOOKED',
    ]);
    expect(partial.model.liveBookings()).toHaveLength(4);
    const none = empty.bookRecurring({ personId: 'p1', deskId: 'a1', part: 'FULL_DAY' }, dates, monday, {
      allOrNothing: true,
    });
    expect(none.model).toBe(empty);
  });

  it('answers DESK_NOT_FOUND and BOOKING_NOT_FOUND for unknown ids, changing nothing', () => {
    expect(empty.book({ personId: 'p1', deskId: 'zz', date: '2026-10-20', part: 'MORNING' }, monday)).toEqual({
      model: empty,
      outcome: { kind: 'DESK_NOT_FOUND' },
    });
    expect(empty.cancel('booking-1', 'p1').model).toBe(empty);
    expect(empty.blockDesk('zz', 'x', monday).outcome).toEqual({ kind: 'DESK_NOT_FOUND' });
    expect(empty.addClosure('zz', { from: d('2026-10-20'), to: d('2026-10-20'), reason: '' }, monday).outcome).toEqual({
      kind: 'OFFICE_NOT_FOUND',
    });
  });
});
