import { TestBed } from '@angular/core/testing';
import type { Client, ClientOptions, Sink } from 'graphql-ws';
import { createClient } from 'graphql-ws';

import { DemoIdentity } from '../identity/demo-identity';
import { GraphqlLiveClient, reconnectDelayMs } from './graphql-live.client';
import { graphqlOperation } from './graphql-operation';
import type { GraphqlRequestError } from './graphql-request.error';

jest.mock('graphql-ws', () => ({ createClient: jest.fn() }));

const TICKS = graphqlOperation<{ tick: number }, { every: number }>(
  'subscription Ticks($every: Int!) { tick(every: $every) }',
);

interface FakeSocketClient {
  readonly options: ClientOptions;
  readonly sinks: Sink[];
  readonly unsubscribe: jest.Mock;
  readonly dispose: jest.Mock;
}

describe('GraphqlLiveClient', () => {
  let made: FakeSocketClient[];

  beforeEach(() => {
    localStorage.clear();
    made = [];
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
    TestBed.inject(DemoIdentity).choose('person-1');
  });

  function only(): FakeSocketClient {
    expect(made).toHaveLength(1);
    return made[0] as FakeSocketClient;
  }

  it('connects lazily to the same origin, retrying forever with the person as parameter', async () => {
    const live = TestBed.inject(GraphqlLiveClient);
    expect(createClient).not.toHaveBeenCalled();

    live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });

    const { options } = only();
    expect(options.url).toBe('ws://localhost/graphql');
    expect(options.lazy).toBe(true);
    expect(options.retryAttempts).toBe(Number.POSITIVE_INFINITY);
    expect(options.shouldRetry?.(new Error('refused'))).toBe(true);
    const params =
      typeof options.connectionParams === 'function' ? await options.connectionParams() : options.connectionParams;
    expect(params).toEqual({ 'x-nahbar-demo-person': 'person-1' });
  });

  it('hands on data and turns GraphQL errors into coded errors', () => {
    const next = jest.fn();
    const error = jest.fn<void, [GraphqlRequestError]>();
    TestBed.inject(GraphqlLiveClient).subscribe(TICKS, { every: 1 }, { next, error });
    const [sink] = only().sinks;

    sink?.next({ data: { tick: 3 } });
    sink?.next({ errors: [{ message: 'x', extensions: { code: 'OFFICE_NOT_FOUND' } }] });

    expect(next).toHaveBeenCalledWith({ tick: 3 });
    expect(error.mock.calls[0]?.[0].code).toBe('OFFICE_NOT_FOUND');
  });

  it('tells listeners about every (re)connection until they stop listening', () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const listener = jest.fn();
    const stop = live.onConnected(listener);
    live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    const on = only().options.on;

    on?.connected?.(null, undefined, false);
    on?.connected?.(null, undefined, true);
    stop();
    on?.connected?.(null, undefined, true);

    expect(listener).toHaveBeenCalledTimes(2);
    expect(live.connectionState()).toBe('connected');
  });

  it('reports a drop while subscribed as reconnecting', () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const stop = live.subscribe(TICKS, { every: 1 }, { next: jest.fn(), error: jest.fn() });
    const on = only().options.on;

    on?.closed?.({ code: 1006 });
    expect(live.connectionState()).toBe('reconnecting');

    stop();
    on?.closed?.({ code: 1000 });
    expect(live.connectionState()).toBe('idle');
  });

  it('unsubscribes once, however often the returned function is called', () => {
    const stop = TestBed.inject(GraphqlLiveClient).subscribe(
      TICKS,
      { every: 1 },
      { next: jest.fn(), error: jest.fn() },
    );
    stop();
    stop();
    expect(only().unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('opens a new socket for another person', () => {
    const live = TestBed.inject(GraphqlLiveClient);
    const sink = { next: jest.fn(), error: jest.fn() };
    live.subscribe(TICKS, { every: 1 }, sink)();

    TestBed.inject(DemoIdentity).choose('person-2');
    live.subscribe(TICKS, { every: 1 }, sink);

    expect(made).toHaveLength(2);
    expect(made[0]?.dispose).toHaveBeenCalled();
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second and stops growing at thirty', () => {
    const seconds = [0, 1, 2, 3, 4, 5, 10, 50].map((retries) => Math.floor(reconnectDelayMs(retries) / 1000));
    expect(seconds).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });
});
