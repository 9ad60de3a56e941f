import {
  errorCodeOf,
  errorFromGraphqlErrors,
  GraphqlRequestError,
  retryAfterSecondsFrom,
} from './graphql-request.error';

describe('errorFromGraphqlErrors', () => {
  it('takes the code from extensions.code', () => {
    const error = errorFromGraphqlErrors([{ message: 'Desk is taken', extensions: { code: 'DESK_TAKEN' } }]);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect(error.code).toBe('DESK_TAKEN');
    expect(error.message).toBe('Desk is taken');
  });

  it('prefers the first error with a known code', () => {
    const error = errorFromGraphqlErrors([
      { message: 'odd', extensions: { code: 'SOMETHING_ELSE' } },
      { message: 'taken', extensions: { code: 'PERSON_ALREADY_BOOKED' } },
    ]);
    expect(error.code).toBe('PERSON_ALREADY_BOOKED');
  });

  it('makes unknown or missing codes UNKNOWN', () => {
    expect(errorFromGraphqlErrors([{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]).code).toBe(
      'UNKNOWN',
    );
    expect(errorFromGraphqlErrors([{ message: 'x' }]).code).toBe('UNKNOWN');
    expect(errorFromGraphqlErrors(null).code).toBe('UNKNOWN');
  });
});

describe('the refusals of the API’s protection', () => {
  it('keeps their codes and the wait the API names', () => {
    const limited = errorFromGraphqlErrors([
      { message: 'Too many', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } },
    ]);
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.retryAfterSeconds).toBe(12);
    for (const code of ['TOO_MANY_SUBSCRIPTIONS', 'DATABASE_UNAVAILABLE', 'QUERY_TOO_COSTLY', 'QUERY_TOO_LARGE']) {
      expect(errorFromGraphqlErrors([{ message: 'x', extensions: { code } }]).code).toBe(code);
    }
    expect(errorFromGraphqlErrors([{ message: 'x', extensions: { code: 'DESK_TAKEN' } }]).retryAfterSeconds).toBe(
      undefined,
    );
  });
});

describe('retryAfterSecondsFrom', () => {
  it('reads seconds and HTTP dates, and nothing from a missing or odd header', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(retryAfterSecondsFrom('42', now)).toBe(42);
    expect(retryAfterSecondsFrom('Mon, 23 Nov 2026 12:01:30 GMT', now)).toBe(90);
    expect(retryAfterSecondsFrom('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterSecondsFrom(null, now)).toBeUndefined();
    expect(retryAfterSecondsFrom('soon', now)).toBeUndefined();
  });
});

describe('errorCodeOf', () => {
  it('reads request errors and treats anything else as UNKNOWN', () => {
    expect(errorCodeOf(new GraphqlRequestError('NETWORK', 'down'))).toBe('NETWORK');
    expect(errorCodeOf(new Error('x'))).toBe('UNKNOWN');
    expect(errorCodeOf(undefined)).toBe('UNKNOWN');
  });
});
