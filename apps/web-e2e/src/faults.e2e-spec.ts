import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createClient } from 'graphql-ws';
import pg from 'pg';

import {
  ADMIN_URL,
  allBookings,
  type App,
  attempt,
  BOOKING_REFUSALS,
  burst,
  DEMO_PERSON_HEADER,
  exitOf,
  expectInvariants,
  expectNothingRefusedWritten,
  graphql,
  loggedErrors,
  MINE,
  OFFICE,
  run,
  seed,
  start,
  world,
} from './support/booking-burst.js';
import { launchChromium } from './support/browser.js';
import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';

/**
 * Faults (issue 9), against the built app in processes of its own, as in production:
 * - the embedded database killed with SIGKILL in the middle of a burst of bookings starts again with every booking
 *   it confirmed, and the invariants hold;
 * - a graceful shutdown (SIGTERM) answers the requests under way, closes live sockets with 1001 (going away), and
 *   exits 0; nothing it confirmed is lost;
 * - on a PostgreSQL server, every connection of the API cut at once (what a server restart does to it) in the middle
 *   of a burst: the API answers again within seconds, without a restart of its own, and every confirmed booking is
 *   there. The server itself is not restarted: other test suites use it at the same time.
 */
const DATES = Array.from({ length: 8 }, (_, index) => openDayInBavaria(index + 1));

describe('faults', () => {
  it('the embedded database killed with SIGKILL in a burst starts again with every confirmed booking', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahbar-e2e-kill-'));
    try {
      const first = await start({ PORT: '0', NAHBAR_DATA_DIR: dataDir });
      const { people, deskIds } = await world(first.url);
      const attempts = burst(people, deskIds, DATES);
      const killAfter = Math.floor(deskIds.length * 2.5);
      const outcomes = await run(first.url, attempts, 8, (confirmed) => {
        if (confirmed === killAfter) first.child.kill('SIGKILL');
      });
      expect((await exitOf(first.child)).signal).toBe('SIGKILL');
      const confirmed = outcomes.flatMap((outcome) => (outcome.id ? [outcome.id] : []));
      const lost = outcomes.filter((outcome) => outcome.lost).length;
      console.info(`SIGKILL after ${confirmed.length} confirmed bookings; ${lost} requests had no answer`);
      expect(confirmed.length).toBeGreaterThanOrEqual(killAfter);
      expect(lost).toBeGreaterThan(0);
      // Only typed refusals besides: no internal error before the kill.
      for (const outcome of outcomes) if (outcome.code) expect(BOOKING_REFUSALS).toContain(outcome.code);

      const second = await start({ PORT: '0', NAHBAR_DATA_DIR: dataDir });
      try {
        const after = await allBookings(second.url, people);
        for (const id of confirmed) expect(after.has(id)).toBe(true);
        expectInvariants(after.values());
        expectNothingRefusedWritten(attempts, outcomes, after.values());
      } finally {
        second.child.kill('SIGTERM');
        await exitOf(second.child);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('a graceful shutdown answers what is under way, closes live sockets with 1001 and exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahbar-e2e-term-'));
    try {
      const app = await start({ PORT: '0', NAHBAR_DATA_DIR: dataDir });
      const { people, deskIds } = await world(app.url);
      const closed = new Promise<number>((resolveClose) => {
        const client = createClient({
          url: `${app.url.replace('http', 'ws')}/graphql`,
          connectionParams: { [DEMO_PERSON_HEADER]: people[0] ?? '' },
          retryAttempts: 0,
          on: { closed: (event) => resolveClose((event as CloseEvent).code) },
        });
        client.subscribe(
          { query: 'subscription { myBookingChanged { reason } }' },
          {
            next: () => undefined,
            error: () => undefined,
            complete: () => undefined,
          },
        );
      });
      // Wait until the socket is open (the first confirmed booking is announced on it).
      const attempts = burst(people, deskIds, DATES.slice(0, 4));
      let terminated = false;
      const outcomes = await run(app.url, attempts, 6, (confirmed) => {
        if (confirmed === 5 && !terminated) {
          terminated = true;
          app.child.kill('SIGTERM');
        }
      });
      expect(await exitOf(app.child)).toEqual({ code: 0, signal: null });
      expect(await closed).toBe(1001);
      const confirmed = outcomes.flatMap((outcome) => (outcome.id ? [outcome.id] : []));
      for (const outcome of outcomes) {
        if (outcome.code) expect(BOOKING_REFUSALS).toContain(outcome.code);
      }

      const again = await start({ PORT: '0', NAHBAR_DATA_DIR: dataDir });
      try {
        const after = await allBookings(again.url, people);
        for (const id of confirmed) expect(after.has(id)).toBe(true);
        expectInvariants(after.values());
        expectNothingRefusedWritten(attempts, outcomes, after.values());
      } finally {
        again.child.kill('SIGTERM');
        await exitOf(again.child);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('the API restarts: an open page reconnects by itself and shows what changed meanwhile, without reload', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahbar-e2e-restart-'));
    const browser = await launchChromium();
    let app: App | undefined;
    try {
      app = await start({ PORT: '0', NAHBAR_DATA_DIR: dataDir });
      const port = new URL(app.url).port;
      const { people } = await world(app.url);
      const { offices } = await graphql<{ offices: { id: string; name: string }[] }>(
        app.url,
        people[0] ?? '',
        '{ offices { id name } }',
      );
      const officeId = offices.find((office) => office.name === OFFICE)?.id ?? '';
      const date = openDayInBavaria(6);
      const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
      await page.goto(app.url);
      await DemoApp.choosePerson(page, 'Anna Schmidt');
      await page.waitForURL(/\/buchen/);
      await page.goto(`${app.url}/buchen?buero=${officeId}&datum=${date}&teil=FULL_DAY`);
      const desk = page.locator('[data-desk-code="A-03"] [data-status]');
      await desk.waitFor();
      expect(await desk.getAttribute('data-status')).toBe('free');
      await page.evaluate(() => Object.assign(window, { nahbarNoReload: true }));

      app.child.kill('SIGTERM');
      expect((await exitOf(app.child)).code).toBe(0);
      app = await start({ PORT: port, NAHBAR_DATA_DIR: dataDir });
      const { deskAvailability } = await graphql<{ deskAvailability: { deskId: string; code: string }[] }>(
        app.url,
        people[1] ?? '',
        'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: FULL_DAY) { deskId code } }',
        { o: officeId, d: date },
      );
      const deskId = deskAvailability.find((candidate) => candidate.code === 'A-03')?.deskId ?? '';
      // Booked while the page's socket is still away: the event is missed, the re-read on reconnect shows it.
      expect((await attempt(app.url, { person: people[1] ?? '', deskId, date })).id).toBeDefined();

      await page.locator('[data-desk-code="A-03"] [data-status="taken"]').waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => 'nahbarNoReload' in window)).toBe(true);
    } finally {
      await browser.close();
      if (app) {
        app.child.kill('SIGTERM');
        await exitOf(app.child);
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('on PostgreSQL, all its connections cut in a burst: the API answers again by itself and loses nothing', async () => {
    const database = `nahbar_e2e_faults_${process.pid}_${Date.now()}`;
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    let app: App | undefined;
    try {
      await seed({ DATABASE_URL: url.toString() });
      app = await start({ PORT: '0', DATABASE_URL: url.toString() });
      const running = app;
      const { people, deskIds } = await world(running.url);
      const attempts = burst(people, deskIds, DATES);
      let cut: Promise<unknown> | undefined;
      const outcomes = await run(running.url, attempts, 8, (confirmed) => {
        if (confirmed === 10) {
          cut = admin.query(
            `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [database],
          );
        }
      });
      await cut;
      // The API answers again by itself (its pool reconnects): the same query until it does, a deadline only.
      let answered = false;
      for (let round = 0; round < 60 && !answered; round += 1) {
        answered = await graphql(running.url, people[0] ?? '', MINE).then(
          () => true,
          () => false,
        );
        if (!answered) await new Promise((resolveWait) => setTimeout(resolveWait, 500));
      }
      expect(answered).toBe(true);
      const confirmed = outcomes.flatMap((outcome) => (outcome.id ? [outcome.id] : []));
      // Requests caught by the cut answer DATABASE_UNAVAILABLE (nothing written, or the whole booking if its commit
      // came first); none INTERNAL_SERVER_ERROR, none without an answer.
      const failed = outcomes.filter((outcome) => outcome.code === 'DATABASE_UNAVAILABLE').length;
      console.info(`connections cut after 10 confirmations: ${confirmed.length} confirmed, ${failed} unavailable`);
      if (outcomes.some((outcome) => outcome.code === 'INTERNAL_SERVER_ERROR')) console.error(loggedErrors(running));
      for (const outcome of outcomes) {
        expect(outcome.lost ?? outcome.hung).toBeUndefined();
        if (outcome.code) expect([...BOOKING_REFUSALS, 'DATABASE_UNAVAILABLE']).toContain(outcome.code);
      }
      const after = await allBookings(running.url, people);
      for (const id of confirmed) expect(after.has(id)).toBe(true);
      expectInvariants(after.values());
      expectNothingRefusedWritten(attempts, outcomes, after.values());
    } finally {
      if (app) {
        app.child.kill('SIGTERM');
        await exitOf(app.child);
      }
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
