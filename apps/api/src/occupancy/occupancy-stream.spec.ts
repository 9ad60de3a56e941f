import { jest } from '@jest/globals';
import { PubSub } from 'graphql-subscriptions';

import { CoalescedReads, type StreamRead } from './occupancy-stream.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CoalescedReads', () => {
  function setUp(reads: (n: number) => StreamRead<number>, intervalMs = 100) {
    const pubSub = new PubSub();
    let count = 0;
    const stream = new CoalescedReads<number>(
      pubSub.asyncIterableIterator<unknown>('changed'),
      async () => {
        count += 1;
        return reads(count);
      },
      intervalMs,
    );
    return { pubSub, stream, readCount: () => count };
  }

  it('reads at once on the first signal, then coalesces a burst into one more read with the newest state', async () => {
    // Fake clock: the interval is checked to the millisecond, whatever the machine's load.
    jest.useFakeTimers();
    try {
      const { pubSub, stream, readCount } = setUp((n) => ({ value: n, end: false }));
      const first = stream.next();
      await pubSub.publish('changed', {});
      await jest.advanceTimersByTimeAsync(0);
      expect(await first).toEqual({ value: 1, done: false });
      for (let i = 0; i < 50; i += 1) await pubSub.publish('changed', {});
      const second = stream.next();
      await jest.advanceTimersByTimeAsync(99);
      expect(readCount()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(await second).toEqual({ value: 2, done: false });
      await jest.advanceTimersByTimeAsync(1_000);
      expect(readCount()).toBe(2);
      await stream.return();
    } finally {
      jest.useRealTimers();
    }
  });

  it('does nothing without a signal', async () => {
    const { stream, readCount } = setUp((n) => ({ value: n, end: false }));
    await pause(150);
    expect(readCount()).toBe(0);
    await stream.return();
  });

  it('ends after a read that says so, and delivers that read first', async () => {
    const { pubSub, stream, readCount } = setUp((n) => ({ value: -n, end: true }));
    await pubSub.publish('changed', {});
    await pause(20);
    expect(await stream.next()).toEqual({ value: -1, done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    await pubSub.publish('changed', {});
    await pause(150);
    expect(readCount()).toBe(1);
  });

  it('stops listening and reading when the consumer returns', async () => {
    const { pubSub, stream, readCount } = setUp((n) => ({ value: n, end: false }));
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    await pubSub.publish('changed', {});
    await pause(150);
    expect(readCount()).toBe(0);
  });

  it('keeps only the newest value for a consumer that has not asked yet', async () => {
    const { pubSub, stream } = setUp((n) => ({ value: n, end: false }), 10);
    await pubSub.publish('changed', {});
    await pause(40);
    await pubSub.publish('changed', {});
    await pause(40);
    expect(await stream.next()).toEqual({ value: 2, done: false });
    await stream.return();
  });
});
