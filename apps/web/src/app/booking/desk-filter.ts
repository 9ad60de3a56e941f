import { ACCESSIBLE_ONLY_VALUE, BOOKING_QUERY_PARAMS } from '../app.paths';
import type { DeskAvailability, DeskFilter } from '../core/graphql/api.types';

/** The desk filters of the booking page, as the page holds them. */
export interface DeskFilterSelection {
  /** Equipment every shown desk must have, sorted, without duplicates. */
  readonly equipment: readonly string[];
  readonly accessibleOnly: boolean;
  /** null: all areas. */
  readonly areaId: string | null;
}

export const NO_DESK_FILTER: DeskFilterSelection = { equipment: [], accessibleOnly: false, areaId: null };

/** The raw filter query parameters of the booking page, as the router hands them over. */
export interface DeskFilterQueryParams {
  readonly equipment: string | undefined;
  readonly accessible: string | undefined;
  readonly area: string | undefined;
}

function cleanEquipment(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))].sort();
}

/** Reads the filters from the URL; anything unreadable means "no filter". */
export function filterFromQueryParams(params: DeskFilterQueryParams): DeskFilterSelection {
  return {
    equipment: cleanEquipment(params.equipment?.split(',') ?? []),
    accessibleOnly: params.accessible === ACCESSIBLE_ONLY_VALUE,
    areaId: params.area?.trim() ? params.area.trim() : null,
  };
}

/** The query parameters that describe `filter`; null removes a parameter (with `queryParamsHandling: 'merge'`). */
export function queryParamsFromFilter(filter: DeskFilterSelection): Record<string, string | null> {
  const equipment = cleanEquipment(filter.equipment);
  return {
    [BOOKING_QUERY_PARAMS.equipment]: equipment.length > 0 ? equipment.join(',') : null,
    [BOOKING_QUERY_PARAMS.accessible]: filter.accessibleOnly ? ACCESSIBLE_ONLY_VALUE : null,
    [BOOKING_QUERY_PARAMS.area]: filter.areaId,
  };
}

export function isFilterActive(filter: DeskFilterSelection): boolean {
  return filter.equipment.length > 0 || filter.accessibleOnly || filter.areaId !== null;
}

/** The `filter` argument of deskAvailability, or undefined when nothing is filtered. */
export function deskFilterArgument(filter: DeskFilterSelection): DeskFilter | undefined {
  if (!isFilterActive(filter)) {
    return undefined;
  }
  return {
    ...(filter.equipment.length > 0 ? { equipment: [...filter.equipment] } : {}),
    ...(filter.accessibleOnly ? { accessible: true } : {}),
    ...(filter.areaId !== null ? { areaId: filter.areaId } : {}),
  };
}

/** Whether `desk` passes `filter`, the same rule the API applies (live events are not filtered by the API). */
export function deskMatchesFilter(desk: DeskAvailability, filter: DeskFilter | undefined): boolean {
  if (filter === undefined) {
    return true;
  }
  if (filter.accessible === true && !desk.accessible) {
    return false;
  }
  if (filter.areaId !== undefined && desk.areaId !== filter.areaId) {
    return false;
  }
  return (filter.equipment ?? []).every((item) => desk.equipment.includes(item));
}

export function sameFilter(a: DeskFilter | undefined, b: DeskFilter | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
