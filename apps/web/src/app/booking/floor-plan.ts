import { DESK_VIEW_VALUES } from '../app.paths';
import type { Area, DeskAvailability } from '../core/graphql/api.types';
import type { DeskPositions } from './data-access/availability.api';
import type { DeskStatus } from './data-access/desk-availability.state';
import { blockedText, deskStatus } from './data-access/desk-availability.state';

/** How the booking page shows the desks. The list is the default and the accessible equivalent of the plan. */
export type DeskView = 'list' | 'plan';

export function viewFromQueryParam(value: string | null | undefined): DeskView {
  return value === DESK_VIEW_VALUES.plan ? 'plan' : 'list';
}

/** The query parameter value for `view`; null removes it (the list is the default). */
export function queryParamFromView(view: DeskView): string | null {
  return view === 'plan' ? DESK_VIEW_VALUES.plan : null;
}

/** An area that has a floor plan. */
export interface PlanArea {
  readonly id: string;
  readonly name: string;
  readonly floorPlanSvg: string;
}

/** The area whose plan can be shown: the area filtered for, or else the first (or only) area, if it has a plan. */
export function planAreaFor(areas: readonly Area[], selectedAreaId: string | null): PlanArea | null {
  const area = selectedAreaId === null ? areas[0] : areas.find((candidate) => candidate.id === selectedAreaId);
  const svg = area?.floorPlanSvg;
  return area !== undefined && typeof svg === 'string' && svg.trim() !== ''
    ? { id: area.id, name: area.name, floorPlanSvg: svg }
    : null;
}

/** A desk on the plan: where (percent of the plan's box) and what its marker says. */
export interface DeskMarker {
  readonly desk: DeskAvailability;
  readonly status: DeskStatus;
  /** Percent of the plan's width and height; null for a desk without a position. */
  readonly left: number | null;
  readonly top: number | null;
  readonly label: string;
}

const MARKER_LABEL: Readonly<Record<DeskStatus, (desk: DeskAvailability) => string>> = {
  free: (desk) => $localize`Platz ${desk.code}, frei – buchen`,
  taken: (desk) => $localize`Platz ${desk.code}, belegt`,
  mine: (desk) => $localize`Platz ${desk.code}, Ihre Buchung – stornieren`,
  blocked: (desk) => $localize`Platz ${desk.code}, ${blockedText(desk)}`,
  closed: (desk) => $localize`Platz ${desk.code}, an diesem Tag nicht buchbar`,
};

/**
 * The marker's accessible name: desk, status and what activating it does (unlike the list's "Platz X buchen").
 * `dayClosed`: the office takes no bookings on the day shown.
 */
export function markerLabel(desk: DeskAvailability, busy = false, dayClosed = false): string {
  if (busy) {
    return $localize`Platz ${desk.code}:desk:: bitte warten`;
  }
  return MARKER_LABEL[deskStatus(desk, dayClosed)](desk);
}

function percent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 10000) / 100;
}

/**
 * The area's desks as markers: placed ones (in list order) and, apart, those without a position. `dayClosed`: the
 * office takes no bookings on the day shown, so free desks show as not bookable.
 */
export function deskMarkers(
  desks: readonly DeskAvailability[],
  positions: DeskPositions,
  areaId: string,
  dayClosed = false,
): { readonly placed: readonly DeskMarker[]; readonly unplaced: readonly DeskMarker[] } {
  const placed: DeskMarker[] = [];
  const unplaced: DeskMarker[] = [];
  for (const desk of desks) {
    if (desk.areaId !== areaId) {
      continue;
    }
    const position = positions[desk.deskId] ?? positionOf(desk);
    const marker = {
      desk,
      status: deskStatus(desk, dayClosed),
      left: position === null ? null : percent(position.x),
      top: position === null ? null : percent(position.y),
      label: markerLabel(desk, false, dayClosed),
    };
    (position === null ? unplaced : placed).push(marker);
  }
  return { placed, unplaced };
}

/** A position the desk carries itself (once the availability query reads it). */
function positionOf(desk: DeskAvailability): { x: number; y: number } | null {
  return typeof desk.positionX === 'number' && typeof desk.positionY === 'number'
    ? { x: desk.positionX, y: desk.positionY }
    : null;
}
