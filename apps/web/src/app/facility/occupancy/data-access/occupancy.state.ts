import type { HalfDayOccupancy, OfficeOccupancy } from '../../../core/graphql/api.types';
import { formatNumber } from '../../../core/i18n/language';

/** The two halves of a day as the board shows them. */
export const HALVES = [
  { key: 'morning', label: $localize`Vormittag` },
  { key: 'afternoon', label: $localize`Nachmittag` },
] as const;
export type HalfKey = (typeof HALVES)[number]['key'];

/** Share of the bookable (not blocked) desks that are booked, in whole percent; 0 without bookable desks. */
export function bookedPercent(half: HalfDayOccupancy): number {
  const bookable = half.desks - half.blocked;
  return bookable <= 0 ? 0 : Math.round((half.booked / bookable) * 100);
}

/** A bar's segments as shares (0..100) of all desks, in the order drawn: checked in, booked only, free, blocked. */
export interface BarSegments {
  readonly checkedIn: number;
  readonly bookedOnly: number;
  readonly free: number;
  readonly blocked: number;
}

export function barSegments(half: HalfDayOccupancy): BarSegments {
  if (half.desks <= 0) {
    return { checkedIn: 0, bookedOnly: 0, free: 0, blocked: 0 };
  }
  const share = (count: number): number => (count / half.desks) * 100;
  return {
    checkedIn: share(half.checkedIn),
    bookedOnly: share(half.booked - half.checkedIn),
    free: share(half.free),
    blocked: share(half.blocked),
  };
}

function describeHalf(label: string, half: HalfDayOccupancy): string {
  const [booked, desks, checkedIn, free, blocked] = [
    half.booked,
    half.desks,
    half.checkedIn,
    half.free,
    half.blocked,
  ].map((count) => formatNumber(count));
  const parts = [
    $localize`${booked}:booked: von ${desks}:desks: Plätzen belegt`,
    $localize`${checkedIn}:checkedIn: eingecheckt`,
    $localize`${free}:free: frei`,
  ];
  if (half.blocked > 0) {
    parts.push($localize`${blocked}:blocked: gesperrt`);
  }
  return $localize`${label}:half:: ${parts.join(', ')}:counts:.`;
}

/** One sentence per half for the whole office: what the polite live region reads out. */
export function occupancySummary(occupancy: OfficeOccupancy): string {
  return HALVES.map(({ key, label }) => describeHalf(label, occupancy[key])).join(' ');
}
