import {
  type CivilDate,
  groupUtilisation,
  holidaysInRange,
  isWeekday,
  NO_UTILISATION,
  officeClock,
  peakWeekdays,
  sumUtilisation,
  type UtilisationCounts,
  utilisationFigures,
  type Weekday,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { DeskHeatmap, HeatmapArea } from './models/desk-heatmap.model.js';
import type { OfficeUtilisation } from './models/office-utilisation.model.js';
import { DESK_UTILISATION_SQL, REPORT_AREAS_SQL, REPORT_OFFICES_SQL, UTILISATION_SQL } from './utilisation.sql.js';

export interface ReportRange {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

export interface OfficeRow {
  id: string;
  name: string;
  opening_weekdays: number[];
}

export interface AreaRow {
  id: string;
  office_id: string;
  name: string;
  floor_plan_svg: string | null;
}

export interface UtilisationRow {
  office_id: string;
  area_id: string;
  weekday: number | null;
  open_days: number;
  available_desk_days: number;
  booked_half_days: number;
  due_bookings: number;
  checked_in: number;
  no_shows: number;
}

export interface DeskRow {
  desk_id: string;
  office_id: string;
  area_id: string;
  code: string;
  active: boolean;
  position_x: number | null;
  position_y: number | null;
  open_days: number;
  available_desk_days: number;
  booked_half_days: number;
}

/**
 * Reads utilisation figures: three set-based statements for any number of offices (offices, areas, counts per
 * office × area × weekday), two for a heatmap; the sums and rates are the domain library's. Authorisation is the
 * caller's (ReportsService).
 */
@Injectable()
export class UtilisationReader {
  constructor(private readonly dataSource: DataSource) {}

  async offices(officeIds: readonly string[], range: ReportRange, now: Date): Promise<OfficeUtilisation[]> {
    if (officeIds.length === 0) return [];
    const { today, time } = officeClock(now);
    const holidays = holidaysInRange(range.from, range.to);
    const offices: OfficeRow[] = await this.dataSource.query(REPORT_OFFICES_SQL, [officeIds]);
    const areas: AreaRow[] = await this.dataSource.query(REPORT_AREAS_SQL, [officeIds, false]);
    const rows: UtilisationRow[] = await this.dataSource.query(UTILISATION_SQL, [
      officeIds,
      range.from,
      range.to,
      holidays.lands,
      holidays.dates,
      today,
      time,
    ]);
    return assembleOfficeUtilisation(offices, areas, rows, range);
  }

  async heatmap(officeId: string, range: ReportRange): Promise<DeskHeatmap> {
    const holidays = holidaysInRange(range.from, range.to);
    const [office]: OfficeRow[] = await this.dataSource.query(REPORT_OFFICES_SQL, [[officeId]]);
    const areas: AreaRow[] = await this.dataSource.query(REPORT_AREAS_SQL, [[officeId], true]);
    const desks: DeskRow[] = await this.dataSource.query(DESK_UTILISATION_SQL, [
      [officeId],
      range.from,
      range.to,
      holidays.lands,
      holidays.dates,
    ]);
    return assembleHeatmap(office ?? { id: officeId, name: '', opening_weekdays: [] }, areas, desks, range);
  }
}

const countsOf = (row: UtilisationRow): UtilisationCounts => ({
  availableDeskDays: row.available_desk_days,
  bookedHalfDays: row.booked_half_days,
  dueBookings: row.due_bookings,
  checkedIn: row.checked_in,
  noShows: row.no_shows,
});

/** The figures of each office from the counted rows: totals, per area (in the areas' order), per opening weekday. */
export function assembleOfficeUtilisation(
  offices: readonly OfficeRow[],
  areas: readonly AreaRow[],
  rows: readonly UtilisationRow[],
  range: ReportRange,
): OfficeUtilisation[] {
  return offices.map((office) => {
    const own = rows.filter((row) => row.office_id === office.id);
    const byArea = groupUtilisation(
      own.map((row) => ({ ...countsOf(row), areaId: row.area_id })),
      (r) => r.areaId,
    );
    const dated = own.filter((row): row is UtilisationRow & { weekday: Weekday } => isWeekday(row.weekday));
    const byWeekday = groupUtilisation(
      dated.map((row) => ({ ...countsOf(row), weekday: row.weekday })),
      (r) => r.weekday,
    );
    const openDaysOf = new Map<number, number>(dated.map((row) => [row.weekday, row.open_days]));
    const weekdays = [...new Set([...office.opening_weekdays, ...byWeekday.keys()])]
      .filter(isWeekday)
      .sort((a, b) => a - b);
    const weekdayCounts = weekdays.map((weekday) => ({ weekday, counts: byWeekday.get(weekday) ?? NO_UTILISATION }));
    const peaks = peakWeekdays(weekdayCounts);
    return {
      officeId: office.id,
      officeName: office.name,
      from: range.from,
      to: range.to,
      openDays: [...openDaysOf.values()].reduce((sum, days) => sum + days, 0),
      figures: utilisationFigures(sumUtilisation(byArea.values())),
      areas: areas
        .filter((area) => area.office_id === office.id)
        .map((area) => ({
          areaId: area.id,
          areaName: area.name,
          figures: utilisationFigures(byArea.get(area.id) ?? NO_UTILISATION),
        })),
      weekdays: weekdayCounts.map(({ weekday, counts }) => ({
        weekday,
        openDays: openDaysOf.get(weekday) ?? 0,
        peak: peaks.includes(weekday),
        figures: utilisationFigures(counts),
      })),
      peakWeekdays: peaks,
    };
  });
}

/** The desks of an office by area (in the areas' order, desks by code), with their use. */
export function assembleHeatmap(
  office: OfficeRow,
  areas: readonly AreaRow[],
  desks: readonly DeskRow[],
  range: ReportRange,
): DeskHeatmap {
  const byArea = new Map<string, HeatmapArea>(
    areas.map((area) => [
      area.id,
      { areaId: area.id, areaName: area.name, floorPlanSvg: area.floor_plan_svg, desks: [] },
    ]),
  );
  for (const desk of desks) {
    const figures = utilisationFigures({
      ...NO_UTILISATION,
      availableDeskDays: desk.available_desk_days,
      bookedHalfDays: desk.booked_half_days,
    });
    byArea.get(desk.area_id)?.desks.push({
      deskId: desk.desk_id,
      code: desk.code,
      blocked: !desk.active,
      positionX: desk.position_x,
      positionY: desk.position_y,
      availableDeskDays: figures.availableDeskDays,
      bookedDeskDays: figures.bookedDeskDays,
      utilisationRate: figures.utilisationRate,
    });
  }
  return {
    officeId: office.id,
    officeName: office.name,
    from: range.from,
    to: range.to,
    openDays: desks[0]?.open_days ?? 0,
    areas: [...byArea.values()],
  };
}
