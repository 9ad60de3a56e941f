import { Injectable, Logger } from '@nestjs/common';
import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';

type ConnectionContext = Context<Record<string, unknown> | undefined, unknown>;

/** The graphql-ws hook this registry wraps (see `identity/ws-connection.ts`). */
interface ConnectionHooks {
  onConnect: (ctx: ConnectionContext) => Promise<boolean>;
}

/**
 * 1012 "Service Restart": the client should reconnect. The web client reconnects after any close but 4401/4403 and
 * re-reads everything it shows on every (re)connection (DESIGN.md §4).
 */
export const RESYNC_CLOSE = { code: 1012, reason: 'Live events may have been missed: reconnect and re-read' } as const;

/**
 * The open graphql-ws sockets of this process. When this process may have missed events (its LISTEN connection was
 * down for a moment), `closeAll` sends every client away: it reconnects, to this or another instance, and re-reads,
 * so no screen stays stale. Holding the sockets here is cheap: a Set, emptied by each socket's own close event.
 */
@Injectable()
export class LiveConnections {
  private readonly logger = new Logger('LiveConnections');
  private readonly sockets = new Map<WebSocket, ConnectionContext>();

  /** Wraps the connection hooks: an accepted connection is counted until its socket closes. */
  track<Hooks extends ConnectionHooks>(hooks: Hooks): Hooks {
    return {
      ...hooks,
      onConnect: async (ctx: ConnectionContext): Promise<boolean> => {
        const accepted = await hooks.onConnect(ctx);
        const socket = (ctx.extra as Extra).socket;
        if (accepted && socket.readyState === socket.OPEN) {
          this.sockets.set(socket, ctx);
          socket.once('close', () => this.sockets.delete(socket));
        }
        return accepted;
      },
    };
  }

  get size(): number {
    return this.sockets.size;
  }

  connections(): number {
    return this.sockets.size;
  }

  /** Subscriptions running on the open connections (graphql-ws keeps them per connection). */
  subscriptions(): number {
    let count = 0;
    for (const ctx of this.sockets.values()) count += Object.keys(ctx.subscriptions).length;
    return count;
  }

  closeAll(): void {
    if (this.sockets.size === 0) return;
    this.logger.log(`Asking ${this.sockets.size} live client(s) to reconnect and re-read`);
    for (const socket of this.sockets.keys()) socket.close(RESYNC_CLOSE.code, RESYNC_CLOSE.reason);
    this.sockets.clear();
  }
}
