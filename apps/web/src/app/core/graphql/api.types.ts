/**
 * TypeScript shapes of the GraphQL types the web client reads.
 * They mirror the API schema by hand; keep them in step with it.
 */

export const DAY_PARTS = ['MORNING', 'AFTERNOON', 'FULL_DAY'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export type BookingStatus = 'BOOKED' | 'CHECKED_IN' | 'CANCELLED' | 'RELEASED';

export interface Municipality {
  readonly ags: string;
  readonly name: string;
  /** Federal state as two letters, e.g. "BY". */
  readonly land: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
}

export interface Office {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly municipality: Municipality;
  readonly operator: Organisation;
  readonly deskCount: number;
}

export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly organisation: Organisation;
}

export interface DeskAvailability {
  readonly deskId: string;
  readonly code: string;
  readonly areaName: string;
  readonly morningFree: boolean;
  readonly afternoonFree: boolean;
  /** Free for the part of the day that was asked for. */
  readonly free: boolean;
  /** Set when the current person's own booking occupies this desk on that date. */
  readonly myBookingId: string | null;
}

export interface Booking {
  readonly id: string;
  /** Civil date "YYYY-MM-DD" (Europe/Berlin). */
  readonly date: string;
  readonly part: DayPart;
  readonly status: BookingStatus;
  readonly deskId: string;
  readonly deskCode: string;
  readonly areaName: string;
  readonly office: Office;
  readonly createdAt: string;
}

export function isDayPart(value: unknown): value is DayPart {
  return typeof value === 'string' && (DAY_PARTS as readonly string[]).includes(value);
}
