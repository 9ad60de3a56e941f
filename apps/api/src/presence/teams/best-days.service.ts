import {
  addDays,
  capacityCap,
  type CivilDate,
  type Closure,
  compareCivilDates,
  DAY_PARTS,
  type DayPart,
  daysBetween,
  halvesOf,
  isLand,
  isWeekday,
  type OfficeCalendar,
  parseCivilDate,
  partsOverlap,
  type PresenceDayCandidate,
  rankPresenceDays,
  todayInOfficeZone,
  whyClosed,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../../identity/caller.js';
import { OfficeNotFoundError } from '../../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../../places/places.service.js';
import { InvalidDateRangeError } from '../presence.errors.js';
import { TeamAccess } from '../team-access.js';
import type { BestPresenceDaysInput } from './dto/best-presence-days.input.js';
import type { PresenceDaySuggestion } from './models/presence-day-suggestion.model.js';
import { TooManyOfficesError } from './teams.errors.js';

/** Longest range of best days, in days (both ends included). */
export const MAX_BEST_DAYS_RANGE = 62;
/** Most offices a lead may name for best days (leaving them out considers every office the team may book). */
export const MAX_BEST_DAYS_OFFICES = 50;

interface OfficeRow {
  id: string;
  land: string;
  opening_weekdays: number[];
  capacity_share: number | null;
  active_desks: number;
}

interface OccupancyRow {
  office_id: string;
  date: CivilDate;
  /** Active desks with a live booking overlapping the part. */
  taken: number;
  morning: number;
  afternoon: number;
}

interface OfficeState {
  readonly calendar: OfficeCalendar;
  readonly capacityShare: number | null;
  readonly activeDesks: number;
}

/**
 * Best days (issue 5): for every open date of the range × every office the team's organisation may book, how many
 * members can be there together. A handful of set-based queries whatever the number of offices and dates (members,
 * offices, closures, occupancy per office and date, the members' bookings, the AWAY answers), then the domain
 * library decides which days are open (holidays of each office's Land, closures, weekdays) and ranks. Counts only:
 * nothing about who leaves this service.
 */
@Injectable()
export class BestDaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TeamAccess,
    private readonly places: PlacesService,
  ) {}

  async bestDays(
    caller: Caller,
    input: BestPresenceDaysInput,
    now: Date = new Date(),
  ): Promise<PresenceDaySuggestion[]> {
    const grant = await this.access.lead(caller, input.teamId);
    const { from, to } = requireRange(input.from, input.to);
    if (input.officeIds && input.officeIds.length > MAX_BEST_DAYS_OFFICES) {
      throw new TooManyOfficesError(MAX_BEST_DAYS_OFFICES);
    }
    const officeIds = input.officeIds ? [...new Set(input.officeIds)] : null;
    const today = todayInOfficeZone(now);
    const first = compareCivilDates(from, today) < 0 ? today : from;
    if (compareCivilDates(first, to) > 0) return [];

    const members: { person_id: string }[] = await this.dataSource.query(
      'SELECT person_id FROM team_members WHERE team_id = $1',
      [grant.teamId],
    );
    const memberIds = members.map((member) => member.person_id);
    if (memberIds.length === 0) return [];

    const offices = await this.offices(grant.organisationId, officeIds, first, to);
    if (officeIds && offices.size < officeIds.length) throw new OfficeNotFoundError();
    if (offices.size === 0) return [];
    const ids = [...offices.keys()];
    const part = input.part;
    const overlapping = DAY_PARTS.filter((candidate) => partsOverlap(candidate, part));

    const occupancy: OccupancyRow[] = await this.dataSource.query(
      `SELECT d.office_id, b.date::text AS date,
              count(DISTINCT b.desk_id) FILTER (WHERE d.active AND b.part = ANY($4::text[]))::int AS taken,
              count(*) FILTER (WHERE b.part IN ('MORNING', 'FULL_DAY'))::int AS morning,
              count(*) FILTER (WHERE b.part IN ('AFTERNOON', 'FULL_DAY'))::int AS afternoon
         FROM bookings b JOIN desks d ON d.id = b.desk_id
        WHERE d.office_id = ANY($1::uuid[]) AND b.date BETWEEN $2 AND $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
        GROUP BY d.office_id, b.date`,
      [ids, first, to, overlapping],
    );
    const memberBookings: { person_id: string; date: CivilDate; office_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT b.person_id, b.date::text AS date, d.office_id
         FROM bookings b JOIN desks d ON d.id = b.desk_id
        WHERE b.person_id = ANY($1::uuid[]) AND b.date BETWEEN $2 AND $3 AND b.status IN ('BOOKED', 'CHECKED_IN')
          AND b.part = ANY($4::text[])`,
      [memberIds, first, to, overlapping],
    );
    const awayAnswers: { person_id: string; date: CivilDate }[] = await this.dataSource.query(
      `SELECT DISTINCT a.person_id, pd.date::text AS date
         FROM presence_answers a JOIN presence_days pd ON pd.id = a.presence_day_id
         JOIN team_members m ON m.team_id = pd.team_id AND m.person_id = a.person_id
        WHERE pd.team_id = $1 AND pd.status = 'PLANNED' AND a.answer = 'AWAY' AND pd.date BETWEEN $2 AND $3`,
      [grant.teamId, first, to],
    );

    const occupancyByKey = new Map(occupancy.map((row) => [`${row.office_id}/${row.date}`, row]));
    const bookingsByDate = groupByDate(memberBookings, (row) => row.date);
    const awayByDate = groupByDate(awayAnswers, (row) => row.date);
    const candidates: PresenceDayCandidate[] = [];
    for (let date = first; compareCivilDates(date, to) <= 0; date = addDays(date, 1)) {
      // Per member that date: the offices they are booked at (overlapping the part), and whether they answered AWAY.
      const officesOf = new Map<string, Set<string>>();
      for (const row of bookingsByDate.get(date) ?? []) {
        const set = officesOf.get(row.person_id) ?? new Set<string>();
        set.add(row.office_id);
        officesOf.set(row.person_id, set);
      }
      const away = new Set((awayByDate.get(date) ?? []).map((row) => row.person_id));
      for (const [officeId, office] of offices) {
        if (whyClosed(office.calendar, date) !== undefined) continue;
        let bookedElsewhere = 0;
        let bookedHere = 0;
        for (const booked of officesOf.values()) {
          if ([...booked].some((id) => id !== officeId)) bookedElsewhere += 1;
        }
        let awayCount = 0;
        for (const personId of away) {
          const booked = officesOf.get(personId);
          if (!booked || ![...booked].some((id) => id !== officeId)) awayCount += 1;
        }
        for (const [personId, booked] of officesOf) {
          if (booked.size === 1 && booked.has(officeId) && !away.has(personId)) bookedHere += 1;
        }
        candidates.push({
          date,
          officeId,
          members: memberIds.length,
          bookedElsewhere,
          away: awayCount,
          bookedHere,
          freeDesks: freeDesks(office, occupancyByKey.get(`${officeId}/${date}`), part),
        });
      }
    }

    const ranked = rankPresenceDays(candidates, input.limit);
    const officeModels = await this.places.officesByIds([...new Set(ranked.map((day) => day.officeId))]);
    return ranked.flatMap((day) => {
      const office = officeModels.get(day.officeId);
      return office
        ? [
            {
              date: day.date,
              office,
              members: day.members,
              canCome: day.canCome,
              bookedElsewhere: day.bookedElsewhere,
              away: day.away,
              freeDesks: day.freeDesks,
              explanation: { de: day.explanation.de, en: day.explanation.en },
            },
          ]
        : [];
    });
  }

  /** The offices the organisation may book (it runs them or they are shared with it), with their calendars. */
  private async offices(
    organisationId: string,
    officeIds: readonly string[] | null,
    first: CivilDate,
    last: CivilDate,
  ): Promise<Map<string, OfficeState>> {
    const rows: OfficeRow[] = await this.dataSource.query(
      `SELECT f.id, m.land, f.opening_weekdays::int[] AS opening_weekdays,
              f.capacity_share::float8 AS capacity_share,
              (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS active_desks
         FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
        WHERE ${officeOpenTo(1)} AND ($2::uuid[] IS NULL OR f.id = ANY($2::uuid[]))`,
      [organisationId, officeIds],
    );
    const closures: { office_id: string; starts_on: CivilDate; ends_on: CivilDate; reason: string }[] =
      rows.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT office_id, starts_on::text AS starts_on, ends_on::text AS ends_on, reason FROM office_closures
              WHERE office_id = ANY($1::uuid[]) AND starts_on <= $3 AND ends_on >= $2`,
            [rows.map((row) => row.id), first, last],
          );
    const result = new Map<string, OfficeState>();
    for (const row of rows) {
      if (!isLand(row.land)) throw new Error(`Office ${row.id} lies in an unknown Land: ${row.land}`);
      result.set(row.id, {
        calendar: {
          land: row.land,
          openingWeekdays: new Set(row.opening_weekdays.map(Number).filter(isWeekday)),
          closures: closures
            .filter((closure) => closure.office_id === row.id)
            .map((closure): Closure => ({ from: closure.starts_on, to: closure.ends_on, reason: closure.reason })),
        },
        capacityShare: row.capacity_share === null ? null : Number(row.capacity_share),
        activeDesks: Number(row.active_desks),
      });
    }
    return result;
  }
}

/**
 * Desks still bookable for `part`: active desks with no live booking overlapping it, and no more than the capacity
 * cap leaves (the cap counts every live booking of each half-day, as `decideBooking` does).
 */
function freeDesks(office: OfficeState, occupancy: OccupancyRow | undefined, part: DayPart): number {
  const unbooked = office.activeDesks - (occupancy?.taken ?? 0);
  if (office.capacityShare === null) return Math.max(0, unbooked);
  const cap = capacityCap(office.capacityShare, office.activeDesks);
  const used = Math.max(
    ...halvesOf(part).map((half) => (half === 'MORNING' ? (occupancy?.morning ?? 0) : (occupancy?.afternoon ?? 0))),
  );
  return Math.max(0, Math.min(unbooked, cap - used));
}

function requireRange(fromInput: string, toInput: string): { from: CivilDate; to: CivilDate } {
  const from = parseCivilDate(fromInput);
  const to = parseCivilDate(toInput);
  if (!from.ok || !to.ok) throw new InvalidDateRangeError(MAX_BEST_DAYS_RANGE);
  const days = daysBetween(from.date, to.date) + 1;
  if (days < 1 || days > MAX_BEST_DAYS_RANGE) throw new InvalidDateRangeError(MAX_BEST_DAYS_RANGE);
  return { from: from.date, to: to.date };
}

function groupByDate<Row>(rows: readonly Row[], dateOf: (row: Row) => CivilDate): Map<CivilDate, Row[]> {
  const result = new Map<CivilDate, Row[]>();
  for (const row of rows) {
    const list = result.get(dateOf(row)) ?? [];
    list.push(row);
    result.set(dateOf(row), list);
  }
  return result;
}
