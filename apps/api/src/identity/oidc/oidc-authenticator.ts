import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { UnauthenticatedError } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '../../config/app-config.js';
import { Authenticator, type Credentials } from '../authenticator.js';
import type { Caller } from '../caller.js';
import { CallerLoader } from '../caller.loader.js';
import { OidcPeople } from './oidc-people.js';
import { profileFromClaims } from './oidc-profile.js';

/** Signature algorithms of key pairs only: a shared-secret (HS*) or unsigned (`none`) token is never accepted. */
export const ACCEPTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Allowed clock difference between the identity provider and this server. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** After a failed discovery, requests fail fast for this long before discovery is tried again. */
const DISCOVERY_RETRY_MS = 2_000;
const DISCOVERY_TIMEOUT_MS = 5_000;
/** Far above any real access token; stops absurd headers before any parsing. */
const MAX_TOKEN_LENGTH = 16_384;

/** Token types of Keycloak that are not access tokens (its ID and refresh tokens say so in `typ`). */
const NOT_ACCESS_TOKEN_TYPES = new Set(['ID', 'Refresh', 'Logout']);

/** The one text for every rejected token: nothing of the token or of why the library refused it. */
const INVALID_TOKEN = 'Your sign-in is not valid (any more). Please sign in again.';

/**
 * OpenID Connect: validates the bearer access token (a JWT) against the provider's published keys, issuer,
 * audience and expiry, then finds the person by issuer and subject, creating them on first sign-in. Demo
 * credentials are ignored: in this mode only the identity provider says who someone is.
 */
@Injectable()
export class OidcAuthenticator extends Authenticator {
  readonly mode = 'OIDC' as const;

  private readonly logger = new Logger('OidcAuthenticator');
  private readonly oidc: OidcConfig;
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private discoveryFailedAt = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly callers: CallerLoader,
    private readonly people: OidcPeople,
  ) {
    super();
    if (!config.oidc) throw new Error('OidcAuthenticator needs config.oidc');
    this.oidc = config.oidc;
  }

  async authenticate(credentials: Credentials): Promise<Caller | undefined> {
    const token = credentials.bearerToken;
    if (token === undefined) return undefined;
    const payload = await this.verify(token);
    const profile = profileFromClaims(payload, this.oidc.organisationClaim);
    const personId = await this.people.personFor(this.oidc.issuer, payload.sub, profile);
    const caller = await this.callers.load(personId, payload.exp);
    if (!caller) throw new UnauthenticatedError(INVALID_TOKEN);
    return caller;
  }

  private async verify(token: string): Promise<JWTPayload & { sub: string }> {
    if (token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError(INVALID_TOKEN);
    const keys = await this.jwks();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      });
      if (typeof payload.typ === 'string' && NOT_ACCESS_TOKEN_TYPES.has(payload.typ)) {
        throw new errors.JWTClaimValidationFailed('not an access token', payload, 'typ', 'check_failed');
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new errors.JWTClaimValidationFailed('"sub" claim is not a string', payload, 'sub', 'invalid');
      }
      return { ...payload, sub: payload.sub };
    } catch (error) {
      if (isKeyFetchFailure(error)) {
        this.logger.warn(`The identity provider's keys could not be fetched: ${describe(error)}`);
      } else {
        this.logger.debug(`Bearer token refused: ${describe(error)}`);
      }
      throw new UnauthenticatedError(INVALID_TOKEN);
    }
  }

  /** The provider's key set, found through its discovery document on first use and cached; rediscovered after a failure. */
  private async jwks(): Promise<JWTVerifyGetKey> {
    if (!this.keys) {
      if (Date.now() - this.discoveryFailedAt < DISCOVERY_RETRY_MS) throw new UnauthenticatedError(INVALID_TOKEN);
      this.keys = this.discover();
    }
    const pending = this.keys;
    try {
      return await pending;
    } catch (error) {
      // Requests waiting on the same discovery all fail; the first of them forgets it and reports.
      if (this.keys === pending) {
        this.keys = undefined;
        this.discoveryFailedAt = Date.now();
        this.logger.warn(`OpenID Connect discovery of ${this.oidc.issuer} failed, will retry: ${describe(error)}`);
      }
      throw new UnauthenticatedError(INVALID_TOKEN);
    }
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.oidc.issuer) {
      throw new Error(`the discovery document names issuer ${String(document.issuer)}, not ${this.oidc.issuer}`);
    }
    if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri)) {
      throw new Error('the discovery document has no valid jwks_uri');
    }
    return createRemoteJWKSet(new URL(document.jwks_uri));
  }
}

function isKeyFetchFailure(error: unknown): boolean {
  // jose's own errors are verdicts on the token (or a key-set timeout); anything else is the network or the server.
  return (
    !(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid
  );
}

function describe(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  if (!(error instanceof Error)) return String(error);
  // fetch reports "fetch failed" and keeps the reason (refused, DNS, TLS) in its cause.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
