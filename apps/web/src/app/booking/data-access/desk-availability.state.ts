import type { Booking, DayPart, DeskAvailability } from '../../core/graphql/api.types';

/** What a desk card shows: free to book, taken by someone, or booked by me. */
export type DeskStatus = 'free' | 'taken' | 'mine';

export interface DeskArea {
  readonly areaName: string;
  readonly desks: readonly DeskAvailability[];
}

export function deskStatus(desk: DeskAvailability): DeskStatus {
  if (desk.free) {
    return 'free';
  }
  return desk.myBookingId ? 'mine' : 'taken';
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
    free: isFreeFor(viewedPart, morningFree, afternoonFree),
    myBookingId: booking.id,
  };
}

/** The desk as it is right after the current person cancelled a booking of it. */
export function withoutOwnBooking(
  desk: DeskAvailability,
  booking: Pick<Booking, 'part'>,
  viewedPart: DayPart,
): DeskAvailability {
  const morningFree = desk.morningFree || coversMorning(booking.part);
  const afternoonFree = desk.afternoonFree || coversAfternoon(booking.part);
  return {
    ...desk,
    morningFree,
    afternoonFree,
    free: isFreeFor(viewedPart, morningFree, afternoonFree),
    myBookingId: null,
  };
}

const STATUS_SENTENCE: Readonly<Record<DeskStatus, string>> = {
  free: 'frei',
  taken: 'belegt',
  mine: 'von Ihnen gebucht',
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
  return `Platz ${after.code} ist jetzt ${STATUS_SENTENCE[status]}.`;
}
