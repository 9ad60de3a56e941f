import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { Client, createClient } from 'graphql-ws/client';

import { Identity } from '../identity/identity';
import { graphqlWebSocketUrl } from './graphql-endpoint';
import type { GraphqlOperation } from './graphql-operation';
import { errorFromGraphqlErrors, GraphqlRequestError } from './graphql-request.error';
import { type PauseKind, ServerPauses } from './server-pauses';

/** idle: no subscription open; reconnecting: the socket dropped and comes back on its own. */
export type LiveConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export interface LiveSink<TData> {
  next(data: TData): void;
  /** Only for errors that end the subscription; lost connections are retried. */
  error(error: GraphqlRequestError): void;
}

/** Waits 1, 2, 4, 8, 16, then 30 seconds between attempts, with jitter. */
export function reconnectDelayMs(retries: number): number {
  const seconds = Math.min(2 ** retries, 30);
  return seconds * 1000 + Math.floor(Math.random() * 500);
}

/**
 * Waits 15, 30, 60, 120, then 300 seconds, with jitter, after the API refused a live connection or subscription
 * for the person's limits: far longer than after a drop, so that a person with many tabs does not hammer the API.
 */
export function limitDelayMs(refusals: number): number {
  const seconds = Math.min(15 * 2 ** refusals, 300);
  return seconds * 1000 + Math.floor(Math.random() * 1000);
}

/** Close codes of graphql-ws (its `CloseCode`) that the API uses for credentials and permissions. */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;
/** The person holds too many live connections (graphql-ws gives up on it: it is in its range of fatal codes). */
const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/** Refused credentials in a row (without a connection in between) before a subscription gives up. */
const MAX_REFUSALS = 3;

function closeCodeOf(error: unknown): number | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : null;
}

/** The error a subscription ends with, from what graphql-ws hands over: GraphQL errors or a close event. */
export function liveErrorFrom(error: unknown): GraphqlRequestError {
  if (Array.isArray(error)) {
    return errorFromGraphqlErrors(error);
  }
  switch (closeCodeOf(error)) {
    case CLOSE_UNAUTHORIZED:
      return new GraphqlRequestError('UNAUTHENTICATED', 'The live connection was refused: sign in again');
    case CLOSE_FORBIDDEN:
      return new GraphqlRequestError('FORBIDDEN', 'The live connection is not allowed');
    case CLOSE_TOO_MANY_CONNECTIONS:
      return new GraphqlRequestError('TOO_MANY_CONNECTIONS', 'Too many live connections');
    default:
      return new GraphqlRequestError('NETWORK', 'Live connection failed');
  }
}

/** Which limit of the API refused a subscription, if one did: then it is tried again later, not given up. */
function limitOf(error: GraphqlRequestError): Exclude<PauseKind, 'requests'> | null {
  if (error.code === 'TOO_MANY_CONNECTIONS') return 'connections';
  if (error.code === 'TOO_MANY_SUBSCRIPTIONS') return 'subscriptions';
  return null;
}

/**
 * Subscriptions over one graphql-ws WebSocket. The socket opens with the
 * first subscription, closes shortly after the last, and reconnects forever
 * after a drop. Listeners of `onConnected` hear every (re)connection, so screens can
 * re-read what they may have missed.
 *
 * graphql-ws is loaded with the first subscription, so pages without live
 * data (the start page) do not download it.
 *
 * Credentials travel once per connection, in `connection_init`, read from
 * `Identity` for each (re)connection. When the server closes the socket with
 * 4401 (credentials missing, invalid or expired), graphql-ws gives up on its
 * own; then the subscriptions renew the credentials and subscribe again.
 *
 * When the API refuses for the person's limits (close code 4429: too many connections; TOO_MANY_SUBSCRIPTIONS: too
 * many live views on one connection), the subscriptions wait (limitDelayMs, growing while the refusals go on) and
 * subscribe again; ServerPauses tells the person. The subscriptions refused by one 4429 wait for the same pause and
 * come back together, on one connection.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlLiveClient {
  private readonly identity = inject(Identity);
  private readonly document = inject(DOCUMENT);
  private readonly pauses = inject(ServerPauses);
  private readonly connectedListeners = new Set<() => void>();
  private readonly state = signal<LiveConnectionState>('idle');
  private library: Promise<{ createClient: typeof createClient }> | null = null;
  private client: Client | null = null;
  /** The identity the current client's sockets carry. */
  private clientKey: string | null = null;
  private openSubscriptions = 0;
  /** Connections refused with 4429 in a row, without a connection in between. */
  private connectionRefusals = 0;

  readonly connectionState = this.state.asReadonly();

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  subscribe<TData, TVariables extends object>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    sink: LiveSink<TData>,
  ): () => void {
    this.openSubscriptions += 1;
    let open = true;
    let unsubscribe: (() => void) | null = null;
    let refusals = 0;
    /** TOO_MANY_SUBSCRIPTIONS refusals of this subscription. */
    let subscriptionRefusals = 0;
    const stopCounting = this.onConnected(() => (refusals = 0));
    const close = (): void => {
      if (open) {
        open = false;
        this.openSubscriptions -= 1;
        stopCounting();
      }
    };
    const start = async (): Promise<void> => {
      let client: Client;
      try {
        client = await this.ensureClient();
      } catch {
        if (open) {
          close();
          sink.error(new GraphqlRequestError('NETWORK', 'The live client could not be loaded'));
        }
        return;
      }
      if (!open) {
        return;
      }
      unsubscribe = client.subscribe<TData>(
        {
          query: operation.document,
          variables: { ...variables } as Record<string, unknown>,
        },
        {
          next: (result) => {
            if (result.errors !== undefined && result.errors.length > 0) {
              sink.error(errorFromGraphqlErrors(result.errors));
            } else if (result.data !== undefined && result.data !== null) {
              sink.next(result.data);
            }
          },
          error: (error) => {
            unsubscribe = null;
            if (!open) {
              return;
            }
            if (closeCodeOf(error) === CLOSE_UNAUTHORIZED && refusals < MAX_REFUSALS) {
              refusals += 1;
              void this.identity.renew().then((renewed) => {
                if (!open) {
                  return;
                }
                if (renewed) {
                  void start();
                } else {
                  close();
                  sink.error(liveErrorFrom(error));
                }
              });
              return;
            }
            const failure = liveErrorFrom(error);
            const limit = limitOf(failure);
            if (limit !== null) {
              const refused = limit === 'subscriptions' ? subscriptionRefusals++ : 0;
              void this.waitForLimit(limit, refused).then(() => {
                if (open) void start();
              });
              return;
            }
            close();
            sink.error(failure);
          },
          complete: close,
        },
      );
    };
    void start();
    return () => {
      if (open) {
        close();
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }

  /**
   * Waits out a refusal for the person's limits. One pause serves every subscription a 4429 ended: the first sets it,
   * the others wait for it. `subscriptionRefusals` counts the refusals of one subscription for TOO_MANY_SUBSCRIPTIONS.
   */
  private waitForLimit(limit: Exclude<PauseKind, 'requests'>, subscriptionRefusals: number): Promise<void> {
    if (limit === 'subscriptions') {
      this.pauses.pause(limit, limitDelayMs(subscriptionRefusals));
    } else if (!this.pauses.isPaused(limit)) {
      this.pauses.pause(limit, limitDelayMs(this.connectionRefusals));
      this.connectionRefusals += 1;
    }
    return this.pauses.until(limit);
  }

  private async ensureClient(): Promise<Client> {
    this.library ??= import('graphql-ws/client');
    const { createClient } = await this.library.catch((error: unknown) => {
      // Try the download again next time.
      this.library = null;
      throw error;
    });
    const key = this.identity.key();
    if (this.client !== null && this.clientKey !== key) {
      // The identity travels once, in connection_init: another person needs another socket.
      void this.client.dispose();
      this.client = null;
    }
    this.clientKey = key;
    this.client ??= createClient({
      url: graphqlWebSocketUrl(this.document.location.href),
      lazy: true,
      // Keeps the socket across a quick change of selection.
      lazyCloseTimeout: 2000,
      // Pings keep proxies from closing a quiet socket.
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      // Also retry when the server is down (not only on close events).
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
      // Read for every (re)connection: a renewed access token is used as soon as there is one.
      connectionParams: () => this.identity.connectionParams(),
      on: {
        connecting: (isRetry) => this.state.set(isRetry ? 'reconnecting' : 'connecting'),
        connected: () => {
          this.state.set('connected');
          this.connectionRefusals = 0;
          for (const listener of [...this.connectedListeners]) {
            listener();
          }
        },
        closed: () => this.state.set(this.openSubscriptions > 0 ? 'reconnecting' : 'idle'),
      },
    });
    return this.client;
  }
}
