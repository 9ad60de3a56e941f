import {
  checkUtilisationRange,
  type Language,
  NO_UTILISATION,
  sumUtilisation,
  type UtilisationCounts,
  utilisationFigures,
} from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { OCCUPANCY_ACCESS_SQL, OCCUPANCY_OFFICE_IDS_SQL } from '../occupancy/occupancy.sql.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import type { DeskHeatmap } from './models/desk-heatmap.model.js';
import type { OfficeUtilisation, UtilisationOverview } from './models/office-utilisation.model.js';
import type { UtilisationFigures } from './models/utilisation-figures.model.js';
import { ReportsForbiddenError, ReportsInvalidDateError, ReportsInvalidRangeError } from './reports.errors.js';
import { type ReportRange, UtilisationReader } from './utilisation.reader.js';
import { officeUtilisationCsv, overviewCsv, utilisationCsvFileName } from './utilisation-csv.js';

/** A CSV file of utilisation figures. */
export interface CsvFile {
  readonly fileName: string;
  readonly content: string;
}

/**
 * Utilisation reports for the people who see an office's occupancy (the same rule, OCCUPANCY_ACCESS_SQL): its
 * facility managers and the admins of the organisation that runs it. Others who can see the office are FORBIDDEN;
 * for the rest it does not exist. Counts and rates only, never a person (DESIGN.md §5).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: UtilisationReader,
  ) {}

  async officeUtilisation(
    caller: Caller,
    officeId: string,
    from: string,
    to: string,
    now: Date = new Date(),
  ): Promise<OfficeUtilisation> {
    const range = checkedRange(from, to);
    await this.requireAccess(caller, officeId);
    const [report] = await this.reader.offices([officeId], range, now);
    if (!report) throw new OfficeNotFoundError();
    return report;
  }

  /** Every office whose figures the caller sees, by name, with the total over all of them. */
  async overview(caller: Caller, from: string, to: string, now: Date = new Date()): Promise<UtilisationOverview> {
    const range = checkedRange(from, to);
    const reports = await this.reader.offices(await this.visibleOfficeIds(caller), range, now);
    return {
      from: range.from,
      to: range.to,
      offices: reports
        .map((report) => ({
          officeId: report.officeId,
          officeName: report.officeName,
          openDays: report.openDays,
          figures: report.figures,
          peakWeekdays: report.peakWeekdays,
        }))
        .sort((a, b) => a.officeName.localeCompare(b.officeName, 'de')),
      figures: utilisationFigures(sumUtilisation(reports.map((report) => countsOf(report.figures)))),
    };
  }

  async heatmap(caller: Caller, officeId: string, from: string, to: string): Promise<DeskHeatmap> {
    const range = checkedRange(from, to);
    await this.requireAccess(caller, officeId);
    return this.reader.heatmap(officeId, range);
  }

  /**
   * The figures as a CSV file: of one office (total, areas, weekdays, desks) or, without an office, the overview of
   * every office the caller sees. Same rules and errors as the queries.
   */
  async csv(
    caller: Caller,
    request: { readonly officeId?: string; readonly from: string; readonly to: string; readonly language: Language },
    now: Date = new Date(),
  ): Promise<CsvFile> {
    const { officeId, language } = request;
    const range = checkedRange(request.from, request.to);
    if (officeId === undefined) {
      const overview = await this.overview(caller, range.from, range.to, now);
      return { fileName: utilisationCsvFileName(range, language), content: overviewCsv(overview, language) };
    }
    const report = await this.officeUtilisation(caller, officeId, range.from, range.to, now);
    const heatmap = await this.reader.heatmap(officeId, range);
    return {
      fileName: utilisationCsvFileName(range, language),
      content: officeUtilisationCsv(report, heatmap, language),
    };
  }

  private async requireAccess(caller: Caller, officeId: string): Promise<void> {
    const [office]: { allowed: boolean; visible: boolean }[] = await this.dataSource.query(OCCUPANCY_ACCESS_SQL, [
      officeId,
      caller.personId,
      caller.organisationId,
    ]);
    if (!office) throw new OfficeNotFoundError();
    if (!office.allowed) {
      if (!office.visible) throw new OfficeNotFoundError();
      throw new ReportsForbiddenError();
    }
  }

  /** Offices the caller manages or whose operator they administer (roles read from the database). */
  private async visibleOfficeIds(caller: Caller): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(OCCUPANCY_OFFICE_IDS_SQL, [caller.personId]);
    return rows.map((row) => row.id);
  }
}

function checkedRange(from: string, to: string): ReportRange {
  const checked = checkUtilisationRange(from, to);
  if (checked.ok) return { from: checked.from, to: checked.to };
  switch (checked.reason) {
    case 'MALFORMED_FROM':
      throw new ReportsInvalidDateError(from);
    case 'MALFORMED_TO':
      throw new ReportsInvalidDateError(to);
    default:
      throw new ReportsInvalidRangeError(checked.reason);
  }
}

/** Back from figures to counts, to add offices up (booked desk-days are whole or half). */
function countsOf(figures: UtilisationFigures): UtilisationCounts {
  return {
    ...NO_UTILISATION,
    availableDeskDays: figures.availableDeskDays,
    bookedHalfDays: Math.round(figures.bookedDeskDays * 2),
    dueBookings: figures.dueBookings,
    checkedIn: figures.checkedIn,
    noShows: figures.noShows,
  };
}
