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
  readonly areaId: string;
  readonly morningFree: boolean;
  readonly afternoonFree: boolean;
  /** Free for the part of the day that was asked for. */
  readonly free: boolean;
  /** Set when the current person's own booking occupies this desk on that date. */
  readonly myBookingId: string | null;
  /** Suitable for wheelchair users. */
  readonly accessible: boolean;
  /** What the desk has, e.g. MONITOR, DOCKING_STATION, HEIGHT_ADJUSTABLE. */
  readonly equipment: readonly string[];
}

/** A part of an office: a floor, zone or neighbourhood. */
export interface Area {
  readonly id: string;
  readonly name: string;
}

/** Which desks `deskAvailability` returns; fields left out do not filter. */
export interface DeskFilter {
  /** The desk must have all of them. */
  readonly equipment?: readonly string[];
  readonly accessible?: boolean;
  readonly areaId?: string;
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

/** What a role covers: the organisation, an office or a team. */
export const ROLES = ['STAFF', 'TEAM_LEAD', 'FACILITY_MANAGER', 'ORGANISATION_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ['NOBODY', 'TEAMS', 'ORGANISATION'] as const;
/** Who may see that a person is in an office on a day. */
export type Visibility = (typeof VISIBILITIES)[number];

export interface RoleAssignment {
  readonly role: Role;
  /** Name of what the role covers: the organisation, office or team. */
  readonly scopeName: string;
  readonly organisationId: string | null;
  readonly officeId: string | null;
  readonly teamId: string | null;
}

/** The signed-in person as they see themselves (`me`). */
export interface Profile {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly organisation: Organisation;
  /** Five digits, or null when not given. */
  readonly homePostalCode: string | null;
  readonly visibility: Visibility;
  readonly roles: readonly RoleAssignment[];
}

/** A person of an organisation as its admins see them. */
export interface Member {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly roles: readonly RoleAssignment[];
}

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly organisationId: string;
}

/** An office the admin's organisation runs and the organisations besides the operator that may book it. */
export interface OfficeSharing {
  readonly office: Office;
  readonly sharedWith: readonly Organisation[];
}

export type BookingChangeReason = 'BOOKED' | 'CANCELLED' | 'SHARING_REVOKED' | 'WAITLIST_ASSIGNED';

/** Something happened to one of the current person's bookings. */
export interface BookingChange {
  readonly reason: BookingChangeReason;
  readonly booking: Booking;
}

export function isVisibility(value: unknown): value is Visibility {
  return typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value);
}

/** Books one desk on the chosen weekdays for a number of weeks. */
export interface BookRecurringInput {
  readonly deskId: string;
  readonly part: DayPart;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  /** First day, civil date "YYYY-MM-DD". */
  readonly from: string;
  /** 1 to 26. */
  readonly weeks: number;
  /** Book nothing unless every date can be booked. */
  readonly allOrNothing: boolean;
}

/** BOOKED; REFUSED with the reason; WITHHELD: could have been booked, but all-or-nothing failed. */
export type RecurringOutcomeStatus = 'BOOKED' | 'REFUSED' | 'WITHHELD';

export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly messageDe: string;
}

export interface RecurringOutcome {
  readonly date: string;
  readonly status: RecurringOutcomeStatus;
  readonly booking: Booking | null;
  readonly refusal: Refusal | null;
}

export interface RecurringBookingResult {
  readonly complete: boolean;
  readonly bookedCount: number;
  readonly outcomes: readonly RecurringOutcome[];
}

export type WaitlistStatus = 'WAITING' | 'ASSIGNED' | 'LEFT';

/** The current person waits for a desk in an office on a date. */
export interface WaitlistEntry {
  readonly id: string;
  readonly office: Office;
  readonly date: string;
  readonly part: DayPart;
  readonly status: WaitlistStatus;
  /** 1 for the next in line; null once assigned or left. */
  readonly position: number | null;
  /** The booking the person got when a desk became free. */
  readonly booking: Booking | null;
}

export interface JoinWaitlistInput {
  readonly officeId: string;
  readonly date: string;
  readonly part: DayPart;
}
