import type { CivilDate } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

/**
 * First keys of the advisory locks of bookings: one key space per kind, so a hash collision never mixes them. The
 * canonical order of all locks is (key space, hash): every office-day lock before every person-week lock, each kind
 * by its hash. Every transaction that books or cancels takes its locks in that order, so no two of them ever wait on
 * each other in a cycle (a single booking, a series, a cancellation with its waitlist hand-over).
 */
export const LOCK_OFFICE_DAY = 4_101;
export const LOCK_PERSON_WEEK = 4_102;

export const officeDayKey = (officeId: string, date: CivilDate): string => `${officeId}/${date}`;
export const personWeekKey = (personId: string, weekStart: CivilDate): string => `${personId}/${weekStart}`;

interface HeldLock {
  readonly space: number;
  readonly hash: number;
}

function compareLocks(a: HeldLock, b: HeldLock): number {
  return a.space - b.space || a.hash - b.hash;
}

/** The transaction-scoped advisory locks one transaction holds, taken in the canonical order only. */
export class TransactionLocks {
  private last: HeldLock | undefined;

  constructor(private readonly manager: EntityManager) {}

  /**
   * Takes, waiting, all office-day locks (sorted) and then all person-week locks (sorted). Call once, before any other
   * lock of this transaction.
   */
  async lockAll(officeDays: readonly string[], personWeeks: readonly string[]): Promise<void> {
    if (this.last !== undefined) throw new Error('lockAll must take the first locks of a transaction');
    await this.lockSorted(LOCK_OFFICE_DAY, officeDays);
    await this.lockSorted(LOCK_PERSON_WEEK, personWeeks);
  }

  /**
   * One more person-week lock, later in the transaction: waits for it when it sorts after every lock held (the order
   * holds); otherwise only tries, so that it can never close a cycle. Returns whether the lock is held.
   */
  async personWeek(key: string): Promise<boolean> {
    const [row]: { hash: number }[] = await this.manager.query('SELECT hashtext($1) AS hash', [key]);
    const lock: HeldLock = { space: LOCK_PERSON_WEEK, hash: Number(row?.hash) };
    if (this.last === undefined || compareLocks(lock, this.last) > 0) {
      await this.manager.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [lock.space, lock.hash]);
      this.last = lock;
      return true;
    }
    const [tried]: { locked: boolean }[] = await this.manager.query(
      'SELECT pg_try_advisory_xact_lock($1::int, $2::int) AS locked',
      [lock.space, lock.hash],
    );
    return tried?.locked === true;
  }

  private async lockSorted(space: number, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const rows: { hash: number }[] = await this.manager.query(
      'SELECT DISTINCT hashtext(k) AS hash FROM unnest($1::text[]) AS k ORDER BY 1',
      [[...keys]],
    );
    const hashes = rows.map((row) => Number(row.hash));
    // unnest yields the array in order, so the locks are taken in the sorted order.
    await this.manager.query('SELECT pg_advisory_xact_lock($1::int, h) FROM unnest($2::int[]) AS h', [space, hashes]);
    const lastHash = hashes[hashes.length - 1];
    if (lastHash !== undefined) this.last = { space, hash: lastHash };
  }
}
