import { errorCodeOf, errorFromGraphqlErrors, GraphqlRequestError } from './graphql-request.error';

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

describe('errorCodeOf', () => {
  it('reads request errors and treats anything else as UNKNOWN', () => {
    expect(errorCodeOf(new GraphqlRequestError('NETWORK', 'down'))).toBe('NETWORK');
    expect(errorCodeOf(new Error('x'))).toBe('UNKNOWN');
    expect(errorCodeOf(undefined)).toBe('UNKNOWN');
  });
});
