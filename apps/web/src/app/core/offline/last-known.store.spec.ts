import { TestBed } from '@angular/core/testing';

import { formatSavedAt, type KeyValueStorage, LastKnownStore, OFFLINE_STORAGE } from './last-known.store';

/** A Storage in memory; `failWrites` makes it behave like a full or blocked one. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWrites = false;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

describe('LastKnownStore', () => {
  let storage: MemoryStorage;
  let store: LastKnownStore;

  beforeEach(() => {
    storage = new MemoryStorage();
    TestBed.configureTestingModule({ providers: [{ provide: OFFLINE_STORAGE, useValue: storage }] });
    store = TestBed.inject(LastKnownStore);
  });

  it('keeps a value per person with the time it was saved, and gives it back', () => {
    store.remember('myBookings', 'demo:anna', [1, 2], new Date('2026-11-23T07:30:00Z'));
    store.remember('myBookings', 'demo:mehmet', [3], new Date('2026-11-23T08:00:00Z'));

    expect(store.recall('myBookings', 'demo:anna', isNumbers)).toEqual({
      value: [1, 2],
      savedAt: '2026-11-23T07:30:00.000Z',
    });
    expect(store.recall('myBookings', 'demo:mehmet', isNumbers)?.value).toEqual([3]);
    expect(store.recall('myBookings', 'demo:lena', isNumbers)).toBeNull();
    expect(store.recall('profile', 'demo:anna', isNumbers)).toBeNull();
  });

  it('the newest answer replaces the older one', () => {
    store.remember('myBookings', 'demo:anna', [1], new Date('2026-11-23T07:30:00Z'));
    store.remember('myBookings', 'demo:anna', [], new Date('2026-11-23T09:00:00Z'));
    expect(store.recall('myBookings', 'demo:anna', isNumbers)).toEqual({
      value: [],
      savedAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('ignores what it cannot trust: broken JSON, another shape, a missing time', () => {
    const key = 'nahbar.lastKnown.myBookings:demo:anna';
    for (const raw of ['{not json', '"text"', '{"value":[1]}', '{"value":["a"],"savedAt":"2026-11-23T07:30:00Z"}']) {
      storage.items.set(key, raw);
      expect(store.recall('myBookings', 'demo:anna', isNumbers)).toBeNull();
    }
    storage.items.set(key, '{"value":[1],"savedAt":"yesterday"}');
    expect(store.recall('myBookings', 'demo:anna', isNumbers)).toBeNull();
  });

  it('keeps nothing, without failing, when the storage is full or blocked', () => {
    storage.failWrites = true;
    expect(() => store.remember('myBookings', 'demo:anna', [1])).not.toThrow();
    expect(store.recall('myBookings', 'demo:anna', isNumbers)).toBeNull();
  });

  it('forgets everything of every person on sign-out, and nothing else of the site', () => {
    storage.items.set('nahbar.demoPerson', 'p1');
    store.remember('myBookings', 'demo:anna', [1]);
    store.remember('profile', 'oidc:sub-1', [2]);

    store.forgetAll();

    expect([...storage.items.keys()]).toEqual(['nahbar.demoPerson']);
  });

  it('works without any storage at all', () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: OFFLINE_STORAGE, useValue: null }] });
    const without = TestBed.inject(LastKnownStore);
    without.remember('myBookings', 'demo:anna', [1]);
    expect(without.recall('myBookings', 'demo:anna', isNumbers)).toBeNull();
    expect(() => without.forgetAll()).not.toThrow();
  });
});

describe('formatSavedAt', () => {
  it('writes the instant in Berlin time, whatever the machine zone', () => {
    expect(formatSavedAt('2026-11-23T07:30:00Z')).toBe('Mo., 23.11.2026, 08:30 Uhr');
    expect(formatSavedAt('2026-07-01T22:05:00Z')).toBe('Do., 02.07.2026, 00:05 Uhr');
  });
});
