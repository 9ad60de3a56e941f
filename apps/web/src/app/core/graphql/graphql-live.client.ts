import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { Client, createClient } from 'graphql-ws/client';

import { Identity } from '../identity/identity';
import { graphqlWebSocketUrl } from './graphql-endpoint';
import type { GraphqlOperation } from './graphql-operation';
import { errorFromGraphqlErrors, GraphqlRequestError } from './graphql-request.error';

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

/** Close codes of graphql-ws (its `CloseCode`) that the API uses for credentials and permissions. */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;

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
    default:
      return new GraphqlRequestError('NETWORK', 'Live connection failed');
  }
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
 */
@Injectable({ providedIn: 'root' })
export class GraphqlLiveClient {
  private readonly identity = inject(Identity);
  private readonly document = inject(DOCUMENT);
  private readonly connectedListeners = new Set<() => void>();
  private readonly state = signal<LiveConnectionState>('idle');
  private library: Promise<{ createClient: typeof createClient }> | null = null;
  private client: Client | null = null;
  /** The identity the current client's sockets carry. */
  private clientKey: string | null = null;
  private openSubscriptions = 0;

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
            close();
            sink.error(liveErrorFrom(error));
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
