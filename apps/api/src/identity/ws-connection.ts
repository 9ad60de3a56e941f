import { Logger } from '@nestjs/common';
import { CloseCode, type Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import { DomainError } from '../common/domain-error.js';
import { Authenticator, readCredentials } from './authenticator.js';
import type { ConnectionExtra } from './graphql-context.js';

/** Nest types graphql-ws's `extra` as unknown; with the `ws` server it is the socket, the request and our state. */
type ConnectionContext = Context<Record<string, unknown> | undefined, unknown>;
type ConnectionState = Extra & ConnectionExtra & ExpiryTimer;

interface ExpiryTimer {
  expiryTimer?: NodeJS.Timeout;
}

/** Close reasons a client can act on: sign in (again). */
export const WS_CLOSE = {
  unauthenticated: { code: CloseCode.Unauthorized, reason: 'Unauthenticated: sign in first' },
  expired: { code: CloseCode.Unauthorized, reason: 'Unauthenticated: sign-in expired' },
} as const;

/** Longest a timer can wait in Node; later expiries are re-checked on every operation anyway. */
const MAX_TIMER_MS = 2_147_483_647;

const logger = new Logger('WebSocketAuth');

/**
 * graphql-ws hooks that authenticate a connection once, in `connection_init`: without valid credentials the socket
 * closes with 4401; when the credential expires, the socket closes with 4401 too, which ends every subscription on
 * it (the client reconnects with a fresh token).
 */
export function webSocketAuthentication(authenticator: Authenticator) {
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
        extra.caller = caller;
        if (caller.expiresAt !== undefined) {
          const delay = Math.max(0, caller.expiresAt * 1000 - Date.now());
          extra.expiryTimer = setTimeout(
            () => socket.close(WS_CLOSE.expired.code, WS_CLOSE.expired.reason),
            Math.min(delay, MAX_TIMER_MS),
          );
        }
        return true;
      } catch (error) {
        if (!(error instanceof DomainError)) logger.error(error instanceof Error ? error.message : String(error));
        socket.close(WS_CLOSE.unauthenticated.code, WS_CLOSE.unauthenticated.reason);
        return false;
      }
    },
    onClose: (ctx: ConnectionContext): void => {
      clearTimeout((ctx.extra as ConnectionState).expiryTimer);
    },
  };
}
