import { PubSub } from 'graphql-subscriptions';

import { CALLER_CACHE_MAX_ENTRIES, CALLER_CACHE_TTL_MS, CallerCache, type StoredCaller } from './caller-cache.js';

const caller = (personId: string, adminOf: string[] = []): StoredCaller => ({
  personId,
  organisationId: 'org',
  adminOf,
  facilityManagerOf: [],
  leadOf: [],
});

async function started(): Promise<CallerCache> {
  const cache = new CallerCache(new PubSub());
  await cache.onModuleInit();
  return cache;
}

describe('CallerCache', () => {
  it('answers from the cache until the TTL, counted from when the read began, then reads again', async () => {
    const cache = await started();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return caller('p1');
    };
    await cache.get('p1', read, () => 1_000);
    await cache.get('p1', read, () => 1_000 + CALLER_CACHE_TTL_MS - 1);
    expect(reads).toBe(1);
    await cache.get('p1', read, () => 1_000 + CALLER_CACHE_TTL_MS);
    expect(reads).toBe(2);
  });

  it('forgets the people named at once, whatever the case of their ids, and no one else', async () => {
    const cache = await started();
    await cache.get('p1', async () => caller('p1'));
    await cache.get('p2', async () => caller('p2'));
    await cache.forget(['P1']);
    expect(cache.holds('p1')).toBe(false);
    expect(cache.holds('p2')).toBe(true);
  });

  it('does not keep a read that was under way while something was forgotten (it may predate the change)', async () => {
    const cache = await started();
    let finish: (value: StoredCaller) => void = () => undefined;
    const pending = cache.get('p1', () => new Promise<StoredCaller>((resolve) => (finish = resolve)));
    await cache.forget(['p1']);
    finish(caller('p1', ['org']));
    expect((await pending)?.adminOf).toEqual(['org']);
    expect(cache.holds('p1')).toBe(false);
  });

  it('keeps no unknown person, and at most CALLER_CACHE_MAX_ENTRIES callers', async () => {
    const cache = await started();
    await cache.get('nobody', async () => undefined);
    expect(cache.holds('nobody')).toBe(false);
    for (let index = 0; index <= CALLER_CACHE_MAX_ENTRIES; index += 1) {
      await cache.get(`p${index}`, async () => caller(`p${index}`));
    }
    expect(cache.holds('p0')).toBe(false);
    expect(cache.holds(`p${CALLER_CACHE_MAX_ENTRIES}`)).toBe(true);
  });

  it('hears what other instances forget through the PubSub', async () => {
    const bus = new PubSub();
    const here = new CallerCache(bus);
    const there = new CallerCache(bus);
    await here.onModuleInit();
    await there.onModuleInit();
    await there.get('p1', async () => caller('p1'));
    await here.forget(['p1']);
    expect(there.holds('p1')).toBe(false);
  });
});
