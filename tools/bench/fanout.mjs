#!/usr/bin/env node
// Figure 3 of issue 8: subscription fan-out on one API instance. N graphql-ws clients (one WebSocket each) subscribe
// to the desk availability of one office and day; bookings and cancellations through the API then reach all of them.
// Latency per client and event: from the commit (the moment this process's own LISTEN connection hears the event's
// NOTIFY, sent right after the commit) until the client has the event. Also the API's resident memory (VmRSS).
// Not a test: it prints numbers and never fails on them.
//   npx nx build api && node tools/bench/fanout.mjs [--clients 1000,2000,5000] [--events 20] [--database-url U]
//     [--cpu-prof DIR] [--node-flags=--max-semi-space-size=16]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createClient } from 'graphql-ws';
import pg from 'pg';

import { freePort } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/apps/api/main.js', import.meta.url));
const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';
const CHANNEL = 'nahbar_events';
const EVENT_TIMEOUT_MS = 60_000;

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000,2000,5000' },
    events: { type: 'string', default: '20' },
    'database-url': { type: 'string' },
    'cpu-prof': { type: 'string' },
    'node-flags': { type: 'string', default: '' },
  },
});
const levels = values.clients.split(',').map(Number);
const eventCount = Number(values.events);
if (levels.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(eventCount) || eventCount < 2) {
  console.error(
    'Usage: node tools/bench/fanout.mjs [--clients 1000,2000,5000] [--events 20] [--database-url URL] [--cpu-prof DIR] ' +
      '[--node-flags FLAGS]',
  );
  process.exit(2);
}
if (!existsSync(MAIN)) {
  console.error('dist/apps/api/main.js is missing: build first (npx nx build api).');
  process.exit(1);
}

const adminUrl = new URL(process.env.NAHBAR_BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
const existing = values['database-url'];
const dbName = `nahbar_bench_fanout_${process.pid}`;
const dbUrl = new URL(existing ?? adminUrl);
if (!existing) dbUrl.pathname = `/${dbName}`;

const cleanups = [];
async function cleanup() {
  for (const undo of cleanups.reverse()) await undo().catch((error) => console.error(`cleanup: ${error.message}`));
  cleanups.length = 0;
}
process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function nodeFlagsNote() {
  return values['node-flags'] ? ` (API started with ${values['node-flags']})` : '';
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl.href });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startApi() {
  const port = await freePort();
  const env = { ...process.env };
  for (const name of ['NODE_ENV', 'NAHBAR_DATA_DIR', 'NAHBAR_WEB_DIR']) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.href,
    NAHBAR_DEMO: 'true',
    NAHBAR_SEED_DEMO: existing ? 'false' : 'true',
    NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0',
    // All clients act for one person from one address: the per-person and per-address limits of issue 9 would
    // refuse all but 20 connections (4429) and, while probing, the mutations.
    NAHBAR_RATE_LIMIT_WS_CONNECTIONS: '10000',
    NAHBAR_RATE_LIMIT_PERSON: '100000000',
    NAHBAR_RATE_LIMIT_ADDRESS: '100000000',
  });
  // --cpu-prof DIR: the API writes a V8 CPU profile into DIR when it stops (open it in Chrome DevTools).
  // --node-flags "…": flags for the API's node, e.g. --node-flags=--max-semi-space-size=16.
  const nodeArgs = [
    ...values['node-flags'].split(' ').filter(Boolean),
    ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited:\n${output}`);
    if (tries > 600) throw new Error(`the API did not start:\n${output}`);
    try {
      const answer = await gql(url, null, '{ __typename }');
      if (answer.data) return { url, pid: child.pid };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
}

async function gql(url, personId, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(personId ? { [DEMO_PERSON_HEADER]: personId } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const SUBSCRIPTION = `subscription($officeId: ID!, $date: String!) {
  deskAvailabilityChanged(officeId: $officeId, date: $date, part: FULL_DAY) { deskId free }
}`;

async function main() {
  if (!existing) {
    await admin(`CREATE DATABASE ${dbName}`);
    cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  }
  const api = await startApi();
  const db = new pg.Client({ connectionString: dbUrl.href });
  await db.connect();
  cleanups.push(() => db.end());

  // The office with the most desks, a day with free desks, two people of its operator with nothing booked that day:
  // one subscribes (all clients act for them), the other books.
  const [office] = (
    await db.query(
      `SELECT o.id, o.name, o.operator_id, count(d.id)::int AS desks FROM offices o
         JOIN desks d ON d.office_id = o.id AND d.active GROUP BY o.id ORDER BY count(d.id) DESC, o.name LIMIT 1`,
    )
  ).rows;
  let date;
  let desk;
  let people;
  for (let offset = 7; offset < 40 && !desk; offset += 1) {
    const candidate = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const day = new Date(`${candidate}T12:00:00Z`).getUTCDay();
    if (day === 0 || day === 6) continue;
    const free = await db.query(
      `SELECT d.id FROM desks d WHERE d.office_id = $1 AND d.active AND NOT EXISTS (
         SELECT 1 FROM bookings b WHERE b.desk_id = d.id AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN'))
       ORDER BY d.code LIMIT 1`,
      [office.id, candidate],
    );
    people = (
      await db.query(
        `SELECT p.id FROM people p WHERE p.organisation_id = $1 AND NOT EXISTS (
           SELECT 1 FROM bookings b WHERE b.person_id = p.id AND b.date = $2) ORDER BY p.id LIMIT 2`,
        [office.operator_id, candidate],
      )
    ).rows.map((row) => row.id);
    if (free.rows[0] && people.length === 2) {
      date = candidate;
      desk = free.rows[0].id;
    }
  }
  if (!desk) throw new Error('no free desk and people found for the benchmark');
  const [subscriber, booker] = people;

  // This process hears the NOTIFY as the API does: the moment of the commit (plus one hop) for each event.
  const listener = new pg.Client({ connectionString: dbUrl.href });
  await listener.connect();
  cleanups.push(() => listener.end());
  const notified = [];
  listener.on('notification', (message) => {
    if (message.payload?.includes(desk) && message.payload.includes('desk-availability')) {
      notified.push(performance.now());
    }
  });
  await listener.query(`LISTEN ${CHANNEL}`);

  const version = (await db.query('SHOW server_version')).rows[0].server_version;
  console.log(
    `office "${office.name}" (${office.desks} desks), ${date}; ${eventCount} events per level (book, cancel, …)`,
  );
  console.log(`API RSS before any client: ${rssMb(api.pid).toFixed(0)} MB${nodeFlagsNote()}\n`);

  const rows = [];
  let clients = [];
  let received = [];
  let bookingId = null;
  const change = async () => {
    if (bookingId === null) {
      const answer = await gql(api.url, booker, `mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }`, {
        i: { deskId: desk, date, part: 'FULL_DAY' },
      });
      if (!answer.data) throw new Error(`booking failed: ${JSON.stringify(answer.errors)}`);
      bookingId = answer.data.bookDesk.id;
    } else {
      const answer = await gql(api.url, booker, `mutation($id: ID!) { cancelBooking(id: $id) { id } }`, {
        id: bookingId,
      });
      if (!answer.data) throw new Error(`cancelling failed: ${JSON.stringify(answer.errors)}`);
      bookingId = null;
    }
  };

  for (const level of levels) {
    // Add clients up to this level, 100 at a time, each batch connected before the next (as people arrive over time,
    // not all in the same second); a refused or dropped connection is retried.
    while (clients.length < level) {
      const batch = Math.min(100, level - clients.length);
      const connected = [];
      for (let i = 0; i < batch; i += 1) {
        const index = clients.length;
        received[index] = [];
        let resolveConnected;
        connected.push(new Promise((resolve) => (resolveConnected = resolve)));
        const client = createClient({
          url: `${api.url.replace('http', 'ws')}/graphql`,
          connectionParams: { [DEMO_PERSON_HEADER]: subscriber },
          retryAttempts: 5,
          shouldRetry: () => true,
          lazy: true,
          on: { connected: () => resolveConnected() },
        });
        client.subscribe(
          { query: SUBSCRIPTION, variables: { officeId: office.id, date } },
          {
            next: () => received[index].push(performance.now()),
            error: (error) =>
              console.error(`client ${index}: ${error?.code ?? ''} ${error?.reason ?? error?.message ?? ''}`),
            complete: () => undefined,
          },
        );
        clients.push(client);
      }
      await Promise.all(connected);
    }
    // Subscribing is asynchronous on the server: change until every client has heard one event.
    for (let probe = 0; received.some((list) => list.length === 0); probe += 1) {
      if (probe > 200) throw new Error('not every client subscribed');
      await change();
      await sleep(500);
    }
    await sleep(1000);
    for (const list of received) list.length = 0;
    notified.length = 0;

    const latencies = [];
    let peakRss = rssMb(api.pid);
    const started = performance.now();
    for (let event = 0; event < eventCount; event += 1) {
      await change();
      const deadline = performance.now() + EVENT_TIMEOUT_MS;
      while (received.some((list) => list.length <= event) || notified.length <= event) {
        if (performance.now() > deadline) throw new Error(`event ${event} did not reach every client in time`);
        await sleep(5);
      }
      peakRss = Math.max(peakRss, rssMb(api.pid));
      for (const list of received) latencies.push(list[event] - notified[event]);
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rows.push({
      clients: level,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: latencies[latencies.length - 1],
      rss: peakRss,
      perSecond: (eventCount * level) / seconds,
    });
    console.log(
      `${String(level).padStart(5)} clients: p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, ` +
        `API RSS ${peakRss.toFixed(0)} MB`,
    );
  }
  if (bookingId !== null) await change();

  console.log('\nclients | p50 ms | p99 ms | max ms | deliveries/s | API RSS MB | targets: p99 < 200 ms, RSS < 400 MB');
  console.log('--------|--------|--------|--------|--------------|-----------|');
  for (const row of rows) {
    console.log(
      `${String(row.clients).padStart(7)} | ${row.p50.toFixed(0).padStart(6)} | ${row.p99.toFixed(0).padStart(6)} | ` +
        `${row.max.toFixed(0).padStart(6)} | ${row.perSecond.toFixed(0).padStart(12)} | ${row.rss.toFixed(0).padStart(9)} |`,
    );
  }
  const cpus = os.cpus();
  console.log(
    `\nmachine: ${cpus.length} cpus (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, PostgreSQL ${version}; ` +
      `load generator, API and PostgreSQL share the machine`,
  );
  for (const client of clients) await client.dispose();
  clients = [];
  received = [];
}

main()
  .catch((error) => {
    console.error(`fanout: ${error?.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
