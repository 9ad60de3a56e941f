import type { Booking, DayPart, DeskAvailability } from '../../core/graphql/api.types';

/**
 * What a desk card shows: free to book, taken by someone, booked by me, blocked by the facility management, or free
 * but not bookable because the office takes no bookings that day (closed, in the past, beyond the horizon, at its cap).
 */
export type DeskStatus = 'free' | 'taken' | 'mine' | 'blocked' | 'closed';

export interface DeskArea {
  readonly areaName: string;
  readonly desks: readonly DeskAvailability[];
}

/** The desk's status; `dayClosed`: the office takes no bookings on the day shown (see OfficeDay). */
export function deskStatus(desk: DeskAvailability, dayClosed = false): DeskStatus {
  if (desk.blocked) {
    // A booking made before the desk was blocked can still be cancelled.
    return desk.myBookingId ? 'mine' : 'blocked';
  }
  if (desk.free) {
    return dayClosed ? 'closed' : 'free';
  }
  return desk.myBookingId ? 'mine' : 'taken';
}

/** "gesperrt: Stuhl defekt", or "gesperrt" without a reason. */
export function blockedText(desk: Pick<DeskAvailability, 'blockedReason'>): string {
  const reason = desk.blockedReason?.trim();
  return reason ? `gesperrt: ${reason}` : 'gesperrt';
}

function coversMorning(part: DayPart): boolean {
  return part !== 'AFTERNOON';
}

function coversAfternoon(part: DayPart): boolean {
  return part !== 'MORNING';
}

/** Free for `part` when every half of the day that `part` needs is free. */
export function isFreeFor(part: DayPart, morningFree: boolean, afternoonFree: boolean): boolean {
  return (!coversMorning(part) || morningFree) && (!coversAfternoon(part) || afternoonFree);
}

/** The list with `changed` in place of the desk with the same id (added when new). */
export function replaceDesk(desks: readonly DeskAvailability[], changed: DeskAvailability): DeskAvailability[] {
  const index = desks.findIndex((desk) => desk.deskId === changed.deskId);
  if (index === -1) {
    return [...desks, changed];
  }
  const next = [...desks];
  next[index] = changed;
  return next;
}

/** Desks grouped by area, areas and desks in the order the API sent them. */
export function groupDesksByArea(desks: readonly DeskAvailability[]): DeskArea[] {
  const byArea = new Map<string, DeskAvailability[]>();
  for (const desk of desks) {
    const list = byArea.get(desk.areaName);
    if (list === undefined) {
      byArea.set(desk.areaName, [desk]);
    } else {
      list.push(desk);
    }
  }
  return [...byArea].map(([areaName, list]) => ({ areaName, desks: list }));
}

/** The desk as it is right after the current person booked it. */
export function withOwnBooking(
  desk: DeskAvailability,
  booking: Pick<Booking, 'id' | 'part'>,
  viewedPart: DayPart,
): DeskAvailability {
  const morningFree = desk.morningFree && !coversMorning(booking.part);
  const afternoonFree = desk.afternoonFree && !coversAfternoon(booking.part);
  return {
    ...desk,
    morningFree,
    afternoonFree,
    free: !desk.blocked && isFreeFor(viewedPart, morningFree, afternoonFree),
    myBookingId: booking.id,
  };
}

/** The desk as it is right after the current person cancelled a booking of it. */
export function withoutOwnBooking(
  desk: DeskAvailability,
  booking: Pick<Booking, 'part'>,
  viewedPart: DayPart,
): DeskAvailability {
  // A blocked desk stays unavailable when the own booking on it goes.
  const morningFree = !desk.blocked && (desk.morningFree || coversMorning(booking.part));
  const afternoonFree = !desk.blocked && (desk.afternoonFree || coversAfternoon(booking.part));
  return {
    ...desk,
    morningFree,
    afternoonFree,
    free: !desk.blocked && isFreeFor(viewedPart, morningFree, afternoonFree),
    myBookingId: null,
  };
}

const STATUS_SENTENCE: Readonly<Record<DeskStatus, string>> = {
  free: $localize`frei`,
  taken: $localize`belegt`,
  mine: $localize`von Ihnen gebucht`,
  blocked: 'gesperrt',
  closed: $localize`nicht buchbar`,
};

/**
 * The sentence a screen reader hears when a desk changes under the user's
 * eyes, e.g. "Platz A-03 ist jetzt belegt."; null when nothing visible changed.
 */
export function describeStatusChange(before: DeskAvailability | undefined, after: DeskAvailability): string | null {
  if (before === undefined) {
    return null;
  }
  const status = deskStatus(after);
  if (deskStatus(before) === status) {
    return null;
  }
  return $localize`Platz ${after.code} ist jetzt ${status === 'blocked' ? blockedText(after) : STATUS_SENTENCE[status]}.`;
}
