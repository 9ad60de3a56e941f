import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';

import { seed } from './support/booking-burst.js';
import { openDayInBavaria } from './support/dates.js';
import { DemoGraphql } from './support/demo-graphql.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * Two API processes (the built app) on one PostgreSQL server, as behind a proxy in production (DESIGN.md §4): events
 * travel between them through LISTEN/NOTIFY, a client that was away re-reads, and the listening connection heals.
 * No browser: graphql-ws clients in this process speak to the processes as the web client does.
 */
const ADMIN_URL = process.env['NAHBAR_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';
const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
/** Generous: a deadline against a hung test, not a measurement (the latency is printed, not asserted). */
const EVENT_TIMEOUT_MS = 20_000;

const CHANGES = `subscription Changes($officeId: ID!, $date: String!, $part: DayPart!) {
  deskAvailabilityChanged(officeId: $officeId, date: $date, part: $part) { deskId code free }
}`;
const AVAILABILITY = `query Availability($officeId: ID!, $date: String!, $part: DayPart!) {
  deskAvailability(officeId: $officeId, date: $date, part: $part) { deskId code free }
}`;
const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelBooking(id: $id) { id } }`;

interface DeskState {
  readonly deskId: string;
  readonly code: string;
  readonly free: boolean;
}

describe('two API processes on one PostgreSQL server', () => {
  const database = `nahbar_e2e_two_${process.pid}_${Date.now()}`;
  const databaseUrl = urlOf(database);
  const env = { DATABASE_URL: databaseUrl, NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0' };
  let a: RunningServer;
  let b: RunningServer;
  let apiA: DemoGraphql;
  let apiB: DemoGraphql;
  let officeId: string;
  let desks: DeskState[];
  const date = openDayInBavaria(5);
  const clients: Client[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    // Migrated (and seeded) once, by the CLI, before either instance starts.
    // `node dist/apps/api/cli.js seed-demo`: migrates the database and loads the demo data, as an operator would.
    await seed(env);
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    apiA = new DemoGraphql(a.url);
    apiB = new DemoGraphql(b.url);
    const { offices } = await apiA.as<{ offices: { id: string; name: string }[] }>(
      'Anna Schmidt',
      '{ offices { id name } }',
    );
    const office = offices.find((candidate) => candidate.name === OFFICE);
    if (!office) throw new Error(`no office ${OFFICE}`);
    officeId = office.id;
    desks = await availability(apiA, 'Anna Schmidt');
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, 60_000);

  const availability = async (api: DemoGraphql, person: string): Promise<DeskState[]> =>
    (
      await api.as<{ deskAvailability: DeskState[] }>(person, AVAILABILITY, {
        officeId,
        date,
        part: 'FULL_DAY',
      })
    ).deskAvailability;

  const desk = (index: number): DeskState => {
    const found = desks[index];
    if (!found) throw new Error(`no desk ${index}`);
    return found;
  };

  const book = async (api: DemoGraphql, person: string, deskId: string): Promise<string> =>
    (await api.as<{ bookDesk: { id: string } }>(person, BOOK, { input: { deskId, date, part: 'FULL_DAY' } })).bookDesk
      .id;

  const cancel = (api: DemoGraphql, person: string, id: string): Promise<unknown> => api.as(person, CANCEL, { id });

  /**
   * A change through A that gives an event: a booking and its cancellation by someone else than the tests' booker.
   * Subscribing is asynchronous on the server (no signal that it is registered), so tests probe until an event comes.
   */
  const probe = async (target: DeskState): Promise<void> => {
    const id = await book(apiA, 'Mehmet Yılmaz', target.deskId);
    await cancel(apiA, 'Mehmet Yılmaz', id);
  };

  /** A graphql-ws client of `server` that reconnects on its own, like the web client, and says when it connected. */
  const liveClient = async (server: RunningServer, person: string, onConnected: () => void = () => undefined) => {
    const client = createClient({
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { [DEMO_PERSON_HEADER]: await apiB.personId(person) },
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
      on: { connected: onConnected },
    });
    clients.push(client);
    return client;
  };

  it('a booking through A reaches a subscriber on B (latency printed)', async () => {
    const connected = new Signal();
    const client = await liveClient(b, 'Thomas Becker', () => connected.fire());
    const events = new Events(client, { officeId, date, part: 'FULL_DAY' });
    await connected.wait();
    await events.subscribed(() => probe(desk(9)));

    const latencies: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const target = desk(round % 3);
      const sent = performance.now();
      const id = await book(apiA, 'Anna Schmidt', target.deskId);
      const taken = await events.next((event) => event.deskId === target.deskId && !event.free);
      latencies.push(taken.at - sent);
      expect(taken.event.code).toBe(target.code);

      const cancelled = performance.now();
      await cancel(apiA, 'Anna Schmidt', id);
      const freed = await events.next((event) => event.deskId === target.deskId && event.free);
      latencies.push(freed.at - cancelled);
    }
    latencies.sort((x, y) => x - y);
    const quantile = (q: number): string => (latencies[Math.ceil(q * latencies.length) - 1] ?? NaN).toFixed(1);
    console.log(
      `A → B through LISTEN/NOTIFY, ${latencies.length} events, from sending the mutation to A until the event on ` +
        `B: p50 ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms, max ${quantile(1)} ms`,
    );
    expect(latencies).toHaveLength(20);
  });

  it('a client of B that was away while B restarted re-reads on reconnect and sees the booking made meanwhile', async () => {
    const rereads: Promise<DeskState[]>[] = [];
    const connection = [new Signal(), new Signal()];
    const client = await liveClient(b, 'Thomas Becker', () => {
      // What the web client does on every (re)connection: re-read the state, events missed meanwhile included.
      rereads.push(availability(apiB, 'Thomas Becker'));
      connection[rereads.length - 1]?.fire();
    });
    const events = new Events(client, { officeId, date, part: 'FULL_DAY' });
    await events.subscribed(() => probe(desk(8)));
    await connection[0]?.wait();
    expect((await rereads[0])?.find((state) => state.deskId === desk(4).deskId)?.free).toBe(true);

    // B goes away; A takes a booking meanwhile, whose event nobody on B can hear.
    const port = new URL(b.url).port;
    await b.stop();
    const bookingId = await book(apiA, 'Anna Schmidt', desk(4).deskId);
    b = await startServer({ ...env, PORT: port });

    // The client reconnects on its own, to the new B, and its re-read shows the desk taken.
    await connection[1]?.wait();
    expect((await rereads[1])?.find((state) => state.deskId === desk(4).deskId)?.free).toBe(false);

    // The client resubscribed: it hears the next change through the new B.
    await events.subscribed(() => probe(desk(8)));
    await cancel(apiA, 'Anna Schmidt', bookingId);
    await events.next((event) => event.deskId === desk(4).deskId && event.free);
  });

  it('when the listening connection is killed, it comes back, its clients re-read, and events flow again', async () => {
    const rereads: Promise<DeskState[]>[] = [];
    const connection = [new Signal(), new Signal()];
    const client = await liveClient(b, 'Thomas Becker', () => {
      rereads.push(availability(apiB, 'Thomas Becker'));
      connection[rereads.length - 1]?.fire();
    });
    const events = new Events(client, { officeId, date, part: 'FULL_DAY' });
    await events.subscribed(() => probe(desk(7)));
    await connection[0]?.wait();

    const before = await listeners();
    expect(before).toHaveLength(2);
    const killed = await sql<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = $1 AND application_name = 'nahbar-events'`,
      [database],
    );
    expect(killed.map((row) => row.killed)).toEqual([true, true]);
    const killedAt = performance.now();
    // A booking through A at once, most likely while nobody listens: B may never hear of it.
    const bookingId = await book(apiA, 'Anna Schmidt', desk(5).deskId);

    // Both processes listen again (on new connections) after their reconnect delay...
    let after: number[] = [];
    while (after.length < 2) {
      await sleep(100);
      if (performance.now() - killedAt > EVENT_TIMEOUT_MS) throw new Error(`listeners did not come back: ${after}`);
      after = (await listeners()).filter((pid) => !before.includes(pid));
    }
    console.log(`LISTEN connections back ${(performance.now() - killedAt).toFixed(0)} ms after pg_terminate_backend`);

    // ...and B, which may have missed events meanwhile, sent its clients away (1012): this one reconnected and
    // re-read, which shows the booking made while B was deaf.
    await connection[1]?.wait();
    expect((await rereads[1])?.find((state) => state.deskId === desk(5).deskId)?.free).toBe(false);

    // Events flow again: the cancellation through A reaches the resubscribed client on B.
    await events.subscribed(() => probe(desk(7)));
    await cancel(apiA, 'Anna Schmidt', bookingId);
    await events.next((event) => event.deskId === desk(5).deskId && event.free);
  });

  /** Backends of this database that have run LISTEN (the processes' listening connections). */
  async function listeners(): Promise<number[]> {
    const rows = await sql<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = $1 AND application_name = 'nahbar-events' AND state = 'idle' AND query ILIKE 'LISTEN %'`,
      [database],
    );
    return rows.map((row) => row.pid);
  }
});

/** Desk events of one subscription, with the moment each arrived. */
class Events {
  private readonly received: { event: DeskState; at: number }[] = [];
  private readonly failures: unknown[] = [];
  private wake: () => void = () => undefined;

  constructor(client: Client, variables: Record<string, unknown>) {
    client.subscribe<{ deskAvailabilityChanged: DeskState }>(
      { query: CHANGES, variables },
      {
        next: (result) => {
          if (result.errors?.length) this.failures.push(result.errors);
          else if (result.data)
            this.received.push({ event: result.data.deskAvailabilityChanged, at: performance.now() });
          this.wake();
        },
        error: (error) => {
          this.failures.push(error);
          this.wake();
        },
        complete: () => undefined,
      },
    );
  }

  /** Runs `probe` until an event arrives (then the subscription is registered), and forgets what came so far. */
  async subscribed(probe: () => Promise<void>): Promise<void> {
    const deadline = performance.now() + EVENT_TIMEOUT_MS;
    while (this.received.length === 0) {
      this.check();
      if (performance.now() > deadline) throw new Error('the subscription never delivered an event');
      await probe();
      await this.arrival(300);
    }
    this.received.length = 0;
  }

  /** The first event (oldest first, consumed up to it) that matches, waiting for it with a generous deadline. */
  async next(matches: (event: DeskState) => boolean): Promise<{ event: DeskState; at: number }> {
    const deadline = performance.now() + EVENT_TIMEOUT_MS;
    for (;;) {
      this.check();
      const index = this.received.findIndex((entry) => matches(entry.event));
      if (index >= 0) return this.received.splice(0, index + 1)[index] as { event: DeskState; at: number };
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no matching event within ${EVENT_TIMEOUT_MS} ms`);
      await this.arrival(left);
    }
  }

  private check(): void {
    if (this.failures.length > 0) throw new Error(`subscription failed: ${JSON.stringify(this.failures)}`);
  }

  private arrival(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** Something that happens once, awaited with a generous deadline. */
class Signal {
  private fired = false;
  private resolve: () => void = () => undefined;
  private readonly promise = new Promise<void>((resolve) => (this.resolve = resolve));

  fire(): void {
    this.fired = true;
    this.resolve();
  }

  async wait(timeoutMs = 60_000): Promise<void> {
    if (this.fired) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`nothing happened within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function sql<Row>(text: string, parameters: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(text, parameters)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function admin(text: string): Promise<void> {
  await sql(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
