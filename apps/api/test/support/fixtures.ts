import { addDays, type CivilDate, type Land, publicHoliday, todayInOfficeZone, weekdayOf } from '@nahbar/domain';

import type { TestApi } from './test-api.js';

export interface DemoWorld {
  readonly people: readonly string[];
  readonly officeId: string;
  readonly deskIds: readonly string[];
  readonly otherOfficeDeskId: string;
}

/** Reads the seeded demo data: the people and one office with its desks. */
export async function demoWorld(test: TestApi): Promise<DemoWorld> {
  const people = await test.sql<{ id: string }>('SELECT id FROM people ORDER BY display_name');
  const [office] = await test.sql<{ id: string }>(
    `SELECT f.id FROM offices f WHERE f.name = 'Co-Working Erlangen Hauptbahnhof'`,
  );
  if (!office) throw new Error('demo office missing');
  const desks = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 ORDER BY code', [office.id]);
  const [other] = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id <> $1 LIMIT 1', [office.id]);
  if (!other) throw new Error('second demo office missing');
  return {
    people: people.map((p) => p.id),
    officeId: office.id,
    deskIds: desks.map((d) => d.id),
    otherOfficeDeskId: other.id,
  };
}

/** Adds `count` people to the first demo organisation and returns their ids. */
export async function addPeople(test: TestApi, count: number, prefix: string): Promise<string[]> {
  const rows = await test.sql<{ id: string }>(
    `INSERT INTO people (organisation_id, display_name)
     SELECT (SELECT id FROM organisations ORDER BY name LIMIT 1), $1 || ' ' || n FROM generate_series(1, $2) AS n
     RETURNING id`,
    [prefix, count],
  );
  return rows.map((row) => row.id);
}

/** A civil date `days` from today in Europe/Berlin: tests never book in the past. */
export function daysFromToday(days: number): CivilDate {
  return addDays(todayInOfficeZone(), days);
}

/**
 * The `n`-th day after today (n ≥ 1) on which an office open Monday to Friday in `land` takes bookings: weekends and
 * the Land's public holidays are skipped. Distinct `n` give distinct days, in order. The demo offices the tests book
 * (Erlangen and Fürth in Bayern, Bielefeld in Nordrhein-Westfalen) are open Monday to Friday with no closure.
 */
export function nextOpenDay(n: number, land: Land = 'BY'): CivilDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be 1 or more: ${n}`);
  const today = todayInOfficeZone();
  for (let offset = 1, seen = 0; ; offset += 1) {
    const date = addDays(today, offset);
    if (weekdayOf(date) <= 5 && publicHoliday(date, land) === undefined && ++seen === n) return date;
  }
}

export async function bookingCount(test: TestApi): Promise<number> {
  const [row] = await test.sql<{ count: number }>('SELECT count(*)::int AS count FROM bookings');
  return row?.count ?? 0;
}
