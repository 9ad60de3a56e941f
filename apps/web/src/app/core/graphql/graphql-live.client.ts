import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { type Client, createClient } from 'graphql-ws';

import { DemoIdentity } from '../identity/demo-identity';
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

/**
 * Subscriptions over one graphql-ws WebSocket. The socket opens with the
 * first subscription, closes shortly after the last, and reconnects forever
 * after a drop. Listeners of `onConnected` hear every (re)connection, so screens can
 * re-read what they may have missed.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlLiveClient {
  private readonly identity = inject(DemoIdentity);
  private readonly document = inject(DOCUMENT);
  private readonly connectedListeners = new Set<() => void>();
  private readonly state = signal<LiveConnectionState>('idle');
  private client: Client | null = null;
  /** The person whose identity the current client's socket carries. */
  private clientPersonId: string | null = null;
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
    const client = this.ensureClient();
    this.openSubscriptions += 1;
    let open = true;
    const close = (): void => {
      if (open) {
        open = false;
        this.openSubscriptions -= 1;
      }
    };
    const unsubscribe = client.subscribe<TData>(
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
          close();
          sink.error(
            Array.isArray(error)
              ? errorFromGraphqlErrors(error)
              : new GraphqlRequestError('NETWORK', 'Live connection failed'),
          );
        },
        complete: close,
      },
    );
    let stopped = false;
    return () => {
      if (!stopped) {
        stopped = true;
        close();
        unsubscribe();
      }
    };
  }

  private ensureClient(): Client {
    const personId = this.identity.personId();
    if (this.client !== null && this.clientPersonId !== personId) {
      // The identity travels once, in connection_init: another person needs another socket.
      void this.client.dispose();
      this.client = null;
    }
    this.clientPersonId = personId;
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
