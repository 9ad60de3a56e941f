import { BatchLoader, loaderOf } from './batch-loader.js';

describe('BatchLoader', () => {
  it('loads every key asked for in one turn of the event loop in one batch, each key once', async () => {
    const batches: (readonly string[])[] = [];
    const loader = new BatchLoader<string, string>(
      async (keys) => {
        batches.push(keys);
        return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.toUpperCase()]));
      },
      () => 'missing',
    );
    // Field resolvers ask after a few promise hops each, as Nest's wrappers do.
    const delayed = async (key: string, hops: number): Promise<string> => {
      for (let hop = 0; hop < hops; hop += 1) await Promise.resolve();
      return loader.load(key);
    };
    const values = await Promise.all([delayed('a', 0), delayed('b', 3), delayed('a', 5), delayed('gone', 7)]);
    expect(values).toEqual(['A', 'B', 'A', 'missing']);
    expect(batches).toEqual([['a', 'b', 'gone']]);
    expect(await loader.load('b')).toBe('B');
    expect(batches).toHaveLength(1);
  });

  it('fails every waiting key when the batch fails, and tries again on the next load', async () => {
    let calls = 0;
    const loader = new BatchLoader<string, number>(
      async (keys) => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
        return new Map(keys.map((key) => [key, key.length]));
      },
      () => 0,
    );
    await expect(Promise.all([loader.load('x'), loader.load('yy')])).rejects.toThrow('database down');
    expect(await loader.load('yy')).toBe(2);
  });

  it('keeps one loader per request context', () => {
    const registry = new WeakMap<object, BatchLoader<string, string>>();
    const create = () =>
      new BatchLoader<string, string>(
        async () => new Map(),
        () => '',
      );
    const first = {};
    expect(loaderOf(registry, first, create)).toBe(loaderOf(registry, first, create));
    expect(loaderOf(registry, {}, create)).not.toBe(loaderOf(registry, first, create));
  });
});
