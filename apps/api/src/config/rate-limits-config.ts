import { isIP } from 'node:net';

import { DEFAULT_RATE_LIMITS, type RateLimits } from '../security/rate-limits.js';
import { ConfigError } from './app-config.js';

type Env = Readonly<Record<string, string | undefined>>;

const SETTINGS: readonly { readonly name: string; readonly key: keyof RateLimits; readonly max: number }[] = [
  { name: 'NAHBAR_RATE_LIMIT_PERSON', key: 'personRequests', max: 100_000_000 },
  { name: 'NAHBAR_RATE_LIMIT_ADDRESS', key: 'addressRequests', max: 100_000_000 },
  { name: 'NAHBAR_RATE_LIMIT_WINDOW_SECONDS', key: 'windowSeconds', max: 86_400 },
  { name: 'NAHBAR_RATE_LIMIT_WS_CONNECTIONS', key: 'connectionsPerPerson', max: 10_000 },
  { name: 'NAHBAR_RATE_LIMIT_WS_SUBSCRIPTIONS', key: 'subscriptionsPerConnection', max: 10_000 },
];

/** The rate limits, each overridable by its environment variable (a whole number from 1). */
export function readRateLimits(env: Env): RateLimits {
  const limits: Record<keyof RateLimits, number> = { ...DEFAULT_RATE_LIMITS };
  for (const { name, key, max } of SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) {
      throw new ConfigError(`${name} must be a whole number from 1 to ${max}, got "${raw}".`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Names Express knows for groups of addresses (`trust proxy`). */
const ADDRESS_GROUPS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Which proxies in front of the API are trusted to name the client's address in X-Forwarded-For (Express's
 * `trust proxy`): the number of proxy hops, or a comma-separated list of addresses, subnets (CIDR) and the groups
 * `loopback`, `linklocal`, `uniquelocal`. Unset: none, the socket's address counts. `true` (trust every hop) is
 * refused: any client could then choose the address it is limited under.
 */
export function readTrustProxy(env: Env): number | string[] | undefined {
  const raw = env['NAHBAR_TRUST_PROXY']?.trim();
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return undefined;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(`NAHBAR_TRUST_PROXY as a number of hops must be 1 to 10, got "${raw}".`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (ADDRESS_GROUPS.has(entry)) continue;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsValid = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsValid || rest.length > 0) {
      throw new ConfigError(
        `NAHBAR_TRUST_PROXY must be a number of proxy hops or a list of addresses, subnets (10.0.0.0/8) or ` +
          `loopback/linklocal/uniquelocal, got "${entry}".`,
      );
    }
  }
  return entries;
}
