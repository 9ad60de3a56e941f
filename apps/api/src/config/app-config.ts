import { isAbsolute, resolve } from 'node:path';

import type { GraphqlLimits } from '../security/graphql-limits.js';
import type { RateLimits } from '../security/rate-limits.js';
import { readGraphqlLimits } from './graphql-limits-config.js';
import { type MapConfig, readMapConfig } from './map-config.js';
import { readRateLimits, readTrustProxy } from './rate-limits-config.js';

/** Configuration of one API process, read once from the environment and validated at boot. */
export interface AppConfig {
  /** HTTP port for API and web client; 0 picks a free port (tests). */
  readonly port: number;
  /** Bind address: 127.0.0.1 in demo mode, else all interfaces, unless HOST says otherwise. */
  readonly host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  readonly dataDir: string;
  /** Demo identity (a person picked on the start page, sent in a header). Never in production. */
  readonly demoMode: boolean;
  /** Seeds demo data into an empty embedded database on first start. */
  readonly seedDemoData: boolean;
  /** Folder with the built web client to serve, or undefined to serve the API only. */
  readonly webDir: string | undefined;
  readonly production: boolean;
  /** OpenID Connect sign-in; absent in demo mode. */
  readonly oidc?: OidcConfig;
  /**
   * Public base URL people open (no trailing slash): the desks' check-in links (QR codes) point under it. Undefined
   * when NAHBAR_PUBLIC_URL is not set: then it is http://localhost on the port actually bound (see `PublicUrl`), which
   * only the running server knows when `port` is 0.
   */
  readonly publicUrl: string | undefined;
  /** Seconds between runs of the no-show release job; 0 disables it (tests run it by hand). */
  readonly noShowIntervalSeconds: number;
  /** Days after which bookings, waitlist entries and presence answers lose the link to the person (retention). */
  readonly retentionDays: number;
  /** Days the audit log keeps an entry. */
  readonly auditRetentionDays: number;
  /** Seconds between runs of the retention job; 0 disables it (tests run it by hand). */
  readonly retentionIntervalSeconds: number;
  /**
   * E-mail address for feedback on accessibility (BITV 2.0 requires one in the accessibility statement); undefined
   * until the operator sets NAHBAR_ACCESSIBILITY_CONTACT.
   */
  readonly accessibilityContact: string | undefined;
  /** Tiles of the "near home" map (NAHBAR_MAP_TILE_URL, NAHBAR_MAP_ATTRIBUTION); undefined: no map, the list only. */
  readonly map: MapConfig | undefined;
  /** Depth, aliases, cost, directives and body size a GraphQL request may have (NAHBAR_GRAPHQL_MAX_*, …). */
  readonly graphqlLimits: GraphqlLimits;
  /** Origins allowed to call the API from a browser (NAHBAR_CORS_ORIGINS, comma-separated); none by default. */
  readonly corsOrigins: readonly string[];
  /** Bearer token the Prometheus scraper must send to GET /metrics (NAHBAR_METRICS_TOKEN); undefined: open. */
  readonly metricsToken: string | undefined;
  /** Log lines as JSON objects (with request ids; the default in production) or as text (NAHBAR_LOG_FORMAT). */
  readonly logFormat: 'json' | 'text';
  /** Requests per person and per address, WebSocket connections and subscriptions (NAHBAR_RATE_LIMIT_*). */
  readonly rateLimits: RateLimits;
  /**
   * Express's `trust proxy` (NAHBAR_TRUST_PROXY): proxies allowed to name the client's address in X-Forwarded-For,
   * as a number of hops or a list of addresses and subnets. Undefined: the socket's address counts.
   */
  readonly trustProxy: number | readonly string[] | undefined;
}

/** Where people sign in and what the API accepts as a bearer token. */
export interface OidcConfig {
  /** Issuer URL exactly as the provider names itself (`iss` of its tokens, base of its discovery document). */
  readonly issuer: string;
  /** `aud` the API requires in access tokens; defaults to the client id. */
  readonly audience: string;
  /** Public client id of the web client (authorization code + PKCE). */
  readonly clientId: string;
  /** Access-token claim whose value maps a person to an organisation (`organisations.claim_value`). */
  readonly organisationClaim: string;
  /** Scopes the web client requests. */
  readonly scope: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be "true" or "false", got "${raw}".`);
}

function readPort(env: Env): number {
  const raw = env['PORT'];
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env['DATABASE_URL'];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//".`);
  }
  return raw;
}

function readPublicUrl(env: Env): string | undefined {
  const raw = env['NAHBAR_PUBLIC_URL']?.trim();
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`NAHBAR_PUBLIC_URL is not a URL; expected e.g. https://nahbar.example.de, got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('NAHBAR_PUBLIC_URL must start with https:// (or http://).');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('NAHBAR_PUBLIC_URL must not carry a query or fragment.');
  }
  return url.toString().replace(/\/+$/, '');
}

function readLogFormat(env: Env, production: boolean): 'json' | 'text' {
  const raw = env['NAHBAR_LOG_FORMAT']?.trim();
  if (raw === undefined || raw === '') return production ? 'json' : 'text';
  if (raw !== 'json' && raw !== 'text')
    throw new ConfigError(`NAHBAR_LOG_FORMAT must be "json" or "text", got "${raw}".`);
  return raw;
}

function readMetricsToken(env: Env): string | undefined {
  const raw = env['NAHBAR_METRICS_TOKEN']?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || /\s/.test(raw)) {
    throw new ConfigError('NAHBAR_METRICS_TOKEN must be at least 16 characters without spaces (a random secret).');
  }
  return raw;
}

function readCorsOrigins(env: Env): string[] {
  const raw = env['NAHBAR_CORS_ORIGINS']?.trim();
  if (raw === undefined || raw === '') return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(`NAHBAR_CORS_ORIGINS must list origins like https://intranet.example, got "${origin}".`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) {
      throw new ConfigError(
        `NAHBAR_CORS_ORIGINS must list bare origins (scheme, host, port; no path or slash), got "${origin}".`,
      );
    }
    return origin;
  });
}

function readNoShowInterval(env: Env): number {
  const raw = env['NAHBAR_NO_SHOW_INTERVAL_SECONDS'];
  if (raw === undefined || raw === '') return 60;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > 86_400) {
    throw new ConfigError(
      `NAHBAR_NO_SHOW_INTERVAL_SECONDS must be a whole number from 0 (off) to 86400, got "${raw}".`,
    );
  }
  return seconds;
}

/** A whole number of days from `min` to 3650 (ten years), `fallback` when unset. */
function readDays(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < min || days > 3650) {
    throw new ConfigError(`${name} must be a whole number of days from ${min} to 3650, got "${raw}".`);
  }
  return days;
}

function readRetentionInterval(env: Env): number {
  const raw = env['NAHBAR_RETENTION_INTERVAL_SECONDS'];
  if (raw === undefined || raw === '') return 3600;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > 86_400) {
    throw new ConfigError(
      `NAHBAR_RETENTION_INTERVAL_SECONDS must be a whole number from 0 (off) to 86400, got "${raw}".`,
    );
  }
  return seconds;
}

/** A plain e-mail address (no display name): what the accessibility statement links to with mailto:. */
function readAccessibilityContact(env: Env): string | undefined {
  const raw = env['NAHBAR_ACCESSIBILITY_CONTACT']?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > 254 || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(raw)) {
    throw new ConfigError(
      `NAHBAR_ACCESSIBILITY_CONTACT must be an e-mail address, e.g. barrierefreiheit@behoerde.example, got "${raw}".`,
    );
  }
  return raw;
}

function readOidc(env: Env): OidcConfig | undefined {
  const issuer = env['NAHBAR_OIDC_ISSUER'];
  if (issuer === undefined || issuer === '') {
    const stray = OIDC_SETTINGS.find((name) => env[name] !== undefined && env[name] !== '');
    if (stray) throw new ConfigError(`${stray} is set but NAHBAR_OIDC_ISSUER is not: set the issuer URL too.`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(
      'NAHBAR_OIDC_ISSUER is not a URL; expected the issuer of the identity provider, e.g. https://id.example/realms/staff.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`NAHBAR_OIDC_ISSUER must start with https:// (or http:// for a local provider).`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('NAHBAR_OIDC_ISSUER must not carry a query or fragment.');
  }
  const clientId = env['NAHBAR_OIDC_CLIENT_ID']?.trim();
  if (!clientId) {
    throw new ConfigError(
      'NAHBAR_OIDC_CLIENT_ID is required with NAHBAR_OIDC_ISSUER: the public client id of the web client.',
    );
  }
  const organisationClaim = env['NAHBAR_OIDC_ORGANISATION_CLAIM']?.trim() || 'organisation';
  const scope = (env['NAHBAR_OIDC_SCOPE'] ?? '').trim().split(/\s+/).filter(Boolean);
  if (scope.length > 0 && !scope.includes('openid')) {
    throw new ConfigError(`NAHBAR_OIDC_SCOPE must include "openid", got "${scope.join(' ')}".`);
  }
  return {
    issuer,
    audience: env['NAHBAR_OIDC_AUDIENCE']?.trim() || clientId,
    clientId,
    organisationClaim,
    scope: scope.length > 0 ? scope.join(' ') : 'openid profile email offline_access',
  };
}

const OIDC_SETTINGS = [
  'NAHBAR_OIDC_AUDIENCE',
  'NAHBAR_OIDC_CLIENT_ID',
  'NAHBAR_OIDC_ORGANISATION_CLAIM',
  'NAHBAR_OIDC_SCOPE',
] as const;

export function loadConfig(
  env: Env = process.env,
  cwd: string = process.cwd(),
  defaultWebDir: string | undefined = undefined,
): AppConfig {
  const production = env['NODE_ENV'] === 'production';
  const oidc = readOidc(env);
  // The demo identity lets anyone act as anyone: only where nobody can sign in for real, and never in production.
  const demoMode = readBoolean(env, 'NAHBAR_DEMO', oidc === undefined && !production);
  if (production && demoMode) {
    throw new ConfigError(
      'NAHBAR_DEMO=true is not allowed with NODE_ENV=production: the demo identity has no sign-in.',
    );
  }
  if (oidc && demoMode) {
    throw new ConfigError(
      'NAHBAR_DEMO=true is not allowed with NAHBAR_OIDC_ISSUER: people sign in through the identity provider.',
    );
  }
  if (!oidc && !demoMode) {
    throw new ConfigError(
      production
        ? 'NODE_ENV=production needs NAHBAR_OIDC_ISSUER and NAHBAR_OIDC_CLIENT_ID: without them nobody can sign in.'
        : 'NAHBAR_DEMO=false needs NAHBAR_OIDC_ISSUER and NAHBAR_OIDC_CLIENT_ID: without them nobody can sign in.',
    );
  }
  const databaseUrl = readDatabaseUrl(env);
  const dataDirRaw = env['NAHBAR_DATA_DIR'] || '.data';
  const webDirRaw = env['NAHBAR_WEB_DIR'];
  return {
    port: readPort(env),
    // The demo identity lets anyone act as anyone: by default it listens on this machine only.
    host: env['HOST'] || (demoMode ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw),
    demoMode,
    seedDemoData: readBoolean(env, 'NAHBAR_SEED_DEMO', databaseUrl === undefined && demoMode),
    webDir: webDirRaw ? resolve(cwd, webDirRaw) : defaultWebDir,
    production,
    publicUrl: readPublicUrl(env),
    noShowIntervalSeconds: readNoShowInterval(env),
    // Bookings must outlive their day (check-in, no-show release, "my week"): at least one day.
    retentionDays: readDays(env, 'NAHBAR_RETENTION_DAYS', 90, 1),
    auditRetentionDays: readDays(env, 'NAHBAR_AUDIT_RETENTION_DAYS', 365, 1),
    retentionIntervalSeconds: readRetentionInterval(env),
    map: readMapConfig(env),
    accessibilityContact: readAccessibilityContact(env),
    graphqlLimits: readGraphqlLimits(env),
    corsOrigins: readCorsOrigins(env),
    metricsToken: readMetricsToken(env),
    logFormat: readLogFormat(env, production),
    rateLimits: readRateLimits(env),
    trustProxy: readTrustProxy(env),
    ...(oidc ? { oidc } : {}),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
