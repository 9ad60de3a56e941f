#!/usr/bin/env node
// Benchmark of the booking rate under racing clients (figure 2 of issue 8), two ways, in one run:
//   (A) GraphQL `bookDesk` over HTTP against the built API (dist/apps/api),
//   (B) the same transaction behind a bare node:http handler with a pg.Pool: the same statements (the desk looked up,
//       the advisory locks of `TransactionLocks`, the context of `loadBookingContext`, `decideBooking` of
//       @nahbar/domain, the INSERT), imported from the same dist and the same domain library the API runs.
// A fixed number of clients (64) each book, one request at a time, a random desk of an office of 200 desks on a
// random one of N open days for a random person, for a fixed time. After each run it counts in SQL the double
// bookings (a desk or a person with two live bookings on one half-day), which must be 0.
// It creates its own database on a local PostgreSQL server, seeds it, measures, and drops it.
// Not a test: run it with `npm run bench:booking` (see tools/bench/README.md).
import { existsSync } from 'node:fs';
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
  importDist as importApiDist,
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
  stoppedBy,
} from './harness.mjs';

const DOMAIN_DIST = new URL('../../libs/domain/dist/index.js', import.meta.url);
const THIS_FILE = fileURLToPath(import.meta.url);
const REQUEST_TIMEOUT_MS = 30_000;
const PARTS = ['MORNING', 'AFTERNOON', 'FULL_DAY'];
const LIVE = ['BOOKED', 'CHECKED_IN'];
/** The refusals a race is expected to give; any other code is listed on its own. */
const RACE_CODES = ['DESK_TAKEN', 'PERSON_ALREADY_BOOKED'];

// As the API does (apps/api/src/database/data-source.ts): a `date` column reads as the civil date string.
pg.types.setTypeParser(1082, (value) => value);

const importDist = (file) => importApiDist(file, 'bench:booking');
const postJson = (agent, url, headers, payload) => postJsonWithin(agent, url, headers, payload, REQUEST_TIMEOUT_MS);

const MUTATION = `mutation BookDesk($input: BookDeskInput!) {
  bookDesk(input: $input) { id }
}`;

const USAGE = `Usage: node tools/bench/booking-rate.mjs [options]   (build the API first: npx nx build api)

  --duration S      measured seconds per method (default 30)
  --clients N       racing clients, each one request at a time (default 64)
  --desks N         desks of the bench office (default 200)
  --days N          open days ahead the clients book on (default 40)
  --people N        people who book (default 2000)
  --warmup N        unmeasured attempts per method first; the bookings are removed again (default 200, 0 for none)
  --seed N          seed of the clients' random choices; A and B make the same choices (default 1)
  --in-process      run the API and the bare server inside this process instead of child processes
  --timeout S       give up after S seconds in all (default 600)
  --help

Environment: NAHBAR_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), a loopback server
where the bench may create and drop the database nahbar_bench_<pid>.`;

// ---------------------------------------------------------------------------------------------------------------
// The bare server, shared by the child process (--serve-bare) and --in-process.

async function importDomain() {
  if (!existsSync(DOMAIN_DIST))
    fail(`${fileURLToPath(DOMAIN_DIST)} is missing: build the API first with \`npx nx build api\` (it builds it).`);
  // The package name, as the API imports it: the same module from the same file.
  return import('@nahbar/domain');
}

/**
 * What `BookingsService.book` runs, statement for statement, on a pg client instead of TypeORM's EntityManager:
 * the shared pieces (locks, context, decision, SQL condition) come from the built API and the domain library; the two
 * desk reads, which the service keeps to itself, are copied from apps/api/src/bookings/bookings.service.ts (its
 * first one also reads desk code, area and office there, for the answer; B answers only the id).
 */
async function loadBookingTransaction() {
  const { TransactionLocks, officeDayKey, personWeekKey } = await importDist('bookings/advisory-locks.js');
  const { loadBookingContext, EXCLUSION_VIOLATION } = await importDist('bookings/booking-context.js');
  const { officeOpenTo } = await importDist('places/places.service.js');
  const { checkBookingDate, decideBooking, startOfIsoWeek } = await importDomain();
  for (const [name, value] of Object.entries({ TransactionLocks, loadBookingContext, officeOpenTo, decideBooking })) {
    if (typeof value !== 'function') fail(`the built API exports no ${name}: rebuild with \`npx nx build api\`.`);
  }
  const requireDeskSql = `SELECT d.office_id, d.active, d.blocked_reason FROM desks d JOIN offices f ON f.id = d.office_id
     WHERE d.id = $1 AND ${officeOpenTo(2)}`;
  const deskUnderLocksSql = 'SELECT office_id, active, blocked_reason FROM desks WHERE id = $1';
  const refused = (code) => ({ errors: [{ extensions: { code } }] });

  /** Books in one transaction on `pool`; answers the GraphQL shape: {data: {bookDesk: {id}}} or {errors: [...]}. */
  return async function book(pool, caller, input) {
    const dateCheck = checkBookingDate(input.date, new Date());
    if (!dateCheck.ok) return refused(dateCheck.refusal.code);
    const date = dateCheck.date;
    const client = await pool.connect();
    // The EntityManager's `query` as the shared code uses it: SELECTs answer their rows.
    const manager = { query: async (sql, params) => (await client.query(sql, params)).rows };
    let open = false;
    try {
      await client.query('START TRANSACTION');
      open = true;
      const now = new Date();
      const [desk] = await manager.query(requireDeskSql, [input.deskId, caller.organisationId]);
      if (!desk) return refused('DESK_NOT_FOUND');
      await new TransactionLocks(manager).lockAll(
        [officeDayKey(desk.office_id, date)],
        [personWeekKey(caller.personId, startOfIsoWeek(date))],
      );
      const [lockedDesk] = await manager.query(deskUnderLocksSql, [input.deskId]);
      if (!lockedDesk) return refused('DESK_NOT_FOUND');
      const context = await loadBookingContext(manager, {
        officeId: desk.office_id,
        personId: caller.personId,
        first: date,
        last: date,
        desk: lockedDesk,
        now,
      });
      const decision = decideBooking({ deskId: input.deskId, date: input.date, part: input.part }, context);
      if (!decision.ok) return refused(decision.refusal.code);
      let inserted;
      try {
        inserted = await manager.query(
          `INSERT INTO bookings (person_id, desk_id, date, part, source) VALUES ($1, $2, $3, $4, 'SELF') RETURNING id`,
          [caller.personId, input.deskId, date, input.part],
        );
      } catch (error) {
        if (error.code === EXCLUSION_VIOLATION && error.constraint === 'bookings_desk_half_day_excl')
          return refused('DESK_TAKEN');
        if (error.code === EXCLUSION_VIOLATION && error.constraint === 'bookings_person_half_day_excl')
          return refused('PERSON_ALREADY_BOOKED');
        throw error;
      }
      await client.query('COMMIT');
      open = false;
      return { data: { bookDesk: { id: inserted[0].id } } };
    } finally {
      // A refusal (or an error) rolls everything back, as the API's transaction does.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  };
}

/**
 * POST {deskId, date, part} as JSON, person in the demo header. Like the API's guard it needs the caller's
 * organisation; the bare server knows it from the start (people: person id → organisation id), without a query.
 */
function createBareServer(pool, book, people) {
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
      const organisationId = people.get(personId);
      if (organisationId === undefined) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(refusedUnauthenticated()));
        return;
      }
      book(pool, { personId, organisationId }, input).then(
        (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
        (error) => {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
        },
      );
    });
  });
}

function refusedUnauthenticated() {
  return { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] };
}

/** Child-process mode: the bare server on {dbUrl, poolMax, people} from the parent (`serveBareChild` of the harness). */
function serveBare() {
  serveBareChild(async ({ dbUrl, poolMax, people }) => {
    const book = await loadBookingTransaction();
    const pool = new pg.Pool({ connectionString: dbUrl, max: poolMax });
    return { server: createBareServer(pool, book, new Map(people)), close: () => pool.end() };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A small seeded generator (mulberry32): the same seed makes the same choices in A and B. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What one answer was: BOOKED, a refusal's code, or ERROR (an HTTP failure, an INTERNAL_SERVER_ERROR, no code). */
function outcomeOf(answer) {
  if (answer.data?.bookDesk?.id) return { outcome: 'BOOKED' };
  const code = answer.errors?.[0]?.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { outcome: code };
  return { outcome: 'ERROR', detail: JSON.stringify(answer).slice(0, 300) };
}

/**
 * A closed loop: `clients` clients, each with its own seeded choices, attempt one booking after the other until
 * `stopAt` (a time) or `attempts` (in all) is reached. Returns the latencies, the outcomes counted and the wall time.
 */
async function drive(attempt, { clients, seed, stopAt, attempts, deadline, choose }) {
  const latencies = [];
  const counts = new Map();
  const errorSamples = [];
  let started = 0;
  const t0 = performance.now();
  const client = async (index) => {
    const next = random(seed * 7919 + index);
    for (;;) {
      if (stoppedBy()) fail(`stopped by ${stoppedBy()}`);
      if (Date.now() > deadline) fail('time limit reached while measuring (see --timeout).');
      if (stopAt !== undefined && performance.now() >= stopAt) return;
      if (attempts !== undefined && started >= attempts) return;
      started++;
      const request = choose(next);
      const begun = performance.now();
      let result;
      try {
        result = outcomeOf(await attempt(request));
      } catch (error) {
        result = { outcome: 'ERROR', detail: error.message };
      }
      latencies.push(performance.now() - begun);
      counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
      if (result.detail && errorSamples.length < 3) errorSamples.push(result.detail);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return { latencies, counts, errorSamples, wallMs: performance.now() - t0 };
}

function summarise({ latencies, counts, errorSamples, wallMs }) {
  const sorted = Float64Array.from(latencies).sort();
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const booked = counts.get('BOOKED') ?? 0;
  const errors = counts.get('ERROR') ?? 0;
  const other = [...counts].filter(([code]) => code !== 'BOOKED' && code !== 'ERROR' && !RACE_CODES.includes(code));
  return {
    attempts: sorted.length,
    attemptsPerSecond: (sorted.length / wallMs) * 1000,
    booked,
    bookingsPerSecond: (booked / wallMs) * 1000,
    deskTaken: counts.get('DESK_TAKEN') ?? 0,
    personBooked: counts.get('PERSON_ALREADY_BOOKED') ?? 0,
    other,
    errors,
    errorSamples,
    p50: rank(0.5),
    p95: rank(0.95),
    wallMs,
  };
}

function table(rows) {
  const header = [
    'method',
    'attempts',
    'attempts/s',
    'bookings/s',
    'DESK_TAKEN',
    'PERSON_ALREADY_BOOKED',
    'other refusals',
    'errors',
    'p50 ms',
    'p95 ms',
    'double desk',
    'double person',
    'server cpu ms/attempt',
    'bookings/s vs bare http',
  ];
  const bare = rows.find((row) => row.key === 'B').stats.bookingsPerSecond;
  const cells = rows.map(({ label, stats, doubles }) => [
    label,
    String(stats.attempts),
    stats.attemptsPerSecond.toFixed(1),
    stats.bookingsPerSecond.toFixed(1),
    String(stats.deskTaken),
    String(stats.personBooked),
    String(stats.other.reduce((sum, [, count]) => sum + count, 0)),
    String(stats.errors),
    stats.p50.toFixed(1),
    stats.p95.toFixed(1),
    String(doubles.desk),
    String(doubles.person),
    stats.serverCpu === undefined ? '–' : (stats.serverCpu / stats.attempts).toFixed(2),
    `${((stats.bookingsPerSecond / bare) * 100).toFixed(0)} %`,
  ]);
  const widths = header.map((title, col) => Math.max(title.length, ...cells.map((row) => row[col].length)));
  const line = (row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The run

/**
 * The bench office, with SQL: operated by one demo organisation in a demo office's municipality, open Monday to
 * Friday, neither capacity cap nor quota (so the only refusals are the race's), a horizon of a year; `desks` desks
 * in one area and `people` people of that organisation.
 */
async function addBenchOffice(db, desks, people) {
  const [place] = (
    await db.query(
      `SELECT f.operator_id, f.municipality_ags, m.land FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
       ORDER BY f.name LIMIT 1`,
    )
  ).rows;
  if (!place) fail('the demo data is missing from the bench database.');
  const [office] = (
    await db.query(
      `INSERT INTO offices (name, address, municipality_ags, operator_id, opening_weekdays, booking_horizon_days,
                            capacity_share, quota_days_per_week)
       VALUES ('Benchmark-Büro', 'Benchmarkstraße 1', $1, $2, '{1,2,3,4,5}', 365, NULL, NULL) RETURNING id, name`,
      [place.municipality_ags, place.operator_id],
    )
  ).rows;
  const [area] = (
    await db.query(`INSERT INTO areas (office_id, name) VALUES ($1, 'Großraum') RETURNING id`, [office.id])
  ).rows;
  const deskRows = (
    await db.query(
      `INSERT INTO desks (office_id, area_id, code)
       SELECT $1, $2, 'B-' || lpad(i::text, 3, '0') FROM generate_series(1, $3::int) AS i RETURNING id`,
      [office.id, area.id, desks],
    )
  ).rows;
  const personRows = (
    await db.query(
      `INSERT INTO people (organisation_id, display_name, email)
       SELECT $1, 'Bench Person ' || i, 'bench-' || i || '@bench.invalid' FROM generate_series(1, $2::int) AS i
       RETURNING id, organisation_id`,
      [place.operator_id, people],
    )
  ).rows;
  await db.query('ANALYZE');
  return {
    office: { ...office, land: place.land },
    deskIds: deskRows.map((row) => row.id),
    people: new Map(personRows.map((row) => [row.id, row.organisation_id])),
  };
}

/** The first `count` days after today (Europe/Berlin) the office is open: no weekend, no public holiday. */
function openDays(domain, land, count) {
  const calendar = { land, openingWeekdays: new Set([1, 2, 3, 4, 5]), closures: [] };
  const today = domain.todayInOfficeZone(new Date());
  const days = [];
  for (let ahead = 1; days.length < count; ahead++) {
    if (ahead > 360) fail(`--days ${count}: fewer open days than that within the office's horizon of a year.`);
    const date = domain.addDays(today, ahead);
    if (domain.isOpenOn(calendar, date)) days.push(date);
  }
  return days;
}

/** Live bookings that overlap on a half-day: of one desk, and of one person (both must be 0). */
async function doubleBookings(db, officeId, personIds) {
  const [row] = (
    await db.query(
      `WITH live AS (
         SELECT b.desk_id, b.person_id, b.date, half
         FROM bookings b, generate_series(lower(b.halves), upper(b.halves) - 1) AS half
         WHERE b.status = ANY($3::text[])
           AND (b.desk_id IN (SELECT id FROM desks WHERE office_id = $1) OR b.person_id = ANY($2::uuid[])))
       SELECT (SELECT count(*)::int FROM (SELECT 1 FROM live GROUP BY desk_id, date, half HAVING count(*) > 1) d) AS desk,
              (SELECT count(*)::int FROM (SELECT 1 FROM live GROUP BY person_id, date, half HAVING count(*) > 1) p)
                AS person,
              (SELECT count(*)::int FROM bookings b JOIN desks d ON d.id = b.desk_id
                WHERE d.office_id = $1 AND b.status = ANY($3::text[])) AS live`,
      [officeId, personIds, LIVE],
    )
  ).rows;
  return row;
}

/** Back to an empty office: its bookings deleted, the table vacuumed, so each run starts alike. */
async function resetBookings(db, officeId) {
  await db.query('DELETE FROM bookings WHERE desk_id IN (SELECT id FROM desks WHERE office_id = $1)', [officeId]);
  await db.query('VACUUM ANALYZE bookings');
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      clients: { type: 'string', default: '64' },
      desks: { type: 'string', default: '200' },
      days: { type: 'string', default: '40' },
      people: { type: 'string', default: '2000' },
      warmup: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      'in-process': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '600' },
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
  const durationSeconds = positiveInt('duration', values.duration);
  const clients = positiveInt('clients', values.clients);
  const deskCount = positiveInt('desks', values.desks);
  const dayCount = positiveInt('days', values.days);
  const peopleCount = positiveInt('people', values.people);
  const warmup = Number(values.warmup) === 0 ? 0 : positiveInt('warmup', values.warmup);
  const seed = positiveInt('seed', values.seed);
  const timeoutSeconds = positiveInt('timeout', values.timeout);
  const inProcess = values['in-process'];
  const deadline = Date.now() + timeoutSeconds * 1000;

  const adminUrl = new URL(process.env.NAHBAR_BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!isLoopback(adminUrl.hostname))
    fail(`NAHBAR_BENCH_ADMIN_URL must name a server on this machine (127.0.0.1), got ${adminUrl.hostname}.`);
  const dbName = `nahbar_bench_${process.pid}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;

  requireBuiltApi();
  const domain = await importDomain();
  // Loaded here too (the bare child loads its own): a missing export fails before any database is made.
  const bookInProcess = await loadBookingTransaction();

  // Everything to undo, last first; runs on success, failure, time-out and Ctrl-C alike.
  const { cleanups, cleanup, dispose } = createCleanup(timeoutSeconds);

  try {
    const server = new pg.Client({ connectionString: adminUrl.href, connectionTimeoutMillis: 10_000 });
    await server.connect();
    cleanups.push(async () => {
      await server.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
      await server.end();
    });
    const version = (await server.query('SHOW server_version')).rows[0].server_version;
    await server.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
    await server.query(`CREATE DATABASE ${quoteIdent(dbName)}`);

    // The API migrates and seeds the demo data into the empty database as it starts.
    const api = inProcess
      ? await startApiInProcess(dbUrl.href, cleanups, { NAHBAR_SEED_DEMO: 'true' }, 'bench:booking')
      : await startApiChild(dbUrl.href, cleanups, deadline, { NAHBAR_SEED_DEMO: 'true' });

    const pool = new pg.Pool({ connectionString: dbUrl.href, max: POOL_MAX });
    cleanups.push(() => pool.end());
    const { office, deskIds, people } = await addBenchOffice(pool, deskCount, peopleCount);
    const personIds = [...people.keys()];
    const days = openDays(domain, office.land, dayCount);

    let bare;
    if (inProcess) {
      const server = createBareServer(pool, bookInProcess, people);
      const port = await listen(server);
      cleanups.push(() => closeServer(server));
      bare = { url: `http://127.0.0.1:${port}/`, pid: undefined };
    } else {
      bare = await startBareChild(
        THIS_FILE,
        { dbUrl: dbUrl.href, poolMax: POOL_MAX, people: [...people] },
        cleanups,
        deadline,
      );
    }

    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    cleanups.push(() => agent.destroy());
    /** One attempt's choices: a random desk, day, part and person. */
    const choose = (next) => ({
      personId: personIds[Math.floor(next() * personIds.length)],
      input: {
        deskId: deskIds[Math.floor(next() * deskIds.length)],
        date: days[Math.floor(next() * days.length)],
        part: PARTS[Math.floor(next() * PARTS.length)],
      },
    });
    const methods = [
      {
        key: 'A',
        label: 'A GraphQL bookDesk (HTTP)',
        pid: api.pid,
        attempt: ({ personId, input }) =>
          postJson(agent, api.url, { [DEMO_PERSON_HEADER]: personId }, { query: MUTATION, variables: { input } }),
      },
      {
        key: 'B',
        label: 'B bare node:http + pg.Pool',
        pid: bare.pid,
        attempt: ({ personId, input }) => postJson(agent, bare.url, { [DEMO_PERSON_HEADER]: personId }, input),
      },
    ];

    // Both must book, and refuse the same desk the same way, before any is timed.
    const probe = { personId: personIds[0], input: { deskId: deskIds[0], date: days[0], part: 'FULL_DAY' } };
    const other = { ...probe, personId: personIds[1] };
    for (const method of methods) {
      const first = outcomeOf(await method.attempt(probe));
      const second = outcomeOf(await method.attempt(other));
      if (first.outcome !== 'BOOKED' || second.outcome !== 'DESK_TAKEN')
        fail(
          `${method.label}: expected BOOKED then DESK_TAKEN, got ${first.outcome} ${first.detail ?? ''} then ` +
            `${second.outcome} ${second.detail ?? ''}\n${api.output()}`,
        );
      await resetBookings(pool, office.id);
    }

    console.log(
      `office "${office.name}" (${deskIds.length} desks), ${days.length} open days ${days[0]} … ${days.at(-1)}, ` +
        `${people.size} people; each attempt a random desk, day, part and person`,
    );
    console.log(
      `${clients} clients, ${durationSeconds} s per method after ${warmup} warm-up attempts; ` +
        `servers ${inProcess ? 'in this process' : 'in child processes'}; pool max ${POOL_MAX}; ` +
        `the office's bookings reset before each run\n`,
    );

    const results = [];
    for (const method of methods) {
      if (warmup > 0) {
        await drive(method.attempt, { clients, seed: seed + 1000, attempts: warmup, deadline, choose });
        await resetBookings(pool, office.id);
      }
      const cpuBefore = cpuMs(method.pid);
      const stopAt = performance.now() + durationSeconds * 1000;
      const stats = summarise(await drive(method.attempt, { clients, seed, stopAt, deadline, choose }));
      const cpuAfter = cpuMs(method.pid);
      stats.serverCpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      const doubles = await doubleBookings(pool, office.id, personIds);
      results.push({ ...method, stats, doubles });
      await resetBookings(pool, office.id);
    }

    console.log(table(results));
    for (const { label, stats, doubles } of results) {
      const notes = [];
      if (stats.other.length > 0)
        notes.push(`other refusals ${stats.other.map(([code, count]) => `${code} ${count}`).join(', ')}`);
      if (stats.errors > 0) notes.push(`errors, e.g. ${stats.errorSamples.join(' | ')}`);
      if (doubles.live !== stats.booked)
        notes.push(`${doubles.live} live bookings in the database, ${stats.booked} answered as booked`);
      if (notes.length > 0) console.log(`${label}: ${notes.join('; ')}`);
    }
    const [a, b] = results;
    const ratio = a.stats.bookingsPerSecond / b.stats.bookingsPerSecond;
    const doubles = results.reduce((sum, { doubles: d }) => sum + d.desk + d.person, 0);
    console.log(
      `\nbookings/s A/B: ${(ratio * 100).toFixed(0)} % (target ≥ 60 %: ${ratio >= 0.6 ? 'met' : 'missed'}); ` +
        `double bookings: ${doubles} (must be 0)`,
    );
    const cpus = os.cpus();
    const load = os.loadavg().map((value) => value.toFixed(2));
    console.log(
      `\nmachine: ${cpus.length} cpus (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, PostgreSQL ${version}, ${os.platform()} ${os.release()}, load average ${load.join(' ')}`,
    );
    if (doubles > 0) process.exitCode = 2;
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
