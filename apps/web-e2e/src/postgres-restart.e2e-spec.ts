import { LIVE_BOOKING_STATUSES } from '@nahbar/domain';
import { type Client, createClient } from 'graphql-ws';

import {
  type App,
  type Attempt,
  type Booked,
  BOOKING_REFUSALS,
  burst,
  DEMO_PERSON_HEADER,
  exitOf,
  expectInvariants,
  expectNothingRefusedWritten,
  HANG_BOUND_MS,
  loggedErrors,
  MINE,
  type Outcome,
  run,
  seed,
  start,
  world,
} from './support/booking-burst.js';
import { openDayInBavaria } from './support/dates.js';
import { PrivatePostgres, type StopMode } from './support/private-postgres.js';

/**
 * PostgreSQL restarts during a burst of bookings (issue 9), on a server of the test's own (the shared one must not be
 * restarted): stopped cleanly (`pg_ctl stop -m fast`) and crashed (`-m immediate`, crash recovery on start) in the
 * middle of the burst, while more requests keep coming. Shown, against the built API in a process of its own that
 * is never restarted:
 * - while the server is down every request answers at once with DATABASE_UNAVAILABLE (never INTERNAL_SERVER_ERROR,
 *   never a hang), /health/ready says 503, and a WebSocket that connects is told to try again later (1013), not to
 *   sign in again;
 * - once the server is back the API answers again (how soon is printed, not asserted), /health/ready says 200, live
 *   sockets are sent to reconnect and re-read (1012) and new ones are accepted;
 * - every booking answered "booked" is in the database, nothing refused is written, nothing is half written (a
 *   booking the API could not confirm is either absent or whole), and the invariants hold.
 */
const DATABASE = 'nahbar';
const CLIENTS = 10;
/** How many confirmations into the burst the server goes down. */
const STOP_AFTER = 10;
const MY_BOOKING_CHANGED = 'subscription { myBookingChanged { reason } }';

interface Probe {
  readonly ms: number;
  readonly code: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** The first value `probe` gives that is not undefined, trying every 100 ms; fails after HANG_BOUND_MS. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + HANG_BOUND_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${HANG_BOUND_MS / 1000} s`);
    await sleep(100);
  }
}

/** A GraphQL request's outcome, timed: its error code or "ok". */
async function probeGraphql(url: string, person: string, query: string): Promise<Probe> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal: AbortSignal.timeout(HANG_BOUND_MS),
    headers: { 'content-type': 'application/json', [DEMO_PERSON_HEADER]: person },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  const code = body.errors?.[0]?.extensions?.code ?? (body.data ? 'ok' : `HTTP_${response.status}`);
  return { ms: performance.now() - started, code };
}

async function readiness(url: string): Promise<{ status: number; database: string }> {
  const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(HANG_BOUND_MS) });
  const body = (await response.json()) as { database: string };
  return { status: response.status, database: body.database };
}

/** Live sockets a test opened, disposed after it whether it passed or not. */
const sockets: Client[] = [];

/** A live socket of `person` with one subscription; `closes` collects the close codes, `connected` the connections. */
function liveSocket(url: string, person: string): { client: Client; closes: number[]; connections: () => number } {
  const closes: number[] = [];
  let connections = 0;
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    connectionParams: { [DEMO_PERSON_HEADER]: person },
    retryAttempts: 0,
    on: {
      connected: () => (connections += 1),
      closed: (event) => closes.push((event as CloseEvent).code),
    },
  });
  sockets.push(client);
  client.subscribe(
    { query: MY_BOOKING_CHANGED },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  return { client, closes, connections: () => connections };
}

/** Every booking in the database, in the shape the invariant checks read. */
async function storedBookings(server: PrivatePostgres): Promise<(Booked & { person: string; status: string })[]> {
  const rows = await server.query<{
    id: string;
    person_id: string;
    desk_id: string;
    date: string;
    part: string;
    status: string;
  }>(DATABASE, 'SELECT id, person_id, desk_id, date::text AS date, part, status FROM bookings');
  return rows.map((row) => ({
    id: row.id,
    person: row.person_id,
    deskId: row.desk_id,
    date: row.date,
    part: row.part,
    status: row.status,
  }));
}

describe('PostgreSQL restarts during a burst of bookings', () => {
  let server: PrivatePostgres | undefined;
  let app: App | undefined;
  let people: string[] = [];
  let deskIds: string[] = [];

  beforeAll(async () => {
    server = await PrivatePostgres.create();
    await server.start();
    await server.query('postgres', `CREATE DATABASE ${DATABASE}`);
    await seed({ DATABASE_URL: server.url(DATABASE) });
    app = await start({ PORT: '0', DATABASE_URL: server.url(DATABASE) });
    ({ people, deskIds } = await world(app.url));
  }, 300_000);

  afterEach(async () => {
    for (const client of sockets.splice(0)) await client.dispose();
  });

  afterAll(async () => {
    if (app) {
      const exited = exitOf(app.child);
      app.child.kill('SIGTERM');
      const timer = setTimeout(() => app?.child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    await server?.destroy();
  }, 120_000);

  // Dates of their own for each case: the second case runs on the bookings the first one left.
  const cases: [StopMode, string, string[]][] = [
    ['fast', 'stopped cleanly', Array.from({ length: 4 }, (_, index) => openDayInBavaria(index + 1))],
    ['immediate', 'crashed', Array.from({ length: 4 }, (_, index) => openDayInBavaria(index + 8))],
  ];

  it.each(cases)(
    '-m %s (%s): the API answers again by itself, nothing confirmed lost, nothing half written',
    async (mode, _, dates) => {
      const db = server as PrivatePostgres;
      const url = (app as App).url;
      const person = people[0] ?? '';
      const before = liveSocket(url, person);
      await eventually('the live socket before the outage connects', async () =>
        before.connections() > 0 ? true : undefined,
      );

      // 1. The burst; the server goes down in the middle of it, and the burst goes on.
      const attempts = burst(people, deskIds, dates);
      let stopping: Promise<void> | undefined;
      const duringBurst = await run(url, attempts, CLIENTS, (confirmed) => {
        if (confirmed === STOP_AFTER) stopping = db.stop(mode);
      });
      await stopping;
      const downAt = performance.now();

      // 2. While it is down: more bookings from every client, a read, readiness, a new live socket.
      const whileDown = await run(url, attempts, CLIENTS);
      const read = await probeGraphql(url, person, MINE);
      const ready = await readiness(url);
      const feed = await fetch(`${url}/calendar/${'0'.repeat(43)}.ics`, { signal: AbortSignal.timeout(HANG_BOUND_MS) });
      // The API keeps a caller for 5 s (CallerCache): once that has passed, a new socket's credentials need the
      // database, and it must be told to retry (1013), not to sign in again (4401).
      await sleep(Math.max(0, downAt + 6000 - performance.now()));
      const during = liveSocket(url, person);
      const duringClose = await eventually('the socket opened during the outage closes', async () => during.closes[0]);

      // 3. The server comes back; the API answers again without a restart of its own.
      const startAt = performance.now();
      await db.start();
      const upAt = performance.now();
      await eventually('the API answers again', async () =>
        (await probeGraphql(url, person, MINE)).code === 'ok' ? true : undefined,
      );
      const answeredAt = performance.now();
      await eventually('ready again', async () => ((await readiness(url)).status === 200 ? true : undefined));
      const readyAt = performance.now();
      const resyncClose = await eventually('the socket from before is sent to reconnect', async () => before.closes[0]);
      const after = liveSocket(url, person);
      await eventually('a new live socket connects', async () => (after.connections() > 0 ? true : undefined));

      // 4. The same burst again: what the outage refused is booked now, the rest is refused as taken.
      const afterRecovery = await run(url, attempts, CLIENTS);

      const allAttempts: Attempt[] = [...attempts, ...attempts, ...attempts];
      const outcomes: Outcome[] = [...duringBurst, ...whileDown, ...afterRecovery];
      const count = (list: readonly Outcome[], code: string): number => list.filter((o) => o.code === code).length;
      const confirmed = (list: readonly Outcome[]): number => list.filter((o) => o.id).length;
      console.info(
        `-m ${mode}: ${confirmed(duringBurst)} of ${attempts.length} confirmed in the burst, ` +
          `${count(duringBurst, 'DATABASE_UNAVAILABLE')} unavailable; ` +
          `${whileDown.length} more while down: ${count(whileDown, 'DATABASE_UNAVAILABLE')} unavailable, ` +
          `read ${read.code} in ${read.ms.toFixed(0)} ms, ready ${ready.status} (${ready.database}), ` +
          `new socket closed ${duringClose}; down ${((startAt - downAt) / 1000).toFixed(1)} s, ` +
          `pg_ctl start took ${((upAt - startAt) / 1000).toFixed(1)} s; API answered ` +
          `${(answeredAt - upAt).toFixed(0)} ms and was ready ${(readyAt - upAt).toFixed(0)} ms after the server ` +
          `accepted connections; old socket closed ${resyncClose}; after recovery ${confirmed(afterRecovery)} confirmed`,
      );

      // What the API logged for an internal error, if one came.
      if (outcomes.some((outcome) => outcome.code === 'INTERNAL_SERVER_ERROR')) console.error(loggedErrors(app as App));
      // Every request answered: confirmed, refused by a rule, or DATABASE_UNAVAILABLE; never an internal error.
      for (const outcome of outcomes) {
        expect(outcome.lost ?? outcome.hung).toBeUndefined();
        if (outcome.code) expect([...BOOKING_REFUSALS, 'DATABASE_UNAVAILABLE']).toContain(outcome.code);
      }
      expect(confirmed(duringBurst)).toBeGreaterThanOrEqual(STOP_AFTER);
      // While the server was down, nothing but DATABASE_UNAVAILABLE, for writes and reads alike.
      expect(count(whileDown, 'DATABASE_UNAVAILABLE')).toBe(whileDown.length);
      expect(read.code).toBe('DATABASE_UNAVAILABLE');
      expect(ready).toEqual({ status: 503, database: 'unreachable' });
      // The plain HTTP routes (a calendar feed here) say 503 with a retry hint, not 500.
      expect(feed.status).toBe(503);
      expect(feed.headers.get('retry-after')).toBe('5');
      expect(await feed.text()).toMatch(/^DATABASE_UNAVAILABLE/);
      // Try again later, not "sign in again" (4401): clients keep retrying.
      expect(duringClose).toBe(1013);
      expect(resyncClose).toBe(1012);
      // After recovery bookings go through again.
      expect(confirmed(afterRecovery)).toBeGreaterThan(0);
      expect(count(afterRecovery, 'DATABASE_UNAVAILABLE')).toBe(0);

      // What the database holds: every confirmed booking, whole and live; nothing refused; the invariants.
      const stored = await storedBookings(db);
      const live = stored.filter((booking) => (LIVE_BOOKING_STATUSES as readonly string[]).includes(booking.status));
      const liveIds = new Set(live.map((booking) => booking.id));
      for (const outcome of outcomes) if (outcome.id) expect(liveIds.has(outcome.id)).toBe(true);
      expect(stored.length).toBe(live.length);
      expectInvariants(live);
      expectNothingRefusedWritten(
        allAttempts,
        outcomes,
        live.filter((booking) => dates.includes(booking.date)),
      );
    },
    300_000,
  );
});
