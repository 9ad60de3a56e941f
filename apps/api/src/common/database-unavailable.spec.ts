import { Logger } from '@nestjs/common';

import { isDatabaseUnavailable, toGraphqlError } from './graphql-error.filter.js';

describe('a database that went away', () => {
  const withCode = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });

  it('is recognised by the SQLSTATE of a lost connection or shutdown, and by the driver messages', () => {
    expect(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08006'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const wrapped = Object.assign(new Error('query failed'), { driverError: { code: '57P02' } });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('is not any other database error', () => {
    expect(isDatabaseUnavailable(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('40P01', 'deadlock detected'))).toBe(false);
    expect(isDatabaseUnavailable('57P01')).toBe(false);
  });

  it('reaches clients as DATABASE_UNAVAILABLE in both languages, without the driver message', () => {
    const error = toGraphqlError(withCode('57P01', 'terminating connection pid 4711'), new Logger('test'));
    expect(error.extensions['code']).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).not.toContain('4711');
    expect(error.extensions['messages']).toMatchObject({ de: expect.stringContaining('Datenbank') });
  });
});
