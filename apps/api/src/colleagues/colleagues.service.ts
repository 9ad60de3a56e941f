import {
  addDays,
  type CivilDate,
  compareCivilDates,
  type DayPart,
  nearestSeat,
  type SeatCandidate,
  todayInOfficeZone,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AvailabilityService, requireCivilDate } from '../bookings/availability.service.js';
import { BookingsErrorCode } from '../bookings/bookings.errors.js';
import { BookingsService } from '../bookings/bookings.service.js';
import type { Booking } from '../bookings/models/booking.model.js';
import { DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import { DeskNotFoundError } from '../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import {
  ColleagueNotFoundError,
  ColleagueNotInError,
  MIN_SEARCH_LENGTH,
  NoFreeDeskError,
  SearchTooShortError,
} from './colleagues.errors.js';
import type { BookNextToInput } from './dto/book-next-to.input.js';
import type { Colleague } from './models/colleague.model.js';
import type { ColleagueInOffice } from './models/colleague-in-office.model.js';
import type { ColleagueDay, FavouriteColleague } from './models/favourite-colleague.model.js';
import type { FavouriteDesk } from './models/favourite-desk.model.js';

/**
 * Whether person `alias` lets the caller (person id in parameter `$n`) see when they are in (DESIGN.md §5): never
 * with visibility NOBODY (the default); with TEAMS when the two share a team; with ORGANISATION when they share the
 * organisation, or a team (ORGANISATION is the wider choice and includes the teams). Never the caller themselves.
 */
export function visibleTo(parameter: number, alias = 'p'): string {
  const caller = `$${parameter}::uuid`;
  return `(${alias}.id <> ${caller} AND (
    (${alias}.visibility = 'ORGANISATION'
      AND ${alias}.organisation_id = (SELECT c.organisation_id FROM people c WHERE c.id = ${caller}))
    OR (${alias}.visibility IN ('TEAMS', 'ORGANISATION') AND EXISTS (
      SELECT 1 FROM team_members mine JOIN team_members theirs ON theirs.team_id = mine.team_id
      WHERE mine.person_id = ${caller} AND theirs.person_id = ${alias}.id))))`;
}

/** How many days ahead (today included) the favourites list shows where favourite colleagues are. */
export const FAVOURITE_COLLEAGUE_DAYS = 14;
const SEARCH_LIMIT = 20;
/** A desk lost to a racing booking makes `bookNextTo` try the next nearest; this many times at most. */
const BOOK_NEXT_TO_ATTEMPTS = 3;

interface InOfficeRow {
  person_id: string;
  display_name: string;
  favourite: boolean;
  part: DayPart;
  desk_id: string;
  desk_code: string;
  area_id: string;
  area_name: string;
}

interface FavouriteDeskRow {
  desk_id: string;
  code: string;
  area_id: string;
  area_name: string;
  office_id: string;
  office_name: string;
  blocked: boolean;
}

interface ColleagueDayRow {
  person_id: string;
  date: CivilDate;
  part: DayPart;
  office_id: string;
  office_name: string;
  desk_id: string;
  desk_code: string;
  area_name: string;
}

const FAVOURITE_DESK_SELECT = `
  SELECT d.id AS desk_id, d.code, a.id AS area_id, a.name AS area_name, f.id AS office_id, f.name AS office_name,
         NOT d.active AS blocked
  FROM desks d JOIN areas a ON a.id = d.area_id JOIN offices f ON f.id = d.office_id`;

/**
 * "Who is in", favourite desks and colleagues, and booking next to a colleague (issue 6). Every read of another person
 * goes through `visibleTo`: a colleague who has not chosen to be seen never appears, not in lists, not in errors.
 */
@Injectable()
export class ColleaguesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly availability: AvailabilityService,
    private readonly bookings: BookingsService,
  ) {}

  /**
   * The colleagues who let the caller see it and hold a live booking at the office on the date: favourites first,
   * then by name. Past dates give an empty list: "who is in" is never a record of who was there.
   */
  async whosIn(caller: Caller, officeId: string, date: string, now = new Date()): Promise<ColleagueInOffice[]> {
    const day = requireCivilDate(date);
    await this.places.office(caller, officeId);
    if (compareCivilDates(day, todayInOfficeZone(now)) < 0) return [];
    const rows: InOfficeRow[] = await this.dataSource.query(
      `SELECT p.id AS person_id, p.display_name, (fc.colleague_id IS NOT NULL) AS favourite, b.part,
              d.id AS desk_id, d.code AS desk_code, a.id AS area_id, a.name AS area_name
       FROM bookings b
       JOIN desks d ON d.id = b.desk_id
       JOIN areas a ON a.id = d.area_id
       JOIN people p ON p.id = b.person_id
       LEFT JOIN favourite_colleagues fc ON fc.person_id = $3 AND fc.colleague_id = p.id
       WHERE d.office_id = $1 AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN') AND ${visibleTo(3)}
       ORDER BY favourite DESC, p.display_name, p.id,
                CASE b.part WHEN 'MORNING' THEN 0 WHEN 'FULL_DAY' THEN 1 ELSE 2 END`,
      [officeId, day, caller.personId],
    );
    return rows.map((row) => ({
      colleague: { id: row.person_id, displayName: row.display_name, favourite: row.favourite },
      part: row.part,
      deskId: row.desk_id,
      deskCode: row.desk_code,
      areaId: row.area_id,
      areaName: row.area_name,
    }));
  }

  /** Colleagues who let the caller see them, whose name contains the text (at least two letters), at most 20. */
  async search(caller: Caller, query: string): Promise<Colleague[]> {
    const text = query.trim();
    if ([...text].length < MIN_SEARCH_LENGTH) throw new SearchTooShortError();
    const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const rows: { id: string; display_name: string; favourite: boolean }[] = await this.dataSource.query(
      `SELECT p.id, p.display_name, EXISTS (
                SELECT 1 FROM favourite_colleagues fc WHERE fc.person_id = $1 AND fc.colleague_id = p.id) AS favourite
       FROM people p
       WHERE p.display_name ILIKE $2 AND ${visibleTo(1)}
       ORDER BY p.display_name, p.id LIMIT ${SEARCH_LIMIT}`,
      [caller.personId, pattern],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, favourite: row.favourite }));
  }

  /** The caller's favourite desks at offices still open to them, by office, area and code. */
  async favouriteDesks(caller: Caller): Promise<FavouriteDesk[]> {
    const rows: FavouriteDeskRow[] = await this.dataSource.query(
      `${FAVOURITE_DESK_SELECT}
       JOIN favourite_desks fd ON fd.desk_id = d.id AND fd.person_id = $1
       WHERE ${officeOpenTo(2)}
       ORDER BY f.name, a.sort_order, a.name, d.code`,
      [caller.personId, caller.organisationId],
    );
    return rows.map(toFavouriteDesk);
  }

  /** Marks a desk of an office open to the caller as a favourite (again: no change). Others read as not found. */
  async addFavouriteDesk(caller: Caller, deskId: string): Promise<FavouriteDesk> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: FavouriteDeskRow[] = await manager.query(
        `${FAVOURITE_DESK_SELECT} WHERE d.id = $1 AND ${officeOpenTo(2)}`,
        [deskId, caller.organisationId],
      );
      if (!row) throw new DeskNotFoundError();
      await manager.query(`INSERT INTO favourite_desks (person_id, desk_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        caller.personId,
        deskId,
      ]);
      return toFavouriteDesk(row);
    });
  }

  /** Removes a favourite desk; false when it was none. */
  async removeFavouriteDesk(caller: Caller, deskId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM favourite_desks WHERE person_id = $1 AND desk_id = $2 RETURNING desk_id`,
      [caller.personId, deskId],
    );
    return rows.length > 0;
  }

  /**
   * The caller's favourite colleagues by name, each with the days over the next two weeks on which they have booked
   * at an office the caller may book, while they let the caller see it (`visible`).
   */
  async favouriteColleagues(caller: Caller, now = new Date()): Promise<FavouriteColleague[]> {
    const people: { id: string; display_name: string; visible: boolean }[] = await this.dataSource.query(
      `SELECT p.id, p.display_name, ${visibleTo(1)} AS visible
       FROM favourite_colleagues fc JOIN people p ON p.id = fc.colleague_id
       WHERE fc.person_id = $1
       ORDER BY p.display_name, p.id`,
      [caller.personId],
    );
    const visible = people.filter((person) => person.visible).map((person) => person.id);
    const today = todayInOfficeZone(now);
    const days: ColleagueDayRow[] =
      visible.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT b.person_id, b.date, b.part, f.id AS office_id, f.name AS office_name, d.id AS desk_id,
                    d.code AS desk_code, a.name AS area_name
             FROM bookings b
             JOIN desks d ON d.id = b.desk_id
             JOIN areas a ON a.id = d.area_id
             JOIN offices f ON f.id = d.office_id
             WHERE b.person_id = ANY($1::uuid[]) AND b.date BETWEEN $2 AND $3
               AND b.status IN ('BOOKED', 'CHECKED_IN') AND ${officeOpenTo(4)}
             ORDER BY b.date, b.part`,
            [visible, today, addDays(today, FAVOURITE_COLLEAGUE_DAYS - 1), caller.organisationId],
          );
    return people.map((person) => ({
      id: person.id,
      displayName: person.display_name,
      visible: person.visible,
      upcoming: days.filter((day) => day.person_id === person.id).map(toColleagueDay),
    }));
  }

  /** Marks a colleague who lets the caller see them as a favourite (again: no change). Anyone else: not found. */
  async addFavouriteColleague(caller: Caller, colleagueId: string): Promise<Colleague> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { id: string; display_name: string }[] = await manager.query(
        `SELECT p.id, p.display_name FROM people p WHERE p.id = $1 AND ${visibleTo(2)}`,
        [colleagueId, caller.personId],
      );
      if (!row) throw new ColleagueNotFoundError();
      await manager.query(
        `INSERT INTO favourite_colleagues (person_id, colleague_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [caller.personId, colleagueId],
      );
      return { id: row.id, displayName: row.display_name, favourite: true };
    });
  }

  /** Removes a favourite colleague (also one who no longer lets the caller see them); false when it was none. */
  async removeFavouriteColleague(caller: Caller, colleagueId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM favourite_colleagues WHERE person_id = $1 AND colleague_id = $2 RETURNING colleague_id`,
      [caller.personId, colleagueId],
    );
    return rows.length > 0;
  }

  /**
   * Books the free desk nearest to a colleague's desk on the date (their desk for the part of the day asked for, when
   * they hold two; `nearestSeat`: same area first, by floor-plan
   * position, else by desk number), through the ordinary booking, so every rule holds and the same refusals come
   * back. A desk lost to a racing booking makes it try the next nearest, up to three times.
   */
  async bookNextTo(caller: Caller, input: BookNextToInput, now = new Date()): Promise<Booking> {
    const date = requireCivilDate(input.date);
    const [colleague]: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT p.id, p.display_name FROM people p WHERE p.id = $1 AND ${visibleTo(2)}`,
      [input.colleagueId, caller.personId],
    );
    if (!colleague) throw new ColleagueNotFoundError();
    const [seat]: {
      office_id: string;
      desk_id: string;
      area_id: string;
      code: string;
      x: number | null;
      y: number | null;
    }[] = await this.dataSource.query(
      `SELECT d.office_id, d.id AS desk_id, d.area_id, d.code, d.position_x AS x, d.position_y AS y
         FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN offices f ON f.id = d.office_id
         WHERE b.person_id = $1 AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN') AND ${officeOpenTo(3)}
         ORDER BY (b.part = $4 OR b.part = 'FULL_DAY' OR $4 = 'FULL_DAY') DESC,
                  CASE b.part WHEN 'MORNING' THEN 0 WHEN 'FULL_DAY' THEN 1 ELSE 2 END
         LIMIT 1`,
      [colleague.id, date, caller.organisationId, input.part],
    );
    if (!seat) throw new ColleagueNotInError(colleague.display_name, date);
    const beside: SeatCandidate = { deskId: seat.desk_id, areaId: seat.area_id, code: seat.code, x: seat.x, y: seat.y };

    const tried = new Set<string>();
    for (let attempt = 1; ; attempt += 1) {
      const free: SeatCandidate[] = (await this.availability.forOffice(caller, seat.office_id, date, input.part))
        .filter((desk) => desk.free && !tried.has(desk.deskId))
        .map((desk) => ({
          deskId: desk.deskId,
          areaId: desk.areaId,
          code: desk.code,
          x: desk.positionX,
          y: desk.positionY,
        }));
      const choice = nearestSeat(free, [beside]);
      if (!choice) throw new NoFreeDeskError();
      try {
        return await this.bookings.book(caller, { deskId: choice.deskId, date, part: input.part }, now);
      } catch (error) {
        const lostRace = error instanceof DomainError && error.code === BookingsErrorCode.DeskTaken;
        if (!lostRace || attempt >= BOOK_NEXT_TO_ATTEMPTS) throw error;
        tried.add(choice.deskId);
      }
    }
  }
}

function toFavouriteDesk(row: FavouriteDeskRow): FavouriteDesk {
  return {
    deskId: row.desk_id,
    code: row.code,
    areaId: row.area_id,
    areaName: row.area_name,
    officeId: row.office_id,
    officeName: row.office_name,
    blocked: row.blocked,
  };
}

function toColleagueDay(row: ColleagueDayRow): ColleagueDay {
  return {
    date: row.date,
    part: row.part,
    officeId: row.office_id,
    officeName: row.office_name,
    deskId: row.desk_id,
    deskCode: row.desk_code,
    areaName: row.area_name,
  };
}
