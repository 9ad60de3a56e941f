import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import { DomainError } from '../common/domain-error.js';
import { isDatabaseUnavailable } from '../common/graphql-error.filter.js';
import { ConnectionCounter, RateLimitCode, type RateLimits, WS_TOO_MANY_CONNECTIONS } from '../security/rate-limits.js';
import { containsNul, NUL_REFUSAL } from '../security/text-input.js';
import { Authenticator, readCredentials } from './authenticator.js';
import type { ConnectionExtra } from './graphql-context.js';

/** Nest types graphql-ws's `extra` as unknown; with the `ws` server it is the socket, the request and our state. */
type ConnectionContext = Context<Record<string, unknown> | undefined, unknown>;
type ConnectionState = Extra & ConnectionExtra & ConnectionBookkeeping;

interface ConnectionBookkeeping {
  expiryTimer?: NodeJS.Timeout;
  /** The person this connection is counted for (ConnectionCounter), once admitted. */
  countedFor?: string;
}

/**
 * Close reasons a client can act on: sign in (again), close another tab, or try again later (1013: the database is
 * unavailable, so the credentials could not be checked; clients retry, where 4401 would send them to sign in).
 */
export const WS_CLOSE = {
  unauthenticated: { code: CloseCode.Unauthorized, reason: 'Unauthenticated: sign in first' },
  expired: { code: CloseCode.Unauthorized, reason: 'Unauthenticated: sign-in expired' },
  tooManyConnections: WS_TOO_MANY_CONNECTIONS,
  databaseUnavailable: { code: 1013, reason: 'Try again later: the database is unavailable' },
} as const;

/** Longest a timer can wait in Node; later expiries are re-checked on every operation anyway. */
const MAX_TIMER_MS = 2_147_483_647;

const logger = new Logger('WebSocketAuth');

/**
 * graphql-ws hooks that authenticate a connection once, in `connection_init`: without valid credentials the socket
 * closes with 4401; when the credential expires, the socket closes with 4401 too, which ends every subscription on
 * it (the client reconnects with a fresh token).
 *
 * They also hold the WebSocket limits (issue 9), counted in this process: a person's connection beyond
 * `connectionsPerPerson` closes with 4429 "Too many connections"; an operation beyond `subscriptionsPerConnection`
 * running at once on one connection gets an error with code TOO_MANY_SUBSCRIPTIONS (completing one frees its place).
 */
export function webSocketAuthentication(
  authenticator: Authenticator,
  limits: Pick<RateLimits, 'connectionsPerPerson' | 'subscriptionsPerConnection'>,
) {
  const connections = new ConnectionCounter(limits.connectionsPerPerson);
  return {
    onConnect: async (ctx: ConnectionContext): Promise<boolean> => {
      const extra = ctx.extra as ConnectionState;
      const socket = extra.socket;
      try {
        const caller = await authenticator.authenticate(readCredentials(ctx.connectionParams ?? {}));
        if (!caller) {
          socket.close(WS_CLOSE.unauthenticated.code, WS_CLOSE.unauthenticated.reason);
          return false;
        }
        // Closed while authenticating: graphql-ws has run onClose already, so this one must not be counted.
        if (socket.readyState !== socket.OPEN) return false;
        if (!connections.admit(caller.personId)) {
          socket.close(WS_CLOSE.tooManyConnections.code, WS_CLOSE.tooManyConnections.reason);
          return false;
        }
        extra.countedFor = caller.personId;
        extra.caller = caller;
        // Nothing reads the upgrade request after this: drop it (its headers and buffers) for the connection's life.
        (extra as { request?: unknown }).request = undefined;
        if (caller.expiresAt !== undefined) {
          const delay = Math.max(0, caller.expiresAt * 1000 - Date.now());
          extra.expiryTimer = setTimeout(
            () => socket.close(WS_CLOSE.expired.code, WS_CLOSE.expired.reason),
            Math.min(delay, MAX_TIMER_MS),
          );
        }
        return true;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          logger.warn(`Database unavailable: ${(error as Error).message}`);
          socket.close(WS_CLOSE.databaseUnavailable.code, WS_CLOSE.databaseUnavailable.reason);
          return false;
        }
        if (!(error instanceof DomainError)) logger.error(error instanceof Error ? error.message : String(error));
        socket.close(WS_CLOSE.unauthenticated.code, WS_CLOSE.unauthenticated.reason);
        return false;
      }
    },
    onClose: (ctx: ConnectionContext): void => {
      const extra = ctx.extra as ConnectionState;
      clearTimeout(extra.expiryTimer);
      if (extra.countedFor !== undefined) connections.release(extra.countedFor);
      extra.countedFor = undefined;
    },
    /** graphql-ws has registered the new operation in `ctx.subscriptions` before this runs: it counts itself. */
    onSubscribe: (
      ctx: ConnectionContext,
      _id: string,
      payload: { readonly variables?: unknown },
    ): readonly GraphQLError[] | undefined => {
      if (containsNul(payload.variables)) {
        return [new GraphQLError(NUL_REFUSAL.message, { extensions: { code: NUL_REFUSAL.code } })];
      }
      if (Object.keys(ctx.subscriptions).length <= limits.subscriptionsPerConnection) return undefined;
      return [
        new GraphQLError(
          `At most ${limits.subscriptionsPerConnection} subscriptions may run on one connection. End one first.`,
          { extensions: { code: RateLimitCode.TooManySubscriptions } },
        ),
      ];
    },
  };
}
