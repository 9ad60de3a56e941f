import { type CivilDate, parseCivilDate, todayInOfficeZone } from '@nahbar/domain';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import type { Office } from '../places/models/office.model.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import { PlacesService } from '../places/places.service.js';
import { AvailabilityEvents } from '../realtime/availability-events.js';
import type { HalfDayOccupancy } from './models/half-day-occupancy.model.js';
import type { OfficeOccupancy } from './models/office-occupancy.model.js';
import { OccupancyForbiddenError, OccupancyInvalidDateError } from './occupancy.errors.js';
import { OCCUPANCY_ACCESS_SQL, OCCUPANCY_OFFICE_IDS_SQL, OFFICE_OCCUPANCY_SQL } from './occupancy.sql.js';
import { CoalescedReads } from './occupancy-stream.js';

interface AccessRow {
  id: string;
  name: string;
  allowed: boolean;
  visible: boolean;
}

interface AreaRow {
  area_id: string;
  area_name: string;
  desks: number;
  blocked: number;
  morning_booked: number;
  morning_checked_in: number;
  morning_released: number;
  afternoon_booked: number;
  afternoon_checked_in: number;
  afternoon_released: number;
}

/** What a subscriber receives: the new counts, or the refusal that ends its stream (a revoked role). */
export type OccupancyPush = { readonly occupancy: OfficeOccupancy } | { readonly refusal: DomainError };

/** At most one re-read (and push) per subscriber in this many milliseconds. */
export const OCCUPANCY_PUSH_INTERVAL_MS = 250;

/**
 * Live occupancy of an office for its facility managers and the admins of its operator: counts per area and half
 * of the day, never a person (DESIGN.md §5). Others who can see the office are FORBIDDEN; for the rest it does not
 * exist. Roles are read from the database for every read, so a subscriber whose role is revoked stops hearing.
 */
@Injectable()
export class OccupancyService {
  private readonly logger = new Logger('OccupancyService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly events: AvailabilityEvents,
  ) {}

  async occupancy(
    caller: Caller,
    officeId: string,
    date?: string | null,
    now: Date = new Date(),
  ): Promise<OfficeOccupancy> {
    const day = civilDateOrToday(date, now);
    const office = await this.requireAccess(caller, officeId);
    return this.read(office, day);
  }

  /** Offices whose occupancy the caller may see, by name: the choices of the occupancy board. */
  async offices(caller: Caller): Promise<Office[]> {
    const rows: { id: string }[] = await this.dataSource.query(OCCUPANCY_OFFICE_IDS_SQL, [caller.personId]);
    const offices = await this.places.officesByIds(rows.map((row) => row.id));
    return [...offices.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  /**
   * The occupancy of the office on the date, pushed anew whenever a desk of it changes on that date (booked,
   * cancelled, checked in, released, team days, waitlist hand-overs, blocked or unblocked), at most once per
   * `OCCUPANCY_PUSH_INTERVAL_MS`. Access is checked now (with the query's errors) and again for every push.
   */
  async follow(
    caller: Caller,
    officeId: string,
    date?: string | null,
    now: Date = new Date(),
  ): Promise<AsyncIterableIterator<OccupancyPush>> {
    const day = civilDateOrToday(date, now);
    await this.requireAccess(caller, officeId);
    return new CoalescedReads<OccupancyPush>(
      this.events.listen(officeId, day),
      async () => {
        try {
          const office = await this.requireAccess(caller, officeId);
          return { value: { occupancy: await this.read(office, day) }, end: false };
        } catch (error) {
          if (error instanceof DomainError) return { value: { refusal: error }, end: true };
          throw error;
        }
      },
      OCCUPANCY_PUSH_INTERVAL_MS,
      (error) => this.logger.warn(`Could not re-read the occupancy: ${(error as Error).message}`),
    );
  }

  private async requireAccess(caller: Caller, officeId: string): Promise<{ id: string; name: string }> {
    const rows: AccessRow[] = await this.dataSource.query(OCCUPANCY_ACCESS_SQL, [
      officeId,
      caller.personId,
      caller.organisationId,
    ]);
    const office = rows[0];
    if (!office) throw new OfficeNotFoundError();
    if (!office.allowed) {
      if (!office.visible) throw new OfficeNotFoundError();
      throw new OccupancyForbiddenError();
    }
    return { id: office.id, name: office.name };
  }

  private async read(office: { id: string; name: string }, date: CivilDate): Promise<OfficeOccupancy> {
    const rows: AreaRow[] = await this.dataSource.query(OFFICE_OCCUPANCY_SQL, [office.id, date]);
    const areas = rows.map((row) => ({
      areaId: row.area_id,
      areaName: row.area_name,
      morning: halfDay(row.desks, row.blocked, row.morning_booked, row.morning_checked_in, row.morning_released),
      afternoon: halfDay(
        row.desks,
        row.blocked,
        row.afternoon_booked,
        row.afternoon_checked_in,
        row.afternoon_released,
      ),
    }));
    return {
      officeId: office.id,
      officeName: office.name,
      date,
      areas,
      morning: total(areas.map((area) => area.morning)),
      afternoon: total(areas.map((area) => area.afternoon)),
    };
  }
}

function civilDateOrToday(date: string | null | undefined, now: Date): CivilDate {
  if (date === undefined || date === null) return todayInOfficeZone(now);
  const parsed = parseCivilDate(date);
  if (!parsed.ok) throw new OccupancyInvalidDateError(date);
  return parsed.date;
}

function halfDay(
  desks: number,
  blocked: number,
  booked: number,
  checkedIn: number,
  released: number,
): HalfDayOccupancy {
  return { desks, blocked, booked, checkedIn, released, free: desks - blocked - booked };
}

function total(halves: readonly HalfDayOccupancy[]): HalfDayOccupancy {
  const sum = (pick: (half: HalfDayOccupancy) => number): number => halves.reduce((n, half) => n + pick(half), 0);
  return {
    desks: sum((h) => h.desks),
    booked: sum((h) => h.booked),
    checkedIn: sum((h) => h.checkedIn),
    free: sum((h) => h.free),
    blocked: sum((h) => h.blocked),
    released: sum((h) => h.released),
  };
}
