import { DEFAULT_RATE_LIMITS } from '../security/rate-limits.js';
import { ConfigError, loadConfig } from './app-config.js';
import { readRateLimits, readTrustProxy } from './rate-limits-config.js';

describe('rate limits configuration', () => {
  it('defaults to generous limits and no trusted proxy', () => {
    const config = loadConfig({}, '/srv/nahbar');
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.trustProxy).toBeUndefined();
  });

  it('reads each limit from its variable and refuses what is not a whole number from 1', () => {
    expect(
      readRateLimits({
        NAHBAR_RATE_LIMIT_PERSON: '30',
        NAHBAR_RATE_LIMIT_ADDRESS: '300',
        NAHBAR_RATE_LIMIT_WINDOW_SECONDS: '10',
        NAHBAR_RATE_LIMIT_WS_CONNECTIONS: '3',
        NAHBAR_RATE_LIMIT_WS_SUBSCRIPTIONS: '4',
      }),
    ).toEqual({
      personRequests: 30,
      addressRequests: 300,
      windowSeconds: 10,
      connectionsPerPerson: 3,
      subscriptionsPerConnection: 4,
    });
    for (const raw of ['0', '-1', '1.5', 'many', '86401']) {
      expect(() => readRateLimits({ NAHBAR_RATE_LIMIT_WINDOW_SECONDS: raw })).toThrow(ConfigError);
    }
  });

  it('trusts a number of proxy hops or a list of addresses, subnets and groups, never every hop', () => {
    expect(readTrustProxy({})).toBeUndefined();
    expect(readTrustProxy({ NAHBAR_TRUST_PROXY: 'false' })).toBeUndefined();
    expect(readTrustProxy({ NAHBAR_TRUST_PROXY: '1' })).toBe(1);
    expect(readTrustProxy({ NAHBAR_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.4' })).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.4',
    ]);
    for (const raw of ['true', '11', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/8']) {
      expect(() => readTrustProxy({ NAHBAR_TRUST_PROXY: raw })).toThrow(ConfigError);
    }
  });
});
