import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Client, ClientOptions, Sink } from 'graphql-ws/client';
import { createClient } from 'graphql-ws/client';

import { AUTH_SESSION, type AuthSession } from '../identity/auth-session';
import { DemoSession } from '../identity/demo-session';
import { GraphqlLiveClient, limitDelayMs, liveErrorFrom, reconnectDelayMs } from './graphql-live.client';
import { graphqlOperation } from './graphql-operation';
import type { GraphqlRequestError } from './graphql-request.error';
import { ServerPauses } from './server-pauses';

jest.mock('graphql-ws/client', () => ({ createClient: jest.fn() }));

/** Lets the lazily loaded graphql-ws arrive and the subscription start. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve();
  }
}

const TICKS = graphqlOperation<{ tick: number }, { every: number }>(
  'subscription Ticks($every: Int!) { tick(every: $every) }',
);

interface FakeSocketClient {
  readonly options: ClientOptions;
  readonly sinks: Sink[];
  readonly unsubscribe: jest.Mock;
  readonly dispose: jest.Mock;
}

/** Lets createClient make fakes that record their options and subscriptions, in the array returned. */
function fakeClients(): FakeSocketClient[] {
  const made: FakeSocketClient[] = [];
  jest.mocked(createClient).mockImplementation((options) => {
    const fake: FakeSocketClient = {
      options,
      sinks: [],
      unsubscribe: jest.fn(),
      dispose: jest.fn(async () => undefined),
    };
    made.push(fake);
    return {
      subscribe: (_payload: unknown, sink: Sink) => {
        fake.sinks.push(sink);
        return fake.unsubscribe;
      },
      dispose: fake.dispose,
    } as unknown as Client;
  });
  return made;
}

describe('GraphqlLiveClient', () => {
  let made: FakeSocketClient[];

  beforeEach(() => {
    localStorage.clear();
    made = fakeClients();
    TestBed.inject(DemoSession).choose('person-1');
  });

  function only(): FakeSocketClient {
    expect(made).toHaveLength(1);
    return made[0] as FakeSocketClient;
  }

  it('connects lazily to the same origin, retrying forever with the person as parameter', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    expect(createClient).not.toHaveBeenCalled();

    live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    await settle();

    const { options } = only();
    expect(options.url).toBe('ws://localhost/graphql');
    expect(options.lazy).toBe(true);
    expect(options.retryAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(options.shouldRetry?.(new Error('refused'))).toBe(true);
    const params =
      typeof options.connectionParams === 'function' ? await options.connectionParams() : options.connectionParams;
    expect(params).toEqual({ 'x-nahbar-demo-person': 'person-1' });
  });

  it('hands on data and turns GraphQL errors into coded errors', async () => {
    const next = jest.fn();
    const error = jest.fn<void, [GraphqlRequestError]>();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next, error });
    await settle();
    const [sink] = only().sinks;

    sink?.next({ data: { tick: 3 } });
    sink?.next({ errors: [{ message: 'x', extensions: { code: 'OFFICE_NOT_FOUND' } }] });

    expect(next).toHaveBeenCalledWith({ tick: 3 });
    expect(error.mock.calls[0]?.[0].code).toBe('OFFICE_NOT_FOUND');
  });

  it('tells listeners about every (re)connection until they stop listening', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const listener = jest.fn();
    const stop = live.onConnected(listener);
    live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    await settle();
    const on = only().options.on;

    on?.connected?.(null, undefined, false);
    on?.connected?.(null, undefined, true);
    stop();
    on?.connected?.(null, undefined, true);

    expect(listener).toHaveBeenCalledTimes(2);
    expect(live.connectionState()).toBe('connected');
  });

  it('reports a drop while subscribed as reconnecting', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const stop = live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    await settle();
    const on = only().options.on;

    on?.closed?.({ code: 1006 });
    expect(live.connectionState()).toBe('reconnecting');

    stop();
    on?.closed?.({ code: 1000 });
    expect(live.connectionState()).toBe('idle');
  });

  it('unsubscribes once, however often the returned function is called', async () => {
    const stop = TestBed.inject(GraphqlLiveClient).subscribe(
      TICKS,
      { every: 1 },
      { next: jest.fn(), error: jest.fn() },
    );
    await settle();
    stop();
    stop();
    expect(only().unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('opens a new socket for another person', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const sink = { next: jest.fn(), error: jest.fn() };
    const stop = live.subscribe(TICKS, { every: 1 }, sink);
    await settle();
    stop();

    TestBed.inject(DemoSession).choose('person-2');
    live.subscribe(TICKS, { every: 1 }, sink);
    await settle();

    expect(made).toHaveLength(2);
    expect(made[0]?.dispose).toHaveBeenCalled();
  });
});

describe('GraphqlLiveClient refused for the person’s limits', () => {
  let made: FakeSocketClient[];

  beforeEach(() => {
    jest.useFakeTimers();
    // No jitter: the waits are exactly 15, 30, 60 … seconds.
    jest.spyOn(Math, 'random').mockReturnValue(0);
    made = fakeClients();
    TestBed.inject(DemoSession).choose('person-1');
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  function sinks(): Sink[] {
    return made[0]?.sinks ?? [];
  }

  it('waits 15 seconds after close code 4429, says so, subscribes again, and waits longer the next time', async () => {
    const error = jest.fn();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error });
    const pauses = TestBed.inject(ServerPauses);
    await jest.advanceTimersByTimeAsync(0);

    sinks()[0]?.error({ code: 4429, reason: 'Too many connections' });
    await jest.advanceTimersByTimeAsync(14_999);
    expect(sinks()).toHaveLength(1);
    expect(pauses.notice()).toContain('Tabs oder Fenstern');
    expect(pauses.notice()).toContain('in etwa 15 Sekunden');
    await jest.advanceTimersByTimeAsync(1);
    expect(sinks()).toHaveLength(2);
    expect(pauses.notice()).toBeNull();

    sinks()[1]?.error({ code: 4429, reason: 'Too many connections' });
    await jest.advanceTimersByTimeAsync(29_999);
    expect(sinks()).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sinks()).toHaveLength(3);
    expect(error).not.toHaveBeenCalled();
  });

  it('starts again at 15 seconds once a connection got through', async () => {
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    await jest.advanceTimersByTimeAsync(0);
    sinks()[0]?.error({ code: 4429, reason: 'Too many connections' });
    await jest.advanceTimersByTimeAsync(15_000);

    made[0]?.options.on?.connected?.(null, undefined, false);
    sinks()[1]?.error({ code: 4429, reason: 'Too many connections' });
    await jest.advanceTimersByTimeAsync(15_000);

    expect(sinks()).toHaveLength(3);
  });

  it('brings back every subscription one 4429 ended after one shared pause', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    live.subscribe(TICKS, { every: 2 }, { next: jest.fn(), error: jest.fn() });
    await jest.advanceTimersByTimeAsync(0);

    for (const sink of [...sinks()]) sink.error({ code: 4429, reason: 'Too many connections' });
    await jest.advanceTimersByTimeAsync(14_999);
    expect(sinks()).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);

    expect(sinks()).toHaveLength(4);
  });

  it('tries a subscription refused with TOO_MANY_SUBSCRIPTIONS again later', async () => {
    const error = jest.fn();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error });
    const pauses = TestBed.inject(ServerPauses);
    await jest.advanceTimersByTimeAsync(0);

    sinks()[0]?.error([{ message: 'At most 100', extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }]);
    await jest.advanceTimersByTimeAsync(0);
    expect(pauses.notice()).toContain('zu viele Live-Anzeigen');
    await jest.advanceTimersByTimeAsync(15_000);

    expect(sinks()).toHaveLength(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('does not subscribe again when the page let go during the pause', async () => {
    const stop = TestBed.inject(GraphqlLiveClient).subscribe(
      TICKS,
      { every: 1 },
      { next: jest.fn(), error: jest.fn() },
    );
    await jest.advanceTimersByTimeAsync(0);
    sinks()[0]?.error({ code: 4429, reason: 'Too many connections' });

    stop();
    await jest.advanceTimersByTimeAsync(60_000);

    expect(sinks()).toHaveLength(1);
  });
});

describe('GraphqlLiveClient with credentials that expire', () => {
  let made: FakeSocketClient[];
  let token: string;
  let renewals: boolean[];
  let session: AuthSession;

  beforeEach(() => {
    made = fakeClients();
    token = 'token-1';
    renewals = [];
    session = {
      mode: 'OIDC',
      key: signal<string | null>('oidc:sub-1'),
      credentials: async () => ({ authorization: `Bearer ${token}` }),
      renew: jest.fn(async () => {
        const renewed = renewals.shift() ?? true;
        if (renewed) {
          token = `token-${Number(token.slice(6)) + 1}`;
        }
        return renewed;
      }),
      signIn: jest.fn(),
      signOut: jest.fn(),
      forget: jest.fn(),
    };
    TestBed.configureTestingModule({ providers: [{ provide: AUTH_SESSION, useValue: session }] });
  });

  async function params(): Promise<unknown> {
    const options = made[0]?.options;
    return typeof options?.connectionParams === 'function' ? options.connectionParams() : options?.connectionParams;
  }

  it('sends the bearer token of the moment in connection_init, read anew for each connection', async () => {
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    await settle();

    expect(await params()).toEqual({ authorization: 'Bearer token-1' });
    token = 'token-9';
    expect(await params()).toEqual({ authorization: 'Bearer token-9' });
  });

  it('renews the token and subscribes again when the server closes with 4401', async () => {
    const error = jest.fn();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error });
    await settle();

    made[0]?.sinks[0]?.error({ code: 4401, reason: 'Unauthenticated: sign-in expired' });
    await settle();

    expect(session.renew).toHaveBeenCalledTimes(1);
    expect(made[0]?.sinks).toHaveLength(2);
    expect(await params()).toEqual({ authorization: 'Bearer token-2' });
    expect(error).not.toHaveBeenCalled();
  });

  it('ends the subscription as UNAUTHENTICATED when no new token can be had', async () => {
    renewals = [false];
    const error = jest.fn<void, [GraphqlRequestError]>();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error });
    await settle();

    made[0]?.sinks[0]?.error({ code: 4401, reason: 'Unauthenticated: sign in first' });
    await settle();

    expect(error.mock.calls[0]?.[0].code).toBe('UNAUTHENTICATED');
    expect(made[0]?.sinks).toHaveLength(1);
  });

  it('stops after three refusals in a row without a connection in between', async () => {
    const error = jest.fn<void, [GraphqlRequestError]>();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next: jest.fn(), error });
    await settle();

    for (let attempt = 0; attempt < 4; attempt += 1) {
      made[0]?.sinks.at(-1)?.error({ code: 4401, reason: 'refused' });
      await settle();
    }

    expect(session.renew).toHaveBeenCalledTimes(3);
    expect(error.mock.calls[0]?.[0].code).toBe('UNAUTHENTICATED');
  });
});

describe('liveErrorFrom', () => {
  it('names refused credentials, missing permission and lost connections', () => {
    expect(liveErrorFrom({ code: 4401, reason: 'x' }).code).toBe('UNAUTHENTICATED');
    expect(liveErrorFrom({ code: 4403, reason: 'x' }).code).toBe('FORBIDDEN');
    expect(liveErrorFrom({ code: 1011, reason: 'x' }).code).toBe('NETWORK');
    expect(liveErrorFrom({ code: 4429, reason: 'Too many connections' }).code).toBe('TOO_MANY_CONNECTIONS');
    expect(liveErrorFrom([{ message: 'x', extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }]).code).toBe(
      'TOO_MANY_SUBSCRIPTIONS',
    );
    expect(liveErrorFrom([{ message: 'x', extensions: { code: 'OFFICE_NOT_FOUND' } }]).code).toBe('OFFICE_NOT_FOUND');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second and stops growing at thirty', () => {
    const seconds = [0, 1, 2, 3, 4, 5, 10, 50].map((retries) => Math.floor(reconnectDelayMs(retries) / 1000));
    expect(seconds).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });
});

describe('limitDelayMs', () => {
  it('doubles from fifteen seconds and stops growing at five minutes', () => {
    const seconds = [0, 1, 2, 3, 4, 5, 10].map((refusals) => Math.floor(limitDelayMs(refusals) / 1000));
    expect(seconds).toEqual([15, 30, 60, 120, 240, 300, 300]);
  });
});
