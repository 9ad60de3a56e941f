import { formatNumber } from '../../core/i18n/language';
import { weekdayName } from '../../shared/date/civil-date';
import type { DeskHeatmap, HeatmapDesk, OfficeUtilisation } from './data-access/utilisation.api';

/** Days a range may span, both ends included (the API refuses more with INVALID_RANGE). */
export const MAX_RANGE_DAYS = 366;

/** A civil date `days` later (earlier when negative); calendar arithmetic in UTC, where every day has 24 hours. */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The four weeks before today: the range the page shows first. */
export function defaultRange(today: string): { readonly from: string; readonly to: string } {
  return { from: addDays(today, -28), to: addDays(today, -1) };
}

/** What is wrong with a range, in words, or null when the API can be asked. */
export function rangeProblem(from: string, to: string): string | null {
  if (to < from) return $localize`Das Ende des Zeitraums liegt vor seinem Anfang. Bitte wählen Sie ein späteres Ende.`;
  if (rangeDays(from, to) > MAX_RANGE_DAYS) {
    return $localize`Ein Zeitraum umfasst höchstens ${MAX_RANGE_DAYS}:max: Tage. Bitte wählen Sie einen kürzeren.`;
  }
  return null;
}

/** A rate as a percentage with one decimal ("57,5 %"); a dash where there was nothing to count. */
export function percentText(rate: number | null): string {
  if (rate === null) return '–';
  return `${formatNumber(rate * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

/** Desk-days, whole or half ("12,5"). */
export function deskDaysText(value: number): string {
  return formatNumber(value, { maximumFractionDigits: 1 });
}

export function weekdayLabel(weekday: number): string {
  return weekdayName(weekday);
}

/** Names of the peak weekdays ("Dienstag, Mittwoch"), or a sentence that there is none. */
export function peakText(report: OfficeUtilisation): string {
  if (report.peakWeekdays.length === 0) return $localize`keiner (keine Buchungen im Zeitraum)`;
  return report.peakWeekdays.map((weekday) => weekdayName(weekday)).join(', ');
}

/** Five steps of the heat scale, each 20 percentage points; the number on each desk says the exact value. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export function heatLevel(rate: number): HeatLevel {
  return Math.min(4, Math.floor(Math.max(0, rate) * 5)) as HeatLevel;
}

export const HEAT_LEGEND: readonly { readonly level: HeatLevel; readonly label: string }[] = [
  { level: 0, label: $localize`unter 20 %` },
  { level: 1, label: $localize`20 bis unter 40 %` },
  { level: 2, label: $localize`40 bis unter 60 %` },
  { level: 3, label: $localize`60 bis unter 80 %` },
  { level: 4, label: $localize`80 % und mehr` },
];

/** A desk on the heatmap: where (percent of the plan), its heat step and what it says. */
export interface HeatMarker {
  readonly desk: HeatmapDesk;
  /** Null: blocked, or no open day in the range. */
  readonly level: HeatLevel | null;
  readonly left: number | null;
  readonly top: number | null;
  /** Short text on the marker: the rate, "gesperrt" or a dash. */
  readonly value: string;
  /** The full text for screen readers. */
  readonly label: string;
}

function percent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 10000) / 100;
}

export function heatMarker(desk: HeatmapDesk): HeatMarker {
  const placed = desk.positionX !== null && desk.positionY !== null;
  const booked = deskDaysText(desk.bookedDeskDays);
  const available = deskDaysText(desk.availableDeskDays);
  let value: string;
  let label: string;
  if (desk.blocked) {
    value = $localize`gesperrt`;
    label = $localize`Platz ${desk.code}:desk:: gesperrt`;
  } else if (desk.utilisationRate === null) {
    value = '–';
    label = $localize`Platz ${desk.code}:desk:: keine Öffnungstage im Zeitraum`;
  } else {
    value = percentText(desk.utilisationRate);
    label = $localize`Platz ${desk.code}:desk:: ${value}:rate: ausgelastet, ${booked}:booked: von ${available}:available: Platztagen gebucht`;
  }
  return {
    desk,
    level: desk.blocked || desk.utilisationRate === null ? null : heatLevel(desk.utilisationRate),
    left: placed ? percent(desk.positionX ?? 0) : null,
    top: placed ? percent(desk.positionY ?? 0) : null,
    value,
    label,
  };
}

/** The areas of the heatmap with their markers: those placed on the plan and, apart, those without a position. */
export function heatAreas(heatmap: DeskHeatmap) {
  return heatmap.areas.map((area) => {
    const markers = area.desks.map(heatMarker);
    return {
      area,
      hasPlan: typeof area.floorPlanSvg === 'string' && area.floorPlanSvg.trim() !== '',
      placed: markers.filter((marker) => marker.left !== null),
      unplaced: markers.filter((marker) => marker.left === null),
      markers,
    };
  });
}

export type HeatArea = ReturnType<typeof heatAreas>[number];
