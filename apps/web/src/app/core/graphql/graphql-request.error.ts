import { activeLanguage, inLanguage } from '../i18n/language';

/**
 * Codes of requests the API refuses for their size or shape (its GraphQL limits). The web client's own operations
 * stay far below them: meeting one is a fault of the client, and the person gets one generic message for all.
 */
export const REQUEST_LIMIT_CODES = [
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_DIRECTIVES',
  'REQUEST_TOO_LARGE',
  'QUERY_TOO_LARGE',
  'BATCH_NOT_ALLOWED',
  'UNSUPPORTED_CONTENT_TYPE',
] as const;

/** Codes the API sets in `extensions.code`, plus the client's own (ClientErrorCode). */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'INVALID_DATE',
  'DATE_IN_PAST',
  'OFFICE_NOT_FOUND',
  'DESK_NOT_FOUND',
  'DESK_TAKEN',
  'PERSON_ALREADY_BOOKED',
  'BOOKING_NOT_FOUND',
  'BOOKING_NOT_ACTIVE',
  'FORBIDDEN',
  'LAST_ADMIN',
  'PERSON_NOT_FOUND',
  'TEAM_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'ORGANISATION_UNKNOWN',
  'PROFILE_INCOMPLETE',
  'DEMO_MODE_OFF',
  'HOLIDAY',
  'CLOSURE',
  'CLOSED_WEEKDAY',
  'BEYOND_HORIZON',
  'OVER_QUOTA',
  'OVER_CAPACITY',
  'DESK_BLOCKED',
  'DESKS_AVAILABLE',
  'ALREADY_WAITING',
  'WAITLIST_ENTRY_NOT_FOUND',
  'NO_DATES',
  'TOO_MANY_DATES',
  'NO_BOOKING_TO_CHECK_IN',
  'CHECK_IN_NOT_OPEN',
  'CHECK_IN_CLOSED',
  'PRESENCE_DAY_NOT_FOUND',
  'PRESENCE_DAY_SHORT_OF_DESKS',
  'PRESENCE_DAY_EXISTS',
  'PRESENCE_DAY_CANCELLED',
  'NOT_A_MEMBER',
  'INVALID_POLICY',
  'INVALID_DATE_RANGE',
  'TEAM_NAME_TAKEN',
  'ALREADY_A_MEMBER',
  'INVALID_NAME',
  'INVALID_POSTAL_CODE',
  'HOME_POSTAL_CODE_MISSING',
  'INVALID_RADIUS',
  'INVALID_CLOSURE',
  'CLOSURE_ENDED',
  'CLOSURE_NOT_FOUND',
  'INVALID_CAPACITY',
  'INVALID_REASON',
  // Refusals of the API's protection (issue 9): too many requests, connections or subscriptions; a database that is
  // briefly out of reach; and requests beyond the GraphQL limits, which only a fault in the client can send.
  'RATE_LIMITED',
  'TOO_MANY_SUBSCRIPTIONS',
  'DATABASE_UNAVAILABLE',
  ...REQUEST_LIMIT_CODES,
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * NETWORK: the server could not be reached; TOO_MANY_CONNECTIONS: the API closed the live connection because the
 * person holds too many (WebSocket close code 4429); UNKNOWN: anything else.
 */
export type ClientErrorCode = ApiErrorCode | 'NETWORK' | 'TOO_MANY_CONNECTIONS' | 'UNKNOWN';

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** A failed GraphQL request, reduced to the one code the UI acts on. */
export class GraphqlRequestError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    /** The API's own explanation in both languages (`extensions.messages`), e.g. which holiday a day is. */
    readonly apiMessages?: { readonly de: string; readonly en?: string },
    /** For RATE_LIMITED: how many seconds the API asks to wait (its Retry-After), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }

  /** The API's own explanation in the active language, when it sent one. */
  get apiMessage(): string | undefined {
    return this.apiMessages ? inLanguage(this.apiMessages, activeLanguage()) : undefined;
  }
}

interface FormattedError {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown; readonly messages?: unknown; readonly retryAfterSeconds?: unknown };
}

function apiMessagesOf(error: FormattedError | undefined): { de: string; en?: string } | undefined {
  const messages = error?.extensions?.messages;
  if (!isRecord(messages)) return undefined;
  const german = messages['de'];
  const english = messages['en'];
  if (typeof german !== 'string' || german.trim() === '') return undefined;
  return typeof english === 'string' && english.trim() !== '' ? { de: german, en: english } : { de: german };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Turns the `errors` array of a GraphQL response into one error. The first
 * error with a known code wins; unknown codes become UNKNOWN.
 */
export function errorFromGraphqlErrors(errors: unknown): GraphqlRequestError {
  const list: readonly unknown[] = Array.isArray(errors) ? errors : [];
  const formatted = list.filter(isRecord) as readonly FormattedError[];
  const known = formatted.find((error) => isApiErrorCode(error.extensions?.code));
  const chosen = known ?? formatted[0];
  const rawCode = chosen?.extensions?.code;
  const code = isApiErrorCode(rawCode) ? rawCode : 'UNKNOWN';
  const message = typeof chosen?.message === 'string' ? chosen.message : 'GraphQL error';
  const retryAfter = chosen?.extensions?.retryAfterSeconds;
  const retryAfterSeconds = typeof retryAfter === 'number' && Number.isFinite(retryAfter) ? retryAfter : undefined;
  return new GraphqlRequestError(code, message, apiMessagesOf(chosen), retryAfterSeconds);
}

/**
 * Seconds an HTTP Retry-After header asks to wait: a number of seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when the header is missing or unreadable.
 */
export function retryAfterSecondsFrom(header: string | null, now: Date = new Date()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** The code of any thrown value, for choosing a message. */
export function errorCodeOf(error: unknown): ClientErrorCode {
  return error instanceof GraphqlRequestError ? error.code : 'UNKNOWN';
}
