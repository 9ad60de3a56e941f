import { type Client, createClient } from 'graphql-ws';

import { DEMO_PERSON_HEADER } from '../../src/identity/demo-identity.js';

export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface GraphqlResponse<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphqlError[];
}

/** One GraphQL request over real HTTP, acting as `personId` (demo identity) when given. */
export async function graphql<Data = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  personId?: string,
): Promise<GraphqlResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (personId) headers[DEMO_PERSON_HEADER] = personId;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<Data>;
}

/** The error code of the only error of a response, for terse assertions. */
export function errorCode(response: GraphqlResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** A graphql-ws client over a real WebSocket (Node's built-in WebSocket). */
export function wsClient(baseUrl: string, personId?: string): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    connectionParams: personId ? { [DEMO_PERSON_HEADER]: personId } : {},
    lazy: true,
    retryAttempts: 0,
  });
}

/** Collects what a subscription delivers, so a test can wait for the next event with a deadline. */
export class EventRecorder<Event> {
  readonly events: Event[] = [];
  readonly errors: unknown[] = [];
  private waiters: (() => void)[] = [];
  private dispose: (() => void) | undefined;

  subscribe(client: Client, query: string, variables: Record<string, unknown>, pick: (data: never) => Event): this {
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          else if (result.data) this.events.push(pick(result.data as never));
          this.wake();
        },
        error: (error) => {
          this.errors.push(error);
          this.wake();
        },
        complete: () => this.wake(),
      },
    );
    return this;
  }

  /** Resolves when `count` events or an error arrived, rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count && this.errors.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${count} event(s) within ${timeoutMs} ms, got ${this.events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Resolves with the first event (seen so far or arriving) that `matches`, rejects after `timeoutMs` or on an error.
   * For waiting on the event a test is about: under load an earlier event may still arrive after a test cleared
   * `events`, so "the first event" is not always the right one.
   */
  async waitUntil(matches: (event: Event) => boolean, timeoutMs: number): Promise<Event> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(matches);
      if (found !== undefined) return found;
      if (this.errors.length > 0) throw new Error(`Subscription failed: ${JSON.stringify(this.errors)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): void {
    this.dispose?.();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
