import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

import { errorMessageFor } from '../../core/errors/error-messages';
import { activeLanguage, formatNumber } from '../../core/i18n/language';
import { formatCivilDate, isCivilDate, todayInOfficeZone } from '../../shared/date/civil-date';
import { StatusMessage, type StatusNote } from '../../shared/ui/status-message';
import { OfficeChoice } from '../ui/office-choice';
import { UtilisationApi, type UtilisationFigures, type UtilisationQuery } from './data-access/utilisation.api';
import { DeskHeatmap } from './ui/desk-heatmap';
import { type ChartSeries, UtilisationChart } from './ui/utilisation-chart';
import { UtilisationTable, type UtilisationTableRow } from './ui/utilisation-table';
import {
  defaultRange,
  deskDaysText,
  heatAreas,
  peakText,
  percentText,
  rangeProblem,
  weekdayLabel,
} from './utilisation.labels';

/** Query parameters of the page: office and range (civil dates); the last four weeks when missing. */
export const UTILISATION_QUERY_PARAMS = { office: 'buero', from: 'von', to: 'bis' } as const;

/** Colours of the chart's series (Okabe–Ito, told apart with colour vision deficiencies); the legend names them. */
const SERIES_COLOURS = { utilisation: '#0072b2', checkIn: '#009e73', noShow: '#d55e00' } as const;

const toPercent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * Utilisation (/standort/auslastung): for an office the person manages (or whose operator they administer) and a
 * range of days, how many desk-days were available and booked, how many bookings were checked in and how many were
 * no-shows: in total, per weekday and per area, as charts with the same figures in tables, the desks on the floor plan
 * as a heatmap, and a CSV download. Counts and rates only, never who (DESIGN.md §5). Office and range live in the URL.
 */
@Component({
  selector: 'nb-utilisation-page',
  imports: [OfficeChoice, StatusMessage, UtilisationChart, UtilisationTable, DeskHeatmap],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './utilisation.page.html',
  styleUrl: './utilisation.page.css',
})
export class UtilisationPage {
  private readonly api = inject(UtilisationApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly errorMessageFor = errorMessageFor;
  protected readonly formatCivilDate = formatCivilDate;
  protected readonly percentText = percentText;
  protected readonly peakText = peakText;
  protected readonly formatNumber = (value: number): string => formatNumber(value);
  private readonly defaults = defaultRange(todayInOfficeZone());

  private readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => ({
        office: params.get(UTILISATION_QUERY_PARAMS.office),
        from: params.get(UTILISATION_QUERY_PARAMS.from),
        to: params.get(UTILISATION_QUERY_PARAMS.to),
      })),
    ),
    { initialValue: { office: null, from: null, to: null } },
  );

  protected readonly offices = resource({ loader: ({ abortSignal }) => this.api.offices(abortSignal) });
  protected readonly officeList = computed(() => (this.offices.hasValue() ? this.offices.value() : []));

  /** The office in the URL if the person may see it, else the first of theirs. */
  protected readonly officeId = computed(() => {
    const offices = this.officeList();
    const wanted = this.params().office;
    return offices.find((office) => office.id === wanted)?.id ?? offices[0]?.id ?? null;
  });

  protected readonly from = computed(() => {
    const wanted = this.params().from;
    return isCivilDate(wanted) ? wanted : this.defaults.from;
  });

  protected readonly to = computed(() => {
    const wanted = this.params().to;
    return isCivilDate(wanted) ? wanted : this.defaults.to;
  });

  protected readonly rangeError = computed(() => rangeProblem(this.from(), this.to()));

  protected readonly query = computed<UtilisationQuery | undefined>(() => {
    const officeId = this.officeId();
    if (officeId === null || this.rangeError() !== null) return undefined;
    return { officeId, from: this.from(), to: this.to() };
  });

  protected readonly report = resource({
    params: () => this.query(),
    loader: async ({ params, abortSignal }) => {
      const [utilisation, heatmap] = await Promise.all([
        this.api.utilisation(params, abortSignal),
        this.api.heatmap(params, abortSignal),
      ]);
      return { utilisation, heatmap, areas: heatAreas(heatmap) };
    },
  });

  protected readonly period = computed(
    () => $localize`${formatCivilDate(this.from())}:from: bis ${formatCivilDate(this.to())}:to:`,
  );

  protected readonly weekdayChart = computed(() => {
    const report = this.report.hasValue() ? this.report.value().utilisation : undefined;
    if (!report) return null;
    return {
      labels: report.weekdays.map((day) => weekdayLabel(day.weekday)),
      series: this.seriesOf(report.weekdays.map((day) => day.figures)),
    };
  });

  protected readonly areaChart = computed(() => {
    const report = this.report.hasValue() ? this.report.value().utilisation : undefined;
    if (!report) return null;
    return {
      labels: report.areas.map((area) => area.areaName),
      series: this.seriesOf(report.areas.map((area) => area.figures)),
    };
  });

  /** The lines of the table by weekday, and its footer: the whole office. */
  protected readonly weekdayRows = computed<UtilisationTableRow[]>(() => {
    const report = this.report.hasValue() ? this.report.value().utilisation : undefined;
    return (report?.weekdays ?? []).map((day) => ({
      key: String(day.weekday),
      label: weekdayLabel(day.weekday),
      peak: day.peak,
      openDays: day.openDays,
      figures: day.figures,
      weekday: day.weekday,
    }));
  });

  protected readonly totalRow = computed<UtilisationTableRow | null>(() => {
    const report = this.report.hasValue() ? this.report.value().utilisation : undefined;
    if (!report) return null;
    return { key: 'office', label: $localize`Ganzes Büro`, openDays: report.openDays, figures: report.figures };
  });

  /** The lines of the table by area: each counts the office's open days. */
  protected readonly areaRows = computed<UtilisationTableRow[]>(() => {
    const report = this.report.hasValue() ? this.report.value().utilisation : undefined;
    return (report?.areas ?? []).map((area) => ({
      key: area.areaId,
      label: area.areaName,
      openDays: report?.openDays ?? 0,
      figures: area.figures,
      area: area.areaName,
    }));
  });

  protected readonly weekdayHeader = $localize`Wochentag`;
  protected readonly areaHeader = $localize`Bereich`;
  protected readonly weekdayChartLabel = $localize`Diagramm: Auslastung, Check-in-Quote und No-Show-Quote nach Wochentag in Prozent. Die Zahlen stehen in der Tabelle darunter.`;
  protected readonly areaChartLabel = $localize`Diagramm: Auslastung, Check-in-Quote und No-Show-Quote nach Bereich in Prozent. Die Zahlen stehen in der Tabelle darunter.`;

  protected readonly downloading = signal(false);
  protected readonly downloadNote = signal<StatusNote | null>(null);

  protected chooseOffice(officeId: string): void {
    this.showInUrl({ [UTILISATION_QUERY_PARAMS.office]: officeId });
  }

  protected chooseFrom(date: string): void {
    if (isCivilDate(date)) this.showInUrl({ [UTILISATION_QUERY_PARAMS.from]: date });
  }

  protected chooseTo(date: string): void {
    if (isCivilDate(date)) this.showInUrl({ [UTILISATION_QUERY_PARAMS.to]: date });
  }

  protected showLastFourWeeks(): void {
    this.showInUrl({ [UTILISATION_QUERY_PARAMS.from]: null, [UTILISATION_QUERY_PARAMS.to]: null });
  }

  protected isDefaultRange(): boolean {
    return this.from() === this.defaults.from && this.to() === this.defaults.to;
  }

  /** Downloads the figures shown (`all`: one line for each office the person sees instead) as a CSV file. */
  protected async downloadCsv(all = false): Promise<void> {
    const query = this.query();
    if (query === undefined || this.downloading()) return;
    this.downloading.set(true);
    this.downloadNote.set(null);
    try {
      await this.api.downloadCsv(all ? { from: query.from, to: query.to } : query, activeLanguage());
      this.downloadNote.set({ tone: 'success', text: $localize`Die CSV-Datei wurde heruntergeladen.` });
    } catch (error) {
      this.downloadNote.set({
        tone: 'error',
        text: $localize`Die CSV-Datei konnte nicht heruntergeladen werden. ${errorMessageFor(error)}:reason:`,
      });
    } finally {
      this.downloading.set(false);
    }
  }

  /** "12 von 40 Platztagen": the figures behind a utilisation rate. */
  protected bookedOf(figures: UtilisationFigures): string {
    return $localize`${deskDaysText(figures.bookedDeskDays)}:booked: von ${deskDaysText(figures.availableDeskDays)}:available:`;
  }

  private seriesOf(figures: readonly UtilisationFigures[]): ChartSeries[] {
    return [
      {
        name: $localize`:utilisation over a range|:Auslastung`,
        values: figures.map((each) => toPercent(each.utilisationRate)),
        colour: SERIES_COLOURS.utilisation,
      },
      {
        name: $localize`Check-in-Quote`,
        values: figures.map((each) => toPercent(each.checkInRate)),
        colour: SERIES_COLOURS.checkIn,
      },
      {
        name: $localize`No-Show-Quote`,
        values: figures.map((each) => toPercent(each.noShowRate)),
        colour: SERIES_COLOURS.noShow,
      },
    ];
  }

  private showInUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
