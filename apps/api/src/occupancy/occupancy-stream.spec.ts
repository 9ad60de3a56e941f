import { PubSub } from 'graphql-subscriptions';

import { CoalescedReads, type StreamRead } from './occupancy-stream.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CoalescedReads', () => {
  function setUp(reads: (n: number) => StreamRead<number>, intervalMs = 100) {
    const pubSub = new PubSub();
    let count = 0;
    const readAt: number[] = [];
    const stream = new CoalescedReads<number>(
      pubSub.asyncIterableIterator<unknown>('changed'),
      async () => {
        count += 1;
        readAt.push(performance.now());
        return reads(count);
      },
      intervalMs,
    );
    return { pubSub, stream, readCount: () => count, readAt };
  }

  it('reads at once on the first signal, then coalesces a burst into one more read with the newest state', async () => {
    const { pubSub, stream, readCount, readAt } = setUp((n) => ({ value: n, end: false }));
    const first = stream.next();
    await pubSub.publish('changed', {});
    expect(await first).toEqual({ value: 1, done: false });
    for (let i = 0; i < 50; i += 1) await pubSub.publish('changed', {});
    expect(await stream.next()).toEqual({ value: 2, done: false });
    // The second read waited for the interval after the first (timers never fire early; 1 ms for their rounding).
    const [firstRead = 0, secondRead = 0] = readAt;
    expect(secondRead - firstRead).toBeGreaterThanOrEqual(99);
    await pause(250);
    expect(readCount()).toBe(2);
    await stream.return();
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
