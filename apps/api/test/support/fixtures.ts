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

/** The `n`-th day after today (n ≥ 1) for which `open` holds: distinct `n` give distinct days, in order. */
function nthDayAfterToday(n: number, open: (date: CivilDate) => boolean): CivilDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be 1 or more: ${n}`);
  const today = todayInOfficeZone();
  for (let offset = 1, seen = 0; ; offset += 1) {
    const date = addDays(today, offset);
    if (open(date) && ++seen === n) return date;
  }
}

/**
 * The `n`-th day after today (n ≥ 1) that is no public holiday in Bayern: a day an office of `addOffice` (Erlangen,
 * open every day of the week) takes bookings, whatever day the tests run on. Ranges between such days keep their
 * meaning; with no holiday ahead it is `daysFromToday(n)`.
 */
export function bookableDay(n: number): CivilDate {
  return nthDayAfterToday(n, (date) => publicHoliday(date, 'BY') === undefined);
}

/**
 * The `n`-th day after today (n ≥ 1) on which an office open Monday to Friday in `land` takes bookings: weekends and
 * the Land's public holidays are skipped. Distinct `n` give distinct days, in order. The demo offices the tests book
 * (Erlangen and Fürth in Bayern, Bielefeld in Nordrhein-Westfalen) are open Monday to Friday with no closure.
 */
export function nextOpenDay(n: number, land: Land = 'BY'): CivilDate {
  return nthDayAfterToday(n, (date) => weekdayOf(date) <= 5 && publicHoliday(date, land) === undefined);
}

export async function bookingCount(test: TestApi): Promise<number> {
  const [row] = await test.sql<{ count: number }>('SELECT count(*)::int AS count FROM bookings');
  return row?.count ?? 0;
}

/** Erlangen, Bayern: its Land's public holidays apply. */
export const ERLANGEN = '09562000';

export interface TestDesk {
  readonly code: string;
  readonly area?: string;
  readonly accessible?: boolean;
  readonly equipment?: readonly string[];
}

export interface TestOfficeSettings {
  readonly name: string;
  /** Desks, with their area (default "Fläche"); areas are ordered as they first appear. */
  readonly desks: readonly TestDesk[];
  readonly openingWeekdays?: readonly number[];
  readonly horizonDays?: number;
  readonly capacityShare?: number;
  readonly quotaDaysPerWeek?: number;
}

export interface TestOffice {
  readonly officeId: string;
  /** Desk ids in the order given. */
  readonly deskIds: readonly string[];
  /** Area ids by name. */
  readonly areaIds: ReadonlyMap<string, string>;
}

/** A fresh office in Erlangen run by the organisation `addPeople` adds people to, with its areas and desks. */
export async function addOffice(test: TestApi, settings: TestOfficeSettings): Promise<TestOffice> {
  const [office] = await test.sql<{ id: string }>(
    `INSERT INTO offices (name, address, municipality_ags, operator_id, opening_weekdays, booking_horizon_days,
                          capacity_share, quota_days_per_week)
     VALUES ($1, 'Teststraße 1, 91054 Erlangen', $2, (SELECT id FROM organisations ORDER BY name LIMIT 1),
             $3::smallint[], $4, $5, $6)
     RETURNING id`,
    [
      settings.name,
      ERLANGEN,
      settings.openingWeekdays ?? [1, 2, 3, 4, 5, 6, 7],
      settings.horizonDays ?? 365,
      settings.capacityShare ?? null,
      settings.quotaDaysPerWeek ?? null,
    ],
  );
  if (!office) throw new Error('office not inserted');
  const areaIds = new Map<string, string>();
  const deskIds: string[] = [];
  for (const desk of settings.desks) {
    const areaName = desk.area ?? 'Fläche';
    let areaId = areaIds.get(areaName);
    if (areaId === undefined) {
      const [area] = await test.sql<{ id: string }>(
        'INSERT INTO areas (office_id, name, sort_order) VALUES ($1, $2, $3) RETURNING id',
        [office.id, areaName, areaIds.size],
      );
      if (!area) throw new Error('area not inserted');
      areaId = area.id;
      areaIds.set(areaName, areaId);
    }
    const [row] = await test.sql<{ id: string }>(
      `INSERT INTO desks (office_id, area_id, code, accessible, equipment) VALUES ($1, $2, $3, $4, $5::text[])
       RETURNING id`,
      [office.id, areaId, desk.code, desk.accessible ?? false, [...(desk.equipment ?? [])]],
    );
    if (!row) throw new Error('desk not inserted');
    deskIds.push(row.id);
  }
  return { officeId: office.id, deskIds, areaIds };
}

/** `count` plain desks P-01, P-02, … in one area. */
export function plainDesks(count: number): TestDesk[] {
  return Array.from({ length: count }, (_, index) => ({ code: `P-${String(index + 1).padStart(2, '0')}` }));
}

/** A person of the organisation LDBV, which sees only the offices it runs or that are shared with it. */
export async function addOtherOrganisationPerson(test: TestApi, name: string): Promise<string> {
  const [row] = await test.sql<{ id: string }>(
    `INSERT INTO people (organisation_id, display_name) SELECT id, $1 FROM organisations WHERE claim_value = 'ldbv'
     RETURNING id`,
    [name],
  );
  if (!row) throw new Error('person of another organisation not inserted');
  return row.id;
}

/** The next public holiday of Bayern after today (the demo offices in Erlangen and Fürth are in Bayern). */
export function nextHoliday(): CivilDate {
  const today = todayInOfficeZone();
  for (let offset = 1; offset <= 366; offset += 1) {
    const date = addDays(today, offset);
    if (publicHoliday(date, 'BY')) return date;
  }
  throw new Error('no public holiday in Bayern within a year');
}

/** A team of the organisation `addPeople` adds people to, with `leads` leading it and `members` in it. */
export async function addTeam(
  test: TestApi,
  name: string,
  leads: readonly string[],
  members: readonly string[],
): Promise<string> {
  const [team] = await test.sql<{ id: string }>(
    `INSERT INTO teams (organisation_id, name) VALUES ((SELECT id FROM organisations ORDER BY name LIMIT 1), $1)
     RETURNING id`,
    [name],
  );
  if (!team) throw new Error('team not inserted');
  for (const personId of [...leads, ...members]) {
    await test.sql('INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, $3)', [
      team.id,
      personId,
      leads.includes(personId),
    ]);
  }
  return team.id;
}
