import {
  type CivilDate,
  type DayPart,
  decideOfficeDay,
  type HalfDay,
  isFreeFor,
  LIVE_BOOKING_STATUSES,
  parseCivilDate,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import { officeOpenTo } from '../places/places.service.js';
import { loadOfficeRules } from './booking-context.js';
import { BookingRefusedError } from './bookings.errors.js';
import type { DeskAvailability } from './models/desk-availability.model.js';
import type { OfficeDay } from './models/office-day.model.js';

interface AvailabilityRow {
  desk_id: string;
  area_id: string;
  code: string;
  area_name: string;
  accessible: boolean;
  equipment: string[];
  blocked: boolean;
  blocked_reason: string | null;
  morning_taken: boolean;
  afternoon_taken: boolean;
  my_booking_id: string | null;
  position_x: number | null;
  position_y: number | null;
}

/** A row of the office statement: `desk_id` is NULL in the one row of an open office without (matching) desks. */
type OfficeAvailabilityRow = AvailabilityRow | { desk_id: null };

function isDeskRow(row: OfficeAvailabilityRow): row is AvailabilityRow {
  return row.desk_id !== null;
}

/**
 * Per desk of the office, blocked ones included (people see that the desk exists and why it cannot be had): which
 * halves of the date are held by a live booking, and whether one is the caller's.
 */
const AVAILABILITY_SELECT = `
  SELECT d.id AS desk_id, d.area_id, d.code, a.name AS area_name, d.accessible, d.equipment, d.position_x, d.position_y,
         NOT d.active AS blocked, d.blocked_reason,
         coalesce(bool_or(b.part IN ('MORNING', 'FULL_DAY')), false) AS morning_taken,
         coalesce(bool_or(b.part IN ('AFTERNOON', 'FULL_DAY')), false) AS afternoon_taken,
         (array_agg(b.id) FILTER (WHERE b.person_id = $3))[1] AS my_booking_id
  FROM desks d
  JOIN areas a ON a.id = d.area_id
  LEFT JOIN bookings b ON b.desk_id = d.id AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN')`;

/** A booking that holds its desk half. */
const LIVE = `b.status IN ('BOOKED', 'CHECKED_IN')`;

const AVAILABILITY_GROUP = `GROUP BY d.id, d.area_id, d.code, a.name, a.sort_order ORDER BY a.sort_order, a.name, d.code`;

/**
 * The same per desk for a whole office in one statement, the access check included: $1 office id, $2 civil date, $3
 * the caller's person id, $4 the caller's organisation id. No row at all when the office does not exist or is not
 * open to the organisation (`officeOpenTo`); one row with `desk_id` NULL for an open office without desks.
 *
 * The live-status test sits in the aggregates' FILTER, not in the join condition: there it would match the predicate
 * of the partial GiST index of the exclusion constraint, which the planner then probes once per desk (about 5 ms for
 * 200 desks on the large seed) instead of a B-tree on (date, desk_id) (about 1 ms). Cancelled and released bookings
 * of the desk and date are read and skipped; there are few.
 */
const OFFICE_AVAILABILITY_SELECT = `
  SELECT d.id AS desk_id, d.area_id, d.code, a.name AS area_name, d.accessible, d.equipment, d.position_x, d.position_y,
         NOT d.active AS blocked, d.blocked_reason,
         coalesce(bool_or(b.part IN ('MORNING', 'FULL_DAY')) FILTER (WHERE ${LIVE}), false) AS morning_taken,
         coalesce(bool_or(b.part IN ('AFTERNOON', 'FULL_DAY')) FILTER (WHERE ${LIVE}), false) AS afternoon_taken,
         (array_agg(b.id) FILTER (WHERE b.person_id = $3 AND ${LIVE}))[1] AS my_booking_id
  FROM offices f
  LEFT JOIN (desks d JOIN areas a ON a.id = d.area_id) ON d.office_id = f.id`;

const OFFICE_AVAILABILITY_REST = `
  LEFT JOIN bookings b ON b.desk_id = d.id AND b.date = $2
  WHERE f.id = $1 AND ${officeOpenTo(4)}
  GROUP BY d.id, a.id ORDER BY a.sort_order, a.name, d.code`;

/** Availability of an office's desks (see above). Exported for benchmarks. */
export const OFFICE_AVAILABILITY_SQL = `${OFFICE_AVAILABILITY_SELECT} ${OFFICE_AVAILABILITY_REST}`;

/**
 * The same with the desk search's filter: $5 equipment the desk must all have (NULL: any), $6 accessible (NULL: any),
 * $7 area id (NULL: any). An open office without a matching desk answers one row with `desk_id` NULL.
 */
const FILTERED_AVAILABILITY_SQL = `${OFFICE_AVAILABILITY_SELECT}
    AND ($5::text[] IS NULL OR d.equipment @> $5::text[])
    AND ($6::boolean IS NULL OR d.accessible = $6::boolean)
    AND ($7::uuid IS NULL OR d.area_id = $7::uuid)
  ${OFFICE_AVAILABILITY_REST}`;

/** What the desk search narrows by; absent or null fields do not narrow. */
export interface DeskSearchFilter {
  readonly equipment?: readonly string[] | null;
  readonly accessible?: boolean | null;
  readonly areaId?: string | null;
}

@Injectable()
export class AvailabilityService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Availability of every desk of an office open to the caller, blocked desks included (never free). Past dates may
   * be looked at; only booking refuses them.
   */
  async forOffice(
    caller: Caller,
    officeId: string,
    date: string,
    part: DayPart,
    filter?: DeskSearchFilter | null,
  ): Promise<DeskAvailability[]> {
    const day = requireCivilDate(date);
    const rows: OfficeAvailabilityRow[] = filter
      ? await this.dataSource.query(FILTERED_AVAILABILITY_SQL, [
          officeId,
          day,
          caller.personId,
          caller.organisationId,
          filter.equipment && filter.equipment.length > 0 ? [...new Set(filter.equipment)] : null,
          filter.accessible ?? null,
          filter.areaId ?? null,
        ])
      : await this.dataSource.query(OFFICE_AVAILABILITY_SQL, [officeId, day, caller.personId, caller.organisationId]);
    // No row: the office is not open to the caller (or does not exist); a row without a desk: open, no (matching) desk.
    if (rows.length === 0) throw new OfficeNotFoundError();
    const freeness = freenessFor(part);
    return rows.filter(isDeskRow).map((row) => toAvailability(row, part, freeness));
  }

  /**
   * Whether the office takes bookings on the date and part, and why not (`decideOfficeDay`): the refusal any desk
   * would get, the cap and the bookings held against it, and whether it is full. Same access as `forOffice`.
   */
  async officeDay(
    caller: Caller,
    officeId: string,
    date: string,
    part: DayPart,
    now: Date = new Date(),
  ): Promise<OfficeDay> {
    const day = requireCivilDate(date);
    await this.requireOfficeOpenTo(caller, officeId);
    const { rules } = await loadOfficeRules(this.dataSource.manager, officeId, day, day);
    const desks: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM desks WHERE office_id = $1 AND active',
      [officeId],
    );
    const bookings: { desk_id: string; part: DayPart }[] = await this.dataSource.query(
      `SELECT b.desk_id, b.part FROM bookings b JOIN desks d ON d.id = b.desk_id
       WHERE d.office_id = $1 AND b.date = $2 AND b.status = ANY($3::text[])`,
      [officeId, day, LIVE_BOOKING_STATUSES],
    );
    const state = decideOfficeDay(day, part, {
      now,
      rules,
      activeDeskIds: desks.map((desk) => desk.id),
      officeBookings: bookings.map((booking) => ({ deskId: booking.desk_id, date: day, part: booking.part })),
    });
    return {
      date: state.date,
      part,
      bookable: state.bookable,
      refusal:
        state.refusal === undefined
          ? null
          : { code: state.refusal.code, message: state.refusal.messages.en, messageDe: state.refusal.messages.de },
      capacity: state.capacity ?? null,
      booked: state.booked,
      full: state.full,
    };
  }

  /** The same figures for one desk: what a subscriber re-reads after an event. */
  async forDesk(deskId: string, date: string, part: DayPart, personId: string): Promise<DeskAvailability | undefined> {
    const rows: AvailabilityRow[] = await this.dataSource.query(
      `${AVAILABILITY_SELECT} WHERE d.id = $1 ${AVAILABILITY_GROUP}`,
      [deskId, date, personId],
    );
    const row = rows[0];
    return row ? toAvailability(row, part) : undefined;
  }

  /**
   * Reads shared by every subscriber of one live event. The PubSub hands the same event object to all local
   * subscribers, so each read is made once per event (and organisation), not once per subscriber: with thousands of
   * subscribers on one office that is the difference between a few queries and thousands per event.
   */
  private readonly perEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

  private oncePerEvent<T>(event: object, key: string, read: () => Promise<T>): Promise<T> {
    let reads = this.perEvent.get(event);
    if (!reads) {
      reads = new Map();
      this.perEvent.set(event, reads);
    }
    let value = reads.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read();
      reads.set(key, value);
    }
    return value;
  }

  /** `isOfficeOpenTo` for a subscriber of `event`: read once per event and organisation. */
  isOfficeOpenToForEvent(event: object, caller: Caller, officeId: string): Promise<boolean> {
    return this.oncePerEvent(event, `open:${caller.organisationId}:${officeId}`, () =>
      this.isOfficeOpenTo(caller, officeId),
    );
  }

  /**
   * `forDesk` for a subscriber of `event`: the desk and its live bookings are read once per event; only which of
   * them is the subscriber's own (`myBookingId`) differs between subscribers.
   */
  async forDeskForEvent(
    event: object,
    deskId: string,
    date: string,
    part: DayPart,
    personId: string,
  ): Promise<DeskAvailability | undefined> {
    const [rows, live] = await Promise.all([
      this.oncePerEvent<AvailabilityRow[]>(event, `desk:${deskId}:${date}`, () =>
        this.dataSource.query(`${AVAILABILITY_SELECT} WHERE d.id = $1 ${AVAILABILITY_GROUP}`, [deskId, date, null]),
      ),
      this.oncePerEvent<{ id: string; person_id: string }[]>(event, `live:${deskId}:${date}`, () =>
        this.dataSource.query(
          `SELECT id, person_id FROM bookings WHERE desk_id = $1 AND date = $2 AND status IN ('BOOKED', 'CHECKED_IN')`,
          [deskId, date],
        ),
      ),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const mine = live.find((booking) => booking.person_id === personId)?.id ?? null;
    return toAvailability({ ...row, my_booking_id: mine }, part);
  }

  /** Checks what a subscription is asked for before it starts, with the same errors as the query. */
  async requireOfficeAndDate(caller: Caller, officeId: string, date: string): Promise<CivilDate> {
    const day = requireCivilDate(date);
    await this.requireOfficeOpenTo(caller, officeId);
    return day;
  }

  /** Whether the caller may (still) read the office: checked again for every event a subscriber receives. */
  async isOfficeOpenTo(caller: Caller, officeId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`,
      [officeId, caller.organisationId],
    );
    return rows.length > 0;
  }

  private async requireOfficeOpenTo(caller: Caller, officeId: string): Promise<void> {
    if (!(await this.isOfficeOpenTo(caller, officeId))) throw new OfficeNotFoundError();
  }
}

/**
 * Dates already found valid. `parseCivilDate` is a pure function of the text, but a costly one (luxon resolves the
 * office zone's offset through Intl: about a tenth of a millisecond, a few % of an availability request, issue 8),
 * and requests ask for the same few dates over and over. Valid dates only, at most `KNOWN_DATES_MAX` (then it starts
 * over); a refusal is always parsed again.
 */
const knownDates = new Set<string>();
const KNOWN_DATES_MAX = 4096;

export function requireCivilDate(date: string): CivilDate {
  if (knownDates.has(date)) return date as CivilDate;
  const parsed = parseCivilDate(date);
  if (!parsed.ok) {
    throw new BookingRefusedError({
      code: 'INVALID_DATE',
      message: `"${date}" is not a real date in the form YYYY-MM-DD, for example 2027-03-15.`,
    });
  }
  if (knownDates.size >= KNOWN_DATES_MAX) knownDates.clear();
  knownDates.add(parsed.date);
  return parsed.date;
}

/** Whether a desk is free for `part`, by which halves are taken (`isFreeFor`): worked out once per request. */
type Freeness = (morningTaken: boolean, afternoonTaken: boolean) => boolean;

function freenessFor(part: DayPart): Freeness {
  const free = [false, true].map((morning) =>
    [false, true].map((afternoon) => {
      const taken = new Set<HalfDay>();
      if (morning) taken.add('MORNING');
      if (afternoon) taken.add('AFTERNOON');
      return isFreeFor(part, taken);
    }),
  );
  return (morningTaken, afternoonTaken) => free[Number(morningTaken)]?.[Number(afternoonTaken)] ?? false;
}

function toAvailability(row: AvailabilityRow, part: DayPart, freeness: Freeness = freenessFor(part)): DeskAvailability {
  // A blocked desk is free for no part of the day, whatever its bookings.
  const blocked = row.blocked;
  return {
    deskId: row.desk_id,
    areaId: row.area_id,
    code: row.code,
    areaName: row.area_name,
    accessible: row.accessible,
    equipment: row.equipment,
    morningFree: !blocked && !row.morning_taken,
    afternoonFree: !blocked && !row.afternoon_taken,
    free: !blocked && freeness(row.morning_taken, row.afternoon_taken),
    blocked,
    blockedReason: blocked ? row.blocked_reason : null,
    myBookingId: row.my_booking_id,
    positionX: row.position_x,
    positionY: row.position_y,
  };
}
