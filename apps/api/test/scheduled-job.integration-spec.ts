import { DataSource } from 'typeorm';

import { JOB_LOCK_KEYS, ScheduledJob } from '../src/database/scheduled-job.js';
import { ADMIN_URL, adminQuery } from './support/test-api.js';

/** A promise and its resolver: a job's work that ends when the test says so. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * The background jobs' runner (retention, no-show release) on a PostgreSQL server shared by several API instances:
 * two instances of one job never run at once, two different jobs do not block each other.
 */
describe('ScheduledJob on a PostgreSQL server (two API instances)', () => {
  const name = `nahbar_jobs_${process.pid}_${Date.now()}`;
  let instanceA: DataSource;
  let instanceB: DataSource;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    instanceA = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
    instanceB = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
  });

  afterAll(async () => {
    await instanceA?.destroy();
    await instanceB?.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const options = { intervalSeconds: 0, onServer: true } as const;

  it('skips a run while another instance runs the same job, and runs once it is done', async () => {
    const first = gate();
    let runsA = 0;
    let runsB = 0;
    const jobA = new ScheduledJob(instanceA, { ...options, name: 'A', lockKey: JOB_LOCK_KEYS.retention }, async () => {
      runsA += 1;
      await first.promise;
    });
    const jobB = new ScheduledJob(instanceB, { ...options, name: 'B', lockKey: JOB_LOCK_KEYS.retention }, async () => {
      runsB += 1;
    });

    const runningA = jobA.runExclusively();
    // A holds the lock once its work has started.
    while (runsA === 0) await new Promise((resolve) => setImmediate(resolve));
    await expect(jobB.runExclusively()).resolves.toBe(false);
    expect(runsB).toBe(0);

    first.open();
    await expect(runningA).resolves.toBe(true);
    await expect(jobB.runExclusively()).resolves.toBe(true);
    expect(runsB).toBe(1);
  });

  it('lets another job run while one holds its lock', async () => {
    const first = gate();
    let started = false;
    const retention = new ScheduledJob(
      instanceA,
      { ...options, name: 'retention', lockKey: JOB_LOCK_KEYS.retention },
      async () => {
        started = true;
        await first.promise;
      },
    );
    const noShow = new ScheduledJob(
      instanceB,
      { ...options, name: 'no-show', lockKey: JOB_LOCK_KEYS.noShowRelease },
      async () => undefined,
    );
    const running = retention.runExclusively();
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    await expect(noShow.runExclusively()).resolves.toBe(true);
    first.open();
    await expect(running).resolves.toBe(true);
  });

  it('releases the lock when a run fails', async () => {
    const failing = new ScheduledJob(
      instanceA,
      { ...options, name: 'failing', lockKey: JOB_LOCK_KEYS.noShowRelease },
      async () => {
        throw new Error('boom');
      },
    );
    await expect(failing.runExclusively()).rejects.toThrow('boom');
    const other = new ScheduledJob(
      instanceB,
      { ...options, name: 'other', lockKey: JOB_LOCK_KEYS.noShowRelease },
      async () => undefined,
    );
    await expect(other.runExclusively()).resolves.toBe(true);
  });

  it('just runs on the embedded database, which one process owns', async () => {
    let runs = 0;
    const embedded = new ScheduledJob(
      instanceA,
      { intervalSeconds: 0, onServer: false, name: 'embedded', lockKey: JOB_LOCK_KEYS.retention },
      async () => {
        runs += 1;
      },
    );
    await expect(embedded.runExclusively()).resolves.toBe(true);
    expect(runs).toBe(1);
  });
});
