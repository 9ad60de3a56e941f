import type { LocalizedText } from '@nahbar/domain';

/**
 * An error a service throws when a request breaks a rule. `code` is stable and travels to clients as the
 * GraphQL `extensions.code`; `message` says what was wrong and what to do. `messages`, when set, are the German and
 * English texts (the booking refusals of the domain library) and travel as `extensions.messages`. `details`, when
 * set, travel as further extensions beside them (e.g. the line errors of a refused import); never put there what the
 * caller may not see.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messages?: LocalizedText,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Codes shared by every context. Each context adds its own (see `bookings.errors.ts`). */
export const CommonErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  BadUserInput: 'BAD_USER_INPUT',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
} as const;

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please choose who you are (demo) or sign in first.') {
    super(CommonErrorCode.Unauthenticated, message);
  }
}
