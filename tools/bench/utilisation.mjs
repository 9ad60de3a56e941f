#!/usr/bin/env node
// Benchmark of the utilisation reports (issue 7): times the SQL the API runs for them on an existing database.
// Not a test: it prints numbers and never fails on them. It only reads (plus EXPLAIN ANALYZE, which reads too).
//
//   npx nx build api
//   NAHBAR_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/nahbar_large node tools/bench/utilisation.mjs
//
// Measured, each --runs times after one unmeasured warm-up, with the statements and parameters of the API
// (dist/apps/api/reports/utilisation.sql.js, holidays from the domain library):
//   office     officeUtilisation of one office: counts per area × weekday (the statement that reads bookings)
//   heatmap    deskHeatmap of the same office: booked desk-days per desk
//   overview   utilisationOverview: the counts of every office in the database at once (an admin of all of them)
// and the two small look-ups every report makes (offices, areas) once each. The office is --office, else the one
// with the most desks. The range is --from/--to, else the 365 days up to yesterday. --explain prints
// EXPLAIN (ANALYZE, BUFFERS) of the office and overview statements.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import pg from 'pg';

const API_DIST = new URL('../../dist/apps/api/', import.meta.url);
const SQL_FILE = new URL('reports/utilisation.sql.js', API_DIST);

const USAGE = `Usage: NAHBAR_BENCH_DATABASE_URL=postgres://… node tools/bench/utilisation.mjs [options]
(build the API first: npx nx build api)

  --office ID   office to report on (default: the one with the most desks)
  --from DATE   first day YYYY-MM-DD (default: 365 days before yesterday)
  --to DATE     last day YYYY-MM-DD (default: yesterday in Europe/Berlin)
  --runs N      measured runs per statement (default 5)
  --explain     print EXPLAIN (ANALYZE, BUFFERS) of the office and overview statements
  --no-jit      SET jit = off for the session first (compare: JIT compiling can cost more than it saves here)
  --help`;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(client, text, parameters, runs) {
  await client.query(text, parameters); // warm-up: plan and cache
  const times = [];
  let rows = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = await client.query(text, parameters);
    times.push(performance.now() - start);
    rows = result.rowCount;
  }
  times.sort((a, b) => a - b);
  return { rows, min: times[0], p50: percentile(times, 50), max: times[times.length - 1] };
}

async function main() {
  const { values } = parseArgs({
    options: {
      office: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      runs: { type: 'string', default: '5' },
      explain: { type: 'boolean', default: false },
      'no-jit': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.NAHBAR_BENCH_DATABASE_URL;
  if (!url) throw new Error(`NAHBAR_BENCH_DATABASE_URL is not set.\n\n${USAGE}`);
  if (!existsSync(SQL_FILE)) throw new Error('dist/apps/api is missing or old: run `npx nx build api` first.');
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of 1 or more.');

  const { UTILISATION_SQL, DESK_UTILISATION_SQL, REPORT_OFFICES_SQL, REPORT_AREAS_SQL } = await import(SQL_FILE.href);
  const { addDays, checkUtilisationRange, holidaysInRange, officeClock } = await import('@nahbar/domain');

  const { today, time: now } = officeClock();
  const to = values.to ?? addDays(today, -1);
  const from = values.from ?? addDays(to, -364);
  const range = checkUtilisationRange(from, to);
  if (!range.ok) throw new Error(`Not a range of 1 to 366 days: ${from} … ${to} (${range.reason}).`);
  const holidays = holidaysInRange(range.from, range.to);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (values['no-jit']) await client.query('SET jit = off');
    const [{ offices, desks, bookings, server }] = (
      await client.query(
        `SELECT (SELECT count(*) FROM offices)::int AS offices, (SELECT count(*) FROM desks)::int AS desks,
                (SELECT count(*) FROM bookings WHERE date BETWEEN $1 AND $2)::int AS bookings,
                current_setting('server_version') AS server`,
        [range.from, range.to],
      )
    ).rows;
    const officeId =
      values.office ??
      (await client.query('SELECT office_id FROM desks GROUP BY office_id ORDER BY count(*) DESC, office_id LIMIT 1'))
        .rows[0]?.office_id;
    if (!officeId) throw new Error('The database has no desks.');
    const [office] = (
      await client.query(
        `SELECT f.name, (SELECT count(*) FROM desks d WHERE d.office_id = f.id)::int AS desks,
                (SELECT count(*) FROM bookings b JOIN desks d ON d.id = b.desk_id
                 WHERE d.office_id = f.id AND b.date BETWEEN $2 AND $3)::int AS bookings
         FROM offices f WHERE f.id = $1`,
        [officeId, range.from, range.to],
      )
    ).rows;
    if (!office) throw new Error(`No office ${officeId}.`);
    const allIds = (await client.query('SELECT id FROM offices')).rows.map((row) => row.id);

    console.log(`Range ${range.from} … ${range.to} (${range.days} days); ${bookings} bookings in it.`);
    console.log(`Database: ${offices} offices, ${desks} desks; PostgreSQL ${server}.`);
    console.log(`Office: ${office.name} (${officeId}), ${office.desks} desks, ${office.bookings} bookings in range.`);
    console.log(`Machine: ${os.cpus().length} cpus, Node ${process.version}. ${runs} measured runs each, in ms.\n`);

    const counts = (ids) => [ids, range.from, range.to, holidays.lands, holidays.dates, today, now];
    const perDesk = (ids) => [ids, range.from, range.to, holidays.lands, holidays.dates];
    const measured = [
      ['offices (look-up)', REPORT_OFFICES_SQL, [allIds]],
      ['areas (look-up)', REPORT_AREAS_SQL, [allIds, false]],
      ['office', UTILISATION_SQL, counts([officeId])],
      ['heatmap', DESK_UTILISATION_SQL, perDesk([officeId])],
      [`overview (${allIds.length} offices)`, UTILISATION_SQL, counts(allIds)],
    ];
    const table = [];
    for (const [name, text, parameters] of measured) {
      const result = await time(client, text, parameters, runs);
      table.push({
        statement: name,
        rows: result.rows,
        min: result.min.toFixed(1),
        p50: result.p50.toFixed(1),
        max: result.max.toFixed(1),
      });
    }
    console.table(table);

    if (values.explain) {
      for (const [name, parameters] of [
        ['office', counts([officeId])],
        ['overview', counts(allIds)],
      ]) {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${UTILISATION_SQL}`, parameters);
        console.log(`\nEXPLAIN ${name}:\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      }
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
