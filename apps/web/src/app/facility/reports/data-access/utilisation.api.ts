import { DOCUMENT, inject, Injectable } from '@angular/core';

import type { Office } from '../../../core/graphql/api.types';
import { FETCH } from '../../../core/graphql/graphql-endpoint';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';
import { type ClientErrorCode, GraphqlRequestError } from '../../../core/graphql/graphql-request.error';
import type { AppLanguage } from '../../../core/i18n/language';
import { Identity } from '../../../core/identity/identity';
import { OCCUPANCY_OFFICES } from '../../occupancy/data-access/occupancy.api';

/** Desk-days and bookings over a range of days: counts and rates (0..1, null where nothing to divide by). */
export interface UtilisationFigures {
  readonly availableDeskDays: number;
  readonly bookedDeskDays: number;
  readonly utilisationRate: number | null;
  readonly dueBookings: number;
  readonly checkedIn: number;
  readonly checkInRate: number | null;
  readonly noShows: number;
  readonly noShowRate: number | null;
}

export interface AreaUtilisation {
  readonly areaId: string;
  readonly areaName: string;
  readonly figures: UtilisationFigures;
}

export interface WeekdayUtilisation {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly openDays: number;
  readonly peak: boolean;
  readonly figures: UtilisationFigures;
}

export interface OfficeUtilisation {
  readonly officeId: string;
  readonly officeName: string;
  readonly from: string;
  readonly to: string;
  readonly openDays: number;
  readonly figures: UtilisationFigures;
  readonly areas: readonly AreaUtilisation[];
  readonly weekdays: readonly WeekdayUtilisation[];
  readonly peakWeekdays: readonly number[];
}

export interface HeatmapDesk {
  readonly deskId: string;
  readonly code: string;
  readonly blocked: boolean;
  readonly positionX: number | null;
  readonly positionY: number | null;
  readonly availableDeskDays: number;
  readonly bookedDeskDays: number;
  readonly utilisationRate: number | null;
}

export interface HeatmapArea {
  readonly areaId: string;
  readonly areaName: string;
  readonly floorPlanSvg: string | null;
  readonly desks: readonly HeatmapDesk[];
}

export interface DeskHeatmap {
  readonly officeId: string;
  readonly from: string;
  readonly to: string;
  readonly openDays: number;
  readonly areas: readonly HeatmapArea[];
}

/** Which office and which days (civil dates, both included). */
export interface UtilisationQuery {
  readonly officeId: string;
  readonly from: string;
  readonly to: string;
}

const FIGURES = 'availableDeskDays bookedDeskDays utilisationRate dueBookings checkedIn checkInRate noShows noShowRate';

export const OFFICE_UTILISATION = graphqlOperation<{ officeUtilisation: OfficeUtilisation }, UtilisationQuery>(
  `query OfficeUtilisation($officeId: ID!, $from: String!, $to: String!) {
    officeUtilisation(officeId: $officeId, from: $from, to: $to) {
      officeId officeName from to openDays figures { ${FIGURES} }
      areas { areaId areaName figures { ${FIGURES} } }
      weekdays { weekday openDays peak figures { ${FIGURES} } }
      peakWeekdays
    }
  }`,
);

export const DESK_HEATMAP = graphqlOperation<{ deskHeatmap: DeskHeatmap }, UtilisationQuery>(
  `query DeskHeatmap($officeId: ID!, $from: String!, $to: String!) {
    deskHeatmap(officeId: $officeId, from: $from, to: $to) {
      officeId from to openDays
      areas { areaId areaName floorPlanSvg
        desks { deskId code blocked positionX positionY availableDeskDays bookedDeskDays utilisationRate } }
    }
  }`,
);

/** A CSV to download: one office's figures, or without an office one line per office the person sees. */
export type CsvQuery = Omit<UtilisationQuery, 'officeId'> & { readonly officeId?: string };

/** Where the API serves the figures as CSV (it needs the person's credentials, like the .ics download). */
export function utilisationCsvPath(query: CsvQuery, language: AppLanguage): string {
  const parameters = new URLSearchParams({
    ...(query.officeId === undefined ? {} : { officeId: query.officeId }),
    from: query.from,
    to: query.to,
    lang: language,
  });
  return `/reports/utilisation.csv?${parameters.toString()}`;
}

/** The file name the API suggests, else one made from the range. */
export function csvFileName(contentDisposition: string | null, query: CsvQuery): string {
  return /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1] ?? `nahbar-${query.from}-${query.to}.csv`;
}

const CSV_REFUSALS: Readonly<Record<number, ClientErrorCode>> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'OFFICE_NOT_FOUND',
  429: 'RATE_LIMITED',
};

/**
 * The utilisation page's reads: counts and rates, never who (DESIGN.md §5). The CSV is fetched with the person's
 * credentials (a plain link cannot carry the sign-in header) and saved from a Blob.
 */
@Injectable({ providedIn: 'root' })
export class UtilisationApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly fetch = inject(FETCH);
  private readonly identity = inject(Identity);
  private readonly document = inject(DOCUMENT);

  /** Offices whose figures the person sees: the rule of the occupancy board. */
  async offices(signal?: AbortSignal): Promise<Office[]> {
    return (await this.graphql.request(OCCUPANCY_OFFICES, {}, signal)).occupancyOffices;
  }

  async utilisation(query: UtilisationQuery, signal?: AbortSignal): Promise<OfficeUtilisation> {
    return (await this.graphql.request(OFFICE_UTILISATION, { ...query }, signal)).officeUtilisation;
  }

  async heatmap(query: UtilisationQuery, signal?: AbortSignal): Promise<DeskHeatmap> {
    return (await this.graphql.request(DESK_HEATMAP, { ...query }, signal)).deskHeatmap;
  }

  /** Saves the figures as a CSV file with headers in `language`: of one office, or of all the person sees. */
  async downloadCsv(query: CsvQuery, language: AppLanguage): Promise<void> {
    let response = await this.requestCsv(query, language);
    if (response.status === 401 && (await this.identity.renew())) response = await this.requestCsv(query, language);
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      // A 400 names what is wrong with the range, in the file's language: show it as the API's explanation.
      const explanation = response.status === 400 && text ? { de: text, en: text } : undefined;
      throw new GraphqlRequestError(CSV_REFUSALS[response.status] ?? 'UNKNOWN', `HTTP ${response.status}`, explanation);
    }
    this.save(await response.blob(), csvFileName(response.headers.get('content-disposition'), query));
  }

  private async requestCsv(query: CsvQuery, language: AppLanguage): Promise<Response> {
    const credentials = await this.identity.requestHeaders();
    try {
      return await this.fetch(utilisationCsvPath(query, language), { headers: { accept: 'text/csv', ...credentials } });
    } catch (error) {
      throw new GraphqlRequestError('NETWORK', String(error));
    }
  }

  private save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // The browser has started the download by now; the address can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
