#!/usr/bin/env node
// Benchmark of the desk availability of one office on one date, three ways, in one run:
//   (A) GraphQL `deskAvailability` over HTTP against the built API (dist/apps/api),
//   (B) the same SQL behind a bare node:http handler with a pg.Pool (the floor for any HTTP API in Node),
//   (C) the same SQL through pg alone (no HTTP).
// It creates its own database on a local PostgreSQL server, seeds it, loads it with bookings, measures, and drops it.
// Not a test: run it with `npm run bench:availability` (see tools/bench/README.md).
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import pg from 'pg';

import {
  closeServer,
  cpuMs,
  createCleanup,
  DEMO_PERSON_HEADER,
  fail,
  importDist,
  isLoopback,
  listen,
  POOL_MAX,
  positiveInt,
  postJson as postJsonWithin,
  quoteIdent,
  requireBuiltApi,
  serveBareChild,
  startApiChild,
  startApiInProcess,
  startBareChild,
  startOidcChild,
  stoppedBy,
} from './harness.mjs';

const THIS_FILE = fileURLToPath(import.meta.url);
const REQUEST_TIMEOUT_MS = 10_000;

const postJson = (agent, url, headers, payload) => postJsonWithin(agent, url, headers, payload, REQUEST_TIMEOUT_MS);

const QUERY = `query DeskAvailability($officeId: ID!, $date: String!, $part: DayPart!) {
  deskAvailability(officeId: $officeId, date: $date, part: $part) {
    deskId code areaName morningFree afternoonFree free myBookingId
  }
}`;

const USAGE = `Usage: node tools/bench/availability.mjs [options]   (build the API first: npx nx build api)

  --requests N      measured requests per method (default 2000)
  --concurrency N   requests in flight at once (default 8)
  --warmup N        unmeasured requests per method first (default 200)
  --rounds N        the measured requests of each method in N rounds, the methods taking turns (A B C A B C …), so
                    that a neighbour's load on the machine falls on all of them alike (default 5)
  --part P          MORNING | AFTERNOON | FULL_DAY (default FULL_DAY)
  --in-process      run the API and the bare server inside this process instead of child processes
  --production      run the API as shipped: NODE_ENV=production, sign-in through OpenID Connect (the repository's
                    test provider, libs/testing-oidc), A sends a bearer token instead of the demo header
  --timeout S       give up after S seconds in all (default 600)
  --database-url U  measure on an existing, seeded database (e.g. the large seed, tools/seed-large) instead of a
                    fresh demo database: nothing is created, loaded or dropped
  --help

Environment: NAHBAR_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), a loopback server
where the bench may create and drop the database nahbar_bench_<pid>.`;

// ---------------------------------------------------------------------------------------------------------------
// The bare server, shared by the child process (--serve-bare) and --in-process.

function freeFor(part, morningTaken, afternoonTaken) {
  if (part === 'MORNING') return !morningTaken;
  if (part === 'AFTERNOON') return !afternoonTaken;
  return !morningTaken && !afternoonTaken;
}

/** The same rows in the same shape as the GraphQL answer; a blocked desk is free for no part of the day. */
function toAvailability(rows, part) {
  // The API's statement answers one row without a desk for an office without desks; none here, but skip it alike.
  return rows
    .filter((row) => row.desk_id !== null)
    .map((row) => ({
      deskId: row.desk_id,
      code: row.code,
      areaName: row.area_name,
      morningFree: !row.blocked && !row.morning_taken,
      afternoonFree: !row.blocked && !row.afternoon_taken,
      free: !row.blocked && freeFor(part, row.morning_taken, row.afternoon_taken),
      myBookingId: row.my_booking_id,
    }));
}

/**
 * The statement's parameters: office, date, person, and (since issue 8, when the statement checks access itself) the
 * caller's organisation as $4. Older builds' statement takes three.
 */
function parametersOf(sql, officeId, date, personId, organisationId) {
  return /\$4\b/.test(sql) ? [officeId, date, personId, organisationId] : [officeId, date, personId];
}

/** POST {officeId, date, part, organisationId} as JSON, person in the demo header; answers {data: {deskAvailability: [...]}}. */
function createBareServer(pool, sql) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let input;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad json"}');
        return;
      }
      const personId = req.headers[DEMO_PERSON_HEADER];
      pool.query(sql, parametersOf(sql, input.officeId, input.date, personId, input.organisationId)).then(
        (result) => {
          const body = JSON.stringify({ data: { deskAvailability: toAvailability(result.rows, input.part) } });
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        },
        (error) => {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
        },
      );
    });
  });
}

/** Child-process mode: the bare server on {dbUrl, sql, poolMax} from the parent (`serveBareChild` of the harness). */
function serveBare() {
  serveBareChild(async ({ dbUrl, sql, poolMax }) => {
    const pool = new pg.Pool({ connectionString: dbUrl, max: poolMax });
    return { server: createBareServer(pool, sql), close: () => pool.end() };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A civil date `days` from today (UTC), moved on to the next Wednesday: a normal office day. */
function futureWednesday(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCDate(date.getUTCDate() + ((3 - date.getUTCDay() + 7) % 7));
  return date.toISOString().slice(0, 10);
}

function addDays(civil, days) {
  const date = new Date(`${civil}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Runs `total` calls of `once`, `concurrency` at a time; returns each call's latency in ms and the wall time. */
async function drive(once, total, concurrency, deadline) {
  const latencies = new Float64Array(total);
  let next = 0;
  let failed = false;
  const started = performance.now();
  const worker = async () => {
    try {
      while (next < total && !failed) {
        if (stoppedBy()) fail(`stopped by ${stoppedBy()}`);
        if (Date.now() > deadline) fail('time limit reached while measuring (see --timeout).');
        const index = next++;
        const t0 = performance.now();
        await once();
        latencies[index] = performance.now() - t0;
      }
    } catch (error) {
      failed = true; // the other workers stop after their current request
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { latencies, wallMs: performance.now() - started };
}

function summarise({ latencies, wallMs }) {
  const sorted = Float64Array.from(latencies).sort();
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { p50: rank(0.5), p95: rank(0.95), mean, rps: (sorted.length / wallMs) * 1000 };
}

function table(rows) {
  const header = [
    'method',
    'p50 ms',
    'p95 ms',
    'mean ms',
    'req/s',
    'server cpu ms/req',
    'p95 ratio vs bare http',
    'p95 ratio vs pg alone',
  ];
  const bare = rows.find((row) => row.key === 'B').stats.p95;
  const pgAlone = rows.find((row) => row.key === 'C').stats.p95;
  const cells = rows.map(({ label, stats }) => [
    label,
    stats.p50.toFixed(2),
    stats.p95.toFixed(2),
    stats.mean.toFixed(2),
    stats.rps.toFixed(0),
    stats.serverCpu === undefined ? '–' : stats.serverCpu.toFixed(2),
    `${(stats.p95 / bare).toFixed(2)}x`,
    `${(stats.p95 / pgAlone).toFixed(2)}x`,
  ]);
  const widths = header.map((title, col) => Math.max(title.length, ...cells.map((row) => row[col].length)));
  const line = (row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The run

/** Bookings: half the office's desks on the date, for the three parts; plus a year's background elsewhere. */
async function addLoad(admin, office, desks, people, date) {
  const rows = [];
  const half = Math.floor(desks.length / 2);
  const parts = ['FULL_DAY', 'MORNING', 'AFTERNOON'];
  for (let i = 0; i < half; i++) {
    // Person i holds desk 2i: every other desk taken, person 0 (the caller) among them.
    rows.push({
      person: people[i % people.length].id,
      desk: desks[2 * i].id,
      date,
      part: parts[i % 3],
      status: 'BOOKED',
    });
  }
  // A cancelled booking on a free desk: must not count as taken.
  rows.push({ person: people[people.length - 1].id, desk: desks[1].id, date, part: 'FULL_DAY', status: 'CANCELLED' });
  // Background: every person one full day a working day for the 120 days from tomorrow, on desks of all offices.
  const all = (await admin.query('SELECT id FROM desks ORDER BY office_id, code')).rows;
  const today = new Date().toISOString().slice(0, 10);
  for (let day = 1; day <= 120; day++) {
    const civil = addDays(today, day);
    const weekday = new Date(`${civil}T00:00:00Z`).getUTCDay();
    if (civil === date || weekday === 0 || weekday === 6) continue;
    people.forEach((person, p) => {
      rows.push({
        person: person.id,
        desk: all[(day * 7 + p) % all.length].id,
        date: civil,
        part: 'FULL_DAY',
        status: day % 5 === 0 && p === 0 ? 'CANCELLED' : 'BOOKED',
      });
    });
  }
  await admin.query(
    `INSERT INTO bookings (person_id, desk_id, date, part, status, cancelled_at)
     SELECT person, desk, day::date, part, status, CASE WHEN status = 'CANCELLED' THEN now() END
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(person, desk, day, part, status)`,
    [
      rows.map((r) => r.person),
      rows.map((r) => r.desk),
      rows.map((r) => r.date),
      rows.map((r) => r.part),
      rows.map((r) => r.status),
    ],
  );
  await admin.query('ANALYZE');
  const onDate = rows.filter((r) => r.date === date && r.status === 'BOOKED').length;
  return { total: rows.length, onDate, half };
}

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '5' },
      part: { type: 'string', default: 'FULL_DAY' },
      'in-process': { type: 'boolean', default: false },
      production: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
      'serve-bare': { type: 'boolean', default: false },
    },
  });
  if (values['serve-bare']) {
    serveBare();
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const requests = positiveInt('requests', values.requests);
  const concurrency = positiveInt('concurrency', values.concurrency);
  const warmup = Number(values.warmup) === 0 ? 0 : positiveInt('warmup', values.warmup);
  const rounds = positiveInt('rounds', values.rounds);
  if (rounds > requests) fail(`--rounds (${rounds}) must not exceed --requests (${requests}).`);
  const timeoutSeconds = positiveInt('timeout', values.timeout);
  const part = values.part;
  if (!['MORNING', 'AFTERNOON', 'FULL_DAY'].includes(part))
    fail(`--part must be MORNING, AFTERNOON or FULL_DAY, got "${part}".`);
  const inProcess = values['in-process'];
  const production = values.production;
  if (production && inProcess) fail('--production runs the API in a child process of its own: drop --in-process.');
  const deadline = Date.now() + timeoutSeconds * 1000;

  const adminUrl = new URL(process.env.NAHBAR_BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!isLoopback(adminUrl.hostname))
    fail(`NAHBAR_BENCH_ADMIN_URL must name a server on this machine (127.0.0.1), got ${adminUrl.hostname}.`);
  const existing = values['database-url'];
  if (existing !== undefined && !/^postgres(ql)?:\/\//.test(existing))
    fail(`--database-url must be a postgres:// URL, got "${existing}".`);
  const dbName = `nahbar_bench_${process.pid}`;
  const dbUrl = new URL(existing ?? adminUrl);
  if (!existing) dbUrl.pathname = `/${dbName}`;

  const { OFFICE_AVAILABILITY_SQL: sql } = await importDist('bookings/availability.service.js', 'bench:availability');
  if (typeof sql !== 'string')
    fail(
      'dist/apps/api/bookings/availability.service.js exports no OFFICE_AVAILABILITY_SQL: rebuild with `npx nx build api`.',
    );
  requireBuiltApi();

  // Everything to undo, last first; runs on success, failure, time-out and Ctrl-C alike.
  const { cleanups, cleanup, dispose } = createCleanup(timeoutSeconds);

  try {
    const server = new pg.Client({
      connectionString: existing ? dbUrl.href : adminUrl.href,
      connectionTimeoutMillis: 10_000,
    });
    await server.connect();
    cleanups.push(async () => {
      if (!existing) await server.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
      await server.end();
    });
    const version = (await server.query('SHOW server_version')).rows[0].server_version;
    if (!existing) {
      await server.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
      await server.query(`CREATE DATABASE ${quoteIdent(dbName)}`);
    }

    // The API migrates and seeds the demo data into the empty database as it starts.
    // On a database the bench did not make: no demo seed, and never release its bookings.
    const apiEnv = existing
      ? { NAHBAR_SEED_DEMO: 'false', NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0' }
      : { NAHBAR_SEED_DEMO: 'true' };
    // As shipped: NODE_ENV=production (graphql-js and Express without their development checks, JSON access log), which
    // allows no demo identity, so people sign in at an OpenID provider. The token outlives the run.
    const oidc = production ? await startOidcChild(timeoutSeconds + 600, cleanups, deadline) : undefined;
    if (oidc) Object.assign(apiEnv, oidc.apiEnv, { NODE_ENV: 'production', NAHBAR_DEMO: 'false' });
    const { url: apiUrl, pid: apiPid } = inProcess
      ? await startApiInProcess(dbUrl.href, cleanups, apiEnv, 'bench:availability')
      : await startApiChild(dbUrl.href, cleanups, deadline, apiEnv);

    const pool = new pg.Pool({ connectionString: dbUrl.href, max: POOL_MAX });
    cleanups.push(() => pool.end());
    const people = (await pool.query('SELECT id FROM people ORDER BY email')).rows;
    const [office] = (
      await pool.query(
        `SELECT o.id, o.name, count(d.id)::int AS desks FROM offices o JOIN desks d ON d.office_id = o.id AND d.active
         GROUP BY o.id, o.name ORDER BY count(d.id) DESC, o.name LIMIT 1`,
      )
    ).rows;
    if (!office || people.length < 2) fail('the demo data is missing from the bench database.');
    const desks = (await pool.query('SELECT id FROM desks WHERE office_id = $1 AND active ORDER BY code', [office.id]))
      .rows;
    let date;
    let load;
    let personId;
    if (existing) {
      // The data is there: the busiest day of the office in the next two weeks, asked by someone booked there.
      const [busiest] = (
        await pool.query(
          `SELECT b.date::text AS date, count(*)::int AS live, (array_agg(b.person_id ORDER BY b.created_at))[1] AS person
             FROM bookings b JOIN desks d ON d.id = b.desk_id
            WHERE d.office_id = $1 AND b.status IN ('BOOKED', 'CHECKED_IN')
              AND b.date > (now() AT TIME ZONE 'Europe/Berlin')::date
              AND b.date <= (now() AT TIME ZONE 'Europe/Berlin')::date + 14
            GROUP BY b.date ORDER BY count(*) DESC, b.date LIMIT 1`,
          [office.id],
        )
      ).rows;
      if (!busiest) fail('no live bookings at the largest office in the next two weeks: is this a seeded database?');
      const [{ total }] = (await pool.query('SELECT count(*)::int AS total FROM bookings')).rows;
      date = busiest.date;
      load = { onDate: busiest.live, total };
      personId = busiest.person;
    } else {
      date = futureWednesday(14);
      load = await addLoad(pool, office, desks, people, date);
      personId = people[0].id;
    }

    const [{ organisation_id: organisationId }] = (
      await pool.query('SELECT organisation_id FROM people WHERE id = $1', [personId])
    ).rows;

    // With OIDC, the caller is linked to an account of the provider (their issuer and subject, restored afterwards on a
    // database the bench did not make) and signs in there; the claims are the person's own, so nothing else changes.
    let apiHeaders = { [DEMO_PERSON_HEADER]: personId };
    if (oidc) {
      const [person] = (
        await pool.query(
          `SELECT p.display_name, p.email, p.oidc_issuer, p.oidc_subject, o.claim_value
             FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1`,
          [personId],
        )
      ).rows;
      const subject = `nahbar-bench-${process.pid}`;
      await pool.query('UPDATE people SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1', [
        personId,
        oidc.issuer,
        subject,
      ]);
      if (existing)
        cleanups.push(() =>
          pool.query('UPDATE people SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1', [
            personId,
            person.oidc_issuer,
            person.oidc_subject,
          ]),
        );
      const token = await oidc.signIn(subject, {
        name: person.display_name,
        ...(person.email ? { email: person.email } : {}),
        organisation: person.claim_value,
      });
      apiHeaders = { authorization: `Bearer ${token}` };
    }

    let bareUrl;
    let barePid;
    if (inProcess) {
      const bare = createBareServer(pool, sql);
      const port = await listen(bare);
      cleanups.push(() => closeServer(bare));
      bareUrl = `http://127.0.0.1:${port}/`;
    } else {
      ({ url: bareUrl, pid: barePid } = await startBareChild(
        THIS_FILE,
        { dbUrl: dbUrl.href, sql, poolMax: POOL_MAX },
        cleanups,
        deadline,
      ));
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    cleanups.push(() => agent.destroy());
    const headers = { [DEMO_PERSON_HEADER]: personId };
    const variables = { officeId: office.id, date, part };
    const methods = [
      {
        key: 'A',
        label: 'A GraphQL deskAvailability (HTTP)',
        pid: apiPid,
        once: async () => {
          const answer = await postJson(agent, apiUrl, apiHeaders, { query: QUERY, variables });
          if (answer.errors) fail(`GraphQL errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
          return answer.data.deskAvailability;
        },
      },
      {
        key: 'B',
        label: 'B bare node:http + pg.Pool',
        pid: barePid,
        // The bare handler is told the caller's organisation, as a signed token would tell it, without a lookup.
        once: async () =>
          (await postJson(agent, bareUrl, headers, { ...variables, organisationId })).data.deskAvailability,
      },
      {
        key: 'C',
        label: 'C pg.Pool alone (no HTTP)',
        once: async () =>
          toAvailability(
            (await pool.query(sql, parametersOf(sql, office.id, date, personId, organisationId))).rows,
            part,
          ),
      },
    ];

    // All three must answer the same before any is timed.
    const expected = JSON.stringify(await methods[2].once());
    for (const method of methods) {
      const got = JSON.stringify(await method.once());
      if (got !== expected) fail(`${method.label} answers differently from pg alone:\n${got}\n${expected}`);
    }
    const parsed = JSON.parse(expected);
    const free = parsed.filter((desk) => desk.free).length;
    if (!parsed.some((desk) => desk.myBookingId))
      fail('the caller has no booking among the answers: the load is wrong.');

    console.log(
      `office "${office.name}" (${office.desks} desks), ${date} ${part}: ${load.onDate} live bookings on the date, ` +
        `${free} desks free; ${load.total} bookings in all; caller ${personId}`,
    );
    console.log(
      `${requests} requests per method in ${rounds} rounds taking turns, after ${warmup} warm-up, concurrency ${concurrency}; ` +
        `servers ${inProcess ? 'in this process' : 'in child processes'}; pool max ${POOL_MAX}; API ` +
        `${production ? 'as shipped (NODE_ENV=production, OIDC bearer token)' : 'in development mode (demo identity)'}\n`,
    );

    // The methods take turns in rounds, so that a change in the machine's load (its neighbours) falls on all of them
    // alike; each method's latencies of all rounds are summarised together, and the ratio of every round is printed.
    for (const method of methods) if (warmup > 0) await drive(method.once, warmup, concurrency, deadline);
    const measured = methods.map(() => ({ latencies: [], wallMs: 0, cpu: 0 }));
    const roundRatios = [];
    for (let round = 0; round < rounds; round += 1) {
      const perRound = Math.floor(requests / rounds) + (round < requests % rounds ? 1 : 0);
      const p95s = [];
      for (const [index, method] of methods.entries()) {
        const cpuBefore = cpuMs(method.pid);
        const run = await drive(method.once, perRound, concurrency, deadline);
        const cpuAfter = cpuMs(method.pid);
        const into = measured[index];
        into.latencies.push(...run.latencies);
        into.wallMs += run.wallMs;
        into.cpu =
          cpuBefore === undefined || cpuAfter === undefined || into.cpu === undefined
            ? undefined
            : into.cpu + cpuAfter - cpuBefore;
        p95s.push(summarise(run).p95);
      }
      roundRatios.push(p95s[0] / p95s[1]);
    }
    const results = methods.map((method, index) => {
      const { latencies, wallMs, cpu } = measured[index];
      const stats = summarise({ latencies, wallMs });
      // The server process's CPU (all its threads, GC included) per measured request; C has no server.
      if (cpu !== undefined && method.pid !== undefined) stats.serverCpu = cpu / requests;
      return { ...method, stats };
    });

    console.log(table(results));
    const sortedRatios = [...roundRatios].sort((a, b) => a - b);
    console.log(
      `\np95 ratio A/B per round (${rounds} rounds of about ${Math.round(requests / rounds)} requests per method): ` +
        `${roundRatios.map((ratio) => `${ratio.toFixed(2)}x`).join(' ')}; median ` +
        `${sortedRatios[Math.floor((sortedRatios.length - 1) / 2)].toFixed(2)}x`,
    );
    const cpus = os.cpus();
    console.log(
      `\nmachine: ${cpus.length} cpus (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, PostgreSQL ${version}, ${os.platform()} ${os.release()}, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await cleanup();
    dispose();
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((error) => {
    if (stoppedBy()) return; // the signal handler exits once cleanup is done
    console.error(`bench: ${error.benchMessage ? error.message : (error?.stack ?? error)}`);
    process.exit(1);
  });
}
