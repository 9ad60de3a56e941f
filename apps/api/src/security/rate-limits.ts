import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { type Authenticator, readCredentials } from '../identity/authenticator.js';
import { rememberCaller } from '../identity/request-caller.js';

/**
 * How often one person and one client address may call the API, and how much of the WebSocket server one person
 * may hold (issue 9). The state lives in this process: with several API instances behind a proxy each instance
 * enforces the limits on the requests it receives, so a person may make up to N times as many requests in total.
 */
export interface RateLimits {
  /** HTTP requests of one signed-in person per window (GraphQL, reports). */
  readonly personRequests: number;
  /**
   * HTTP requests from one client address per window, signed in or not, the web client's files included. Staff of a
   * whole authority may share one address (NAT, proxy): far above one person's share.
   */
  readonly addressRequests: number;
  /** Length of the window, in seconds. */
  readonly windowSeconds: number;
  /** Open WebSocket connections of one person (each browser tab holds one). */
  readonly connectionsPerPerson: number;
  /** Operations running at once on one WebSocket connection (the web client's live views). */
  readonly subscriptionsPerConnection: number;
}

/** Far above what a person clicking through the web client sends (a page asks a handful of requests). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  personRequests: 600,
  addressRequests: 6000,
  windowSeconds: 60,
  connectionsPerPerson: 20,
  subscriptionsPerConnection: 100,
};

/** Stable codes of refusals by a rate limit, as clients see them in `extensions.code`. */
export const RateLimitCode = {
  RateLimited: 'RATE_LIMITED',
  TooManySubscriptions: 'TOO_MANY_SUBSCRIPTIONS',
} as const;

/** Close code of a WebSocket connection above the person's limit (in graphql-ws's 4400–4499 range, like 4401). */
export const WS_TOO_MANY_CONNECTIONS = { code: 4429, reason: 'Too many connections' } as const;

const logger = new Logger('RateLimits');

/** Seconds until the window of a refused key ends: what Retry-After says. */
function retryAfterSeconds(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

/** Consumes one request of `key`; resolves the refusal when the key has none left. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  }
}

/**
 * HTTP 429 with Retry-After, and a body in the shape of a GraphQL response so that a client reads
 * `errors[0].extensions.code` as for any other refusal (the REST downloads answer the same way).
 */
function refuse(response: Response, seconds: number, who: 'person' | 'address'): void {
  const message =
    who === 'person'
      ? `Too many requests from your account. Try again in ${seconds} seconds.`
      : `Too many requests from your network address. Try again in ${seconds} seconds.`;
  response
    .status(429)
    .setHeader('Retry-After', String(seconds))
    .type('application/json')
    .send(
      JSON.stringify({
        errors: [{ message, extensions: { code: RateLimitCode.RateLimited, retryAfterSeconds: seconds } }],
      }),
    );
}

/**
 * Counts every HTTP request against its client address (Express's `req.ip`: the socket's address, or the one the
 * trusted proxy names in X-Forwarded-For when NAHBAR_TRUST_PROXY is set) and, when it carries credentials, against
 * the person they belong to. Registered before the body parsers, so that a refused request is not read. The caller
 * found here is handed on to the GraphQL context (`rememberCaller`), so a request is authenticated once.
 * Invalid credentials are not refused here: the identity guard answers them as usual.
 */
export function installRateLimits(app: NestExpressApplication, limits: RateLimits, authenticator: Authenticator): void {
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'address',
    points: limits.addressRequests,
    duration: limits.windowSeconds,
  });
  const byPerson = new RateLimiterMemory({
    keyPrefix: 'person',
    points: limits.personRequests,
    duration: limits.windowSeconds,
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    void (async () => {
      const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
      const addressRefusal = await consume(byAddress, address);
      if (addressRefusal) return refuse(response, retryAfterSeconds(addressRefusal), 'address');
      const credentials = readCredentials(request.headers);
      if (credentials.bearerToken === undefined && credentials.demoPersonId === undefined) return next();
      const caller = await authenticator.authenticate(credentials).catch(() => undefined);
      if (!caller) return next();
      rememberCaller(request, caller);
      const personRefusal = await consume(byPerson, caller.personId);
      if (personRefusal) return refuse(response, retryAfterSeconds(personRefusal), 'person');
      next();
    })().catch((error: unknown) => {
      logger.error(error instanceof Error ? error.message : String(error));
      next(error);
    });
  });
}

/**
 * Open WebSocket connections per person, in this process. `open` admits a connection while the person holds fewer
 * than the limit; `close` gives its place back.
 */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  admit(personId: string): boolean {
    const count = this.open.get(personId) ?? 0;
    if (count >= this.limit) return false;
    this.open.set(personId, count + 1);
    return true;
  }

  release(personId: string): void {
    const count = (this.open.get(personId) ?? 0) - 1;
    if (count > 0) this.open.set(personId, count);
    else this.open.delete(personId);
  }
}
