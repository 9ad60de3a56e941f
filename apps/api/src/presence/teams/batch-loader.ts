/**
 * Collects the keys that field resolvers of one GraphQL request ask for and loads them in one batch (no N+1): a
 * minimal DataLoader. The batch runs once the resolvers of the current list have all asked (on the next turn of the
 * event loop); each key is loaded at most once per request.
 */
export class BatchLoader<Key, Value> {
  private readonly cache = new Map<Key, Promise<Value>>();
  private queue: { key: Key; resolve: (value: Value) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly loadBatch: (keys: readonly Key[]) => Promise<ReadonlyMap<Key, Value>>,
    private readonly missing: (key: Key) => Value,
  ) {}

  load(key: Key): Promise<Value> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<Value>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    try {
      const values = await this.loadBatch([...new Set(queue.map((entry) => entry.key))]);
      for (const entry of queue) entry.resolve(values.get(entry.key) ?? this.missing(entry.key));
    } catch (error) {
      for (const entry of queue) {
        this.cache.delete(entry.key);
        entry.reject(error);
      }
    }
  }
}

/** One loader per request context and kind: the context object lives exactly as long as the request. */
export function loaderOf<Key, Value>(
  registry: WeakMap<object, BatchLoader<Key, Value>>,
  context: object,
  create: () => BatchLoader<Key, Value>,
): BatchLoader<Key, Value> {
  let loader = registry.get(context);
  if (!loader) {
    loader = create();
    registry.set(context, loader);
  }
  return loader;
}
