import { BOOKING_QUERY_PARAMS } from '../app.paths';
import type { DayPart } from '../core/graphql/api.types';
import { isDayPart } from '../core/graphql/api.types';
import { isCivilDate } from '../shared/date/civil-date';

/** What the booking page shows: an office (null until one is known), a date and a part of the day. */
export interface BookingSelection {
  readonly officeId: string | null;
  readonly date: string;
  readonly part: DayPart;
}

export const DEFAULT_DAY_PART: DayPart = 'FULL_DAY';

/** The raw query parameters of the booking page, as the router hands them over. */
export interface BookingQueryParams {
  readonly office: string | undefined;
  readonly date: string | undefined;
  readonly part: string | undefined;
}

/**
 * Reads the selection from the URL. A missing, malformed or past date becomes
 * `today`; an unknown part of the day becomes the default.
 */
export function selectionFromQueryParams(params: BookingQueryParams, today: string): BookingSelection {
  const officeId = params.office?.trim() ? params.office.trim() : null;
  const date = isCivilDate(params.date) && params.date >= today ? params.date : today;
  const part = isDayPart(params.part) ? params.part : DEFAULT_DAY_PART;
  return { officeId, date, part };
}

/** The query parameters that describe `selection`, e.g. { buero, datum, teil }. */
export function queryParamsFromSelection(selection: BookingSelection): Record<string, string | null> {
  return {
    [BOOKING_QUERY_PARAMS.office]: selection.officeId,
    [BOOKING_QUERY_PARAMS.date]: selection.date,
    [BOOKING_QUERY_PARAMS.part]: selection.part,
  };
}

/** True when the URL already says exactly what `selection` says. */
export function queryParamsMatch(params: BookingQueryParams, selection: BookingSelection): boolean {
  return (
    (params.office ?? null) === selection.officeId && params.date === selection.date && params.part === selection.part
  );
}
