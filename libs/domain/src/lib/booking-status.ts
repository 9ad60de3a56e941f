/** What became of a booking. Bookings are never deleted: cancelling or releasing changes the status (DESIGN.md §3, 6). */
export const BOOKING_STATUSES = ['BOOKED', 'CHECKED_IN', 'CANCELLED', 'RELEASED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that hold the desk: invariants 1 and 2 and the caps count these only. */
export const LIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['BOOKED', 'CHECKED_IN'];

export function isLiveStatus(status: BookingStatus): boolean {
  return LIVE_BOOKING_STATUSES.includes(status);
}
