import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Key space of the session-level advisory locks of the background jobs (the bookings' locks use 4101 and 4102). */
export const JOB_LOCK_SPACE = 4_201;

/** One key per job within JOB_LOCK_SPACE: two jobs never block each other, two instances of one job do. */
export const JOB_LOCK_KEYS = {
  noShowRelease: 1,
  retention: 2,
} as const;

export interface ScheduledJobOptions {
  /** Name in the log. */
  readonly name: string;
  /** The job's key in JOB_LOCK_KEYS. */
  readonly lockKey: (typeof JOB_LOCK_KEYS)[keyof typeof JOB_LOCK_KEYS];
  /** Seconds between runs; 0 or less: never scheduled (tests and one-off tools call `runExclusively`). */
  readonly intervalSeconds: number;
  /** First run after this many milliseconds (at most the interval); without it, the first run is after one interval. */
  readonly firstRunAfterMs?: number;
  /**
   * Whether the database is a PostgreSQL server that several API instances may share. The embedded database belongs
   * to one process, so there the job just runs.
   */
  readonly onServer: boolean;
}

/**
 * A background job that runs every `intervalSeconds` in every API instance, but on a PostgreSQL server in one of them
 * at a time: each run only tries a session-level advisory lock and skips when another instance holds it. Runs of one
 * instance never overlap either (a tick while a run is under way is skipped). A failed run is logged and the next
 * tick tries again. `stop` clears the timers and waits for the run under way.
 */
export class ScheduledJob {
  private readonly logger: Logger;
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ScheduledJobOptions,
    private readonly work: (now: Date) => Promise<unknown>,
  ) {
    this.logger = new Logger(options.name);
  }

  start(): void {
    const intervalMs = this.options.intervalSeconds * 1000;
    if (intervalMs <= 0) return;
    const every = setInterval(() => this.tick(), intervalMs);
    every.unref();
    this.timers = [every];
    if (this.options.firstRunAfterMs !== undefined) {
      const first = setTimeout(() => this.tick(), Math.min(this.options.firstRunAfterMs, intervalMs));
      first.unref();
      this.timers.push(first);
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runExclusively()
      .catch((error: unknown) => this.logger.error(`Run failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  /**
   * One run now, under the job's advisory lock on a server. Resolves to whether it ran: false when another instance
   * holds the lock.
   */
  async runExclusively(): Promise<boolean> {
    if (!this.options.onServer) {
      await this.work(new Date());
      return true;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        JOB_LOCK_SPACE,
        this.options.lockKey,
      ]);
      if (row?.locked !== true) return false;
      try {
        await this.work(new Date());
        return true;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [JOB_LOCK_SPACE, this.options.lockKey]);
      }
    } finally {
      await runner.release();
    }
  }
}
