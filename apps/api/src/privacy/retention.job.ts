import { addDays, type CivilDate, todayInOfficeZone } from '@nahbar/domain';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JOB_LOCK_KEYS, ScheduledJob } from '../database/scheduled-job.js';
/** Rows per transaction: short transactions, so bookings of today never wait long for the job. */
export const RETENTION_BATCH = 500;
/** First run after the start, so that a restart does not delay the retention by a whole interval. */
const FIRST_RUN_DELAY_MS = 30_000;

/** What one run did, per kind of data. */
export interface RetentionOutcome {
  readonly anonymisedBookings: number;
  readonly deletedWaitlistEntries: number;
  readonly deletedPresenceAnswers: number;
  readonly anonymisedPresenceDays: number;
  readonly deletedAuditEntries: number;
}

/**
 * The retention rule (DESIGN.md §3.6, §5; docs/data-protection.md): data about what a person did on a day stops
 * naming them once the day is older than NAHBAR_RETENTION_DAYS (Europe/Berlin civil dates):
 * - bookings lose their person (person_id NULL) and keep desk, date, part and status, so occupancy and utilisation
 *   over old ranges count the same;
 * - waitlist entries and presence answers of those days are deleted (their purpose, seating a person, is over);
 * - team days of those days forget who planned them;
 * - audit entries older than NAHBAR_AUDIT_RETENTION_DAYS are deleted.
 * Each step works in batches of at most RETENTION_BATCH rows, one transaction per batch, rows taken with
 * FOR UPDATE SKIP LOCKED (a row a booking transaction holds is left for the next run); a run repeats nothing that is
 * done, so it is idempotent. Several API instances: a session advisory lock lets one run at a time, and SKIP LOCKED
 * keeps two runs apart even without it.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionJob');
  private readonly schedule: ScheduledJob;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schedule = new ScheduledJob(
      dataSource,
      {
        name: 'RetentionJob',
        lockKey: JOB_LOCK_KEYS.retention,
        intervalSeconds: config.retentionIntervalSeconds,
        firstRunAfterMs: FIRST_RUN_DELAY_MS,
        onServer: config.databaseUrl !== undefined,
      },
      (now) => this.run(now),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Applies the retention rule as of `now`; returns how many rows each step changed. */
  async run(now: Date): Promise<RetentionOutcome> {
    // Days before `cutoff` are older than the retention period: with 90 days, today's booking is kept for 90 days.
    const cutoff: CivilDate = addDays(todayInOfficeZone(now), -this.config.retentionDays);
    const auditCutoff = new Date(now.getTime() - this.config.auditRetentionDays * 86_400_000);
    const outcome: RetentionOutcome = {
      anonymisedBookings: await this.inBatches((manager) =>
        manager.query(
          `UPDATE bookings SET person_id = NULL
           WHERE id IN (SELECT id FROM bookings WHERE person_id IS NOT NULL AND date < $1
                        ORDER BY date LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED)`,
          [cutoff],
        ),
      ),
      deletedWaitlistEntries: await this.inBatches((manager) =>
        manager.query(
          `DELETE FROM waitlist_entries
           WHERE id IN (SELECT id FROM waitlist_entries WHERE date < $1 LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED)`,
          [cutoff],
        ),
      ),
      deletedPresenceAnswers: await this.inBatches((manager) =>
        manager.query(
          `DELETE FROM presence_answers
           WHERE (presence_day_id, person_id) IN (
             SELECT a.presence_day_id, a.person_id FROM presence_answers a
             JOIN presence_days d ON d.id = a.presence_day_id
             WHERE d.date < $1 LIMIT ${RETENTION_BATCH} FOR UPDATE OF a SKIP LOCKED)`,
          [cutoff],
        ),
      ),
      anonymisedPresenceDays: await this.inBatches((manager) =>
        manager.query(
          `UPDATE presence_days SET created_by = NULL
           WHERE id IN (SELECT id FROM presence_days WHERE created_by IS NOT NULL AND date < $1
                        LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED)`,
          [cutoff],
        ),
      ),
      deletedAuditEntries: await this.inBatches((manager) =>
        manager.query(
          `DELETE FROM audit_log
           WHERE id IN (SELECT id FROM audit_log WHERE at < $1 LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED)`,
          [auditCutoff],
        ),
      ),
    };
    const total = Object.values(outcome).reduce((sum, count) => sum + count, 0);
    // Counts only: never who.
    if (total > 0) this.logger.log(`Retention: ${JSON.stringify(outcome)}`);
    return outcome;
  }

  /** Runs one batch statement per transaction until a batch changes fewer rows than a full batch. */
  private async inBatches(batch: (manager: EntityManager) => Promise<unknown>): Promise<number> {
    let total = 0;
    for (;;) {
      const changed = await this.dataSource.transaction(async (manager) => affected(await batch(manager)));
      total += changed;
      if (changed < RETENTION_BATCH) return total;
    }
  }
}

/** Rows changed by an UPDATE or DELETE through TypeORM's postgres driver: `[rows, count]`. */
function affected(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  return 0;
}
