import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { anOccupancy, half } from '../../../../testing/occupancy';
import type { OfficeOccupancy } from '../../../core/graphql/api.types';
import type { LiveConnectionState, LiveSink } from '../../../core/graphql/graphql-live.client';
import { GraphqlRequestError } from '../../../core/graphql/graphql-request.error';
import { OccupancyApi, type OccupancyQuery } from './occupancy.api';
import { barSegments, bookedPercent, occupancySummary } from './occupancy.state';
import { ANNOUNCE_INTERVAL_MS, OccupancyStore } from './occupancy.store';

const QUERY: OccupancyQuery = { officeId: 'o1', date: '2026-11-24' };

interface Pending {
  readonly query: OccupancyQuery;
  resolve(value: OfficeOccupancy): void;
  reject(error: unknown): void;
}

/** Stands in for the API: every read waits until the test answers it. */
class FakeOccupancyApi {
  readonly liveState = signal<LiveConnectionState>('idle');
  readonly liveConnection = this.liveState.asReadonly();
  readonly reads: Pending[] = [];
  readonly follows: { query: OccupancyQuery; sink: LiveSink<OfficeOccupancy>; stopped: boolean }[] = [];
  readonly connected = new Set<() => void>();

  occupancy(query: OccupancyQuery): Promise<OfficeOccupancy> {
    return new Promise((resolve, reject) => this.reads.push({ query, resolve, reject }));
  }

  follow(query: OccupancyQuery, sink: LiveSink<OfficeOccupancy>): () => void {
    const follow = { query, sink, stopped: false };
    this.follows.push(follow);
    return () => (follow.stopped = true);
  }

  onLiveConnected(listener: () => void): () => void {
    this.connected.add(listener);
    return () => this.connected.delete(listener);
  }

  lastRead(): Pending {
    const read = this.reads.at(-1);
    if (!read) throw new Error('no read');
    return read;
  }

  lastFollow(): { query: OccupancyQuery; sink: LiveSink<OfficeOccupancy>; stopped: boolean } {
    const follow = this.follows.at(-1);
    if (!follow) throw new Error('no follow');
    return follow;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

describe('occupancy figures', () => {
  it('gives the booked share of the bookable desks and bar parts that add up to all desks', () => {
    expect(bookedPercent(half(10, 3, 1, 2))).toBe(38);
    expect(bookedPercent(half(2, 0, 0, 2))).toBe(0);
    const parts = barSegments(half(10, 3, 1, 2));
    expect(parts).toEqual({ checkedIn: 10, bookedOnly: 20, free: 50, blocked: 20 });
    expect(barSegments(half(0, 0))).toEqual({ checkedIn: 0, bookedOnly: 0, free: 0, blocked: 0 });
  });

  it('sums up the office in one sentence per half, naming blocked desks only when there are some', () => {
    expect(occupancySummary(anOccupancy(4))).toBe(
      'Vormittag: 4 von 10 Plätzen belegt, 1 eingecheckt, 5 frei, 1 gesperrt. ' +
        'Nachmittag: 3 von 10 Plätzen belegt, 1 eingecheckt, 6 frei, 1 gesperrt.',
    );
    expect(occupancySummary(anOccupancy(0, { morning: half(4, 1), afternoon: half(4, 0) }))).toBe(
      'Vormittag: 1 von 4 Plätzen belegt, 0 eingecheckt, 3 frei. Nachmittag: 0 von 4 Plätzen belegt, 0 eingecheckt, 4 frei.',
    );
  });
});

describe('OccupancyStore', () => {
  let api: FakeOccupancyApi;
  let store: OccupancyStore;

  beforeEach(() => {
    api = new FakeOccupancyApi();
    TestBed.configureTestingModule({ providers: [OccupancyStore, { provide: OccupancyApi, useValue: api }] });
    store = TestBed.inject(OccupancyStore);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads the counts of the office and date and follows the same choice', async () => {
    store.watch(QUERY);
    expect(store.loadState()).toBe('loading');
    expect(api.lastRead().query).toEqual(QUERY);
    expect(api.lastFollow().query).toEqual(QUERY);

    api.lastRead().resolve(anOccupancy(2));
    await settle();
    expect(store.loadState()).toBe('ready');
    expect(store.occupancy()?.morning.booked).toBe(2);
    expect(store.summary()).toContain('Vormittag: 2 von 10 Plätzen belegt');
  });

  it('takes every push as the new state; a push during a read wins over the read', async () => {
    store.watch(QUERY);
    api.lastFollow().sink.next(anOccupancy(5));
    api.lastRead().resolve(anOccupancy(4));
    await settle();
    expect(store.occupancy()?.morning.booked).toBe(5);

    api.lastFollow().sink.next(anOccupancy(6));
    expect(store.occupancy()?.morning.booked).toBe(6);
  });

  it('reads everything again when the live socket (re)connects', async () => {
    store.watch(QUERY);
    api.lastRead().resolve(anOccupancy(1));
    await settle();
    for (const listener of api.connected) listener();
    expect(api.reads).toHaveLength(2);
    api.lastRead().resolve(anOccupancy(7));
    await settle();
    expect(store.occupancy()?.morning.booked).toBe(7);
  });

  it('changes the spoken summary at most every few seconds, and ends with the newest counts', async () => {
    jest.useFakeTimers();
    store.watch(QUERY);
    api.lastRead().resolve(anOccupancy(1));
    await settle();
    expect(store.summary()).toContain('1 von 10');

    const follow = api.lastFollow();
    follow.sink.next(anOccupancy(2));
    follow.sink.next(anOccupancy(3));
    follow.sink.next(anOccupancy(4));
    // The table shows each push at once; the live region waits.
    expect(store.occupancy()?.morning.booked).toBe(4);
    expect(store.summary()).toContain('1 von 10');

    jest.advanceTimersByTime(ANNOUNCE_INTERVAL_MS - 1);
    expect(store.summary()).toContain('1 von 10');
    jest.advanceTimersByTime(1);
    expect(store.summary()).toContain('4 von 10');

    // Quiet long enough: the next change is spoken at once.
    jest.advanceTimersByTime(ANNOUNCE_INTERVAL_MS);
    follow.sink.next(anOccupancy(5));
    expect(store.summary()).toContain('5 von 10');
  });

  it('stops following the old choice, drops its late answer and its pushes', async () => {
    store.watch(QUERY);
    const oldRead = api.lastRead();
    const oldFollow = api.lastFollow();

    store.watch({ ...QUERY, date: '2026-11-25' });
    expect(oldFollow.stopped).toBe(true);
    expect(store.occupancy()).toBeNull();

    oldRead.resolve(anOccupancy(9));
    oldFollow.sink.next(anOccupancy(9));
    await settle();
    expect(store.occupancy()).toBeNull();

    api.lastRead().resolve(anOccupancy(3, { date: '2026-11-25' }));
    await settle();
    expect(store.occupancy()?.date).toBe('2026-11-25');
  });

  it('says in words whether the board is live, and why not when the API ended the stream', async () => {
    store.watch(QUERY);
    expect(store.liveState()).toBe('idle');
    api.liveState.set('connecting');
    expect(store.liveState()).toBe('connecting');
    api.liveState.set('connected');
    expect(store.liveState()).toBe('live');
    api.liveState.set('reconnecting');
    expect(store.liveState()).toBe('reconnecting');

    api.liveState.set('connected');
    api.lastFollow().sink.error(new GraphqlRequestError('FORBIDDEN', 'role revoked'));
    expect(store.liveState()).toBe('stopped');
    expect(store.liveError()).toEqual(expect.any(String));
  });

  it('shows a load error and recovers on the next read', async () => {
    store.watch(QUERY);
    api.lastRead().reject(new GraphqlRequestError('NETWORK', 'offline'));
    await settle();
    expect(store.loadState()).toBe('error');
    expect(store.loadError()).toContain('Verbindung');

    void store.reload();
    api.lastRead().resolve(anOccupancy(1));
    await settle();
    expect(store.loadState()).toBe('ready');
    expect(store.loadError()).toBeNull();
  });
});
