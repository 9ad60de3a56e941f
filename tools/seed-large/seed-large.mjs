#!/usr/bin/env node
// A large, realistic data set for nahbar on a PostgreSQL server, loaded with COPY (see README.md beside this file):
//   node tools/seed-large/seed-large.mjs postgres://postgres@127.0.0.1:5432/nahbar_large [--reset] [--seed=N]
// Needs the built API (npx nx run api:build): migrations run through its CLI, dates through @nahbar/domain.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import {
  addDays,
  LAND_NAMES,
  LANDS,
  postalCodePoints,
  publicHoliday,
  todayInOfficeZone,
  weekdayOf,
} from '@nahbar/domain';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/apps/api/cli.js');
const POSTAL_CODES = resolve(ROOT, 'apps/api/data/de-postal-codes.csv');

// ---- size ------------------------------------------------------------------------------------------------------
/** Offices per Land, roughly by population; 400 in all. */
const OFFICES_PER_LAND = {
  NW: 85,
  BY: 65,
  BW: 55,
  NI: 40,
  HE: 30,
  SN: 20,
  RP: 20,
  BE: 15,
  SH: 15,
  BB: 12,
  ST: 10,
  TH: 10,
  HH: 8,
  MV: 8,
  SL: 4,
  HB: 3,
};
const DESKS = 20_000;
const PEOPLE = 50_000;
const PAST_DAYS = 365;
const FUTURE_DAYS = 60;
/** Chance that a person books on a given open day of their office (tuned for about 3 million bookings a year). */
const DAILY_BOOKING_CHANCE = 0.232;
/** Parallel COPY streams into `bookings` (each its own connection and transaction, offices split between them). */
const BOOKING_STREAMS = 2;

// ---- arguments -------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const url = args.find((arg) => !arg.startsWith('--'));
const reset = args.includes('--reset');
const seedArg = args.find((arg) => arg.startsWith('--seed='));
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error('Usage: node tools/seed-large/seed-large.mjs postgres://user@host:5432/database [--reset] [--seed=N]');
  process.exit(2);
}

// ---- deterministic randomness ----------------------------------------------------------------------------------
const SEED = Number(seedArg?.slice('--seed='.length) ?? 20261123) >>> 0;
/** mulberry32: fast, seeded, good enough for test data. One generator per stream keeps the data reproducible. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(SEED);
const randomInt = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
function shuffle(list) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
/** Picks an index with probability proportional to its weight (`cumulative` is the running sum of the weights). */
function weightedIndex(cumulative) {
  const target = random() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

// ---- COPY ------------------------------------------------------------------------------------------------------
/** A value in COPY's text format: \N for null, arrays as {a,b}, backslash, tab and line breaks escaped. */
function field(value) {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** Streams the rows of `rows` (an iterable of arrays) into the table with COPY FROM STDIN, in chunks of ~256 kB. */
async function copy(client, table, columns, rows) {
  let count = 0;
  function* chunks() {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(field).join('\t') + '\n';
      count += 1;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(
    Readable.from(chunks(), { objectMode: false }),
    client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
  );
  return count;
}

const timings = [];
async function timed(label, work) {
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  const rows = typeof result === 'number' ? result : undefined;
  timings.push({ label, seconds, rows });
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s${rows === undefined ? '' : `  ${rows.toLocaleString('en').padStart(10)} rows`}`,
  );
  return result;
}

// ---- places: municipalities from the shipped postal-code data --------------------------------------------------

/**
 * Municipalities per Land, largest first (by how many postal codes a place has). The GeoNames export carries the
 * district key (5 digits), not the municipality's: the AGS is the district key and 000 for a district-free city
 * (Kreisfreie Stadt, Stadtkreis, city-state), else the district key and a running number.
 */
function municipalitiesByLand() {
  const records = parse(readFileSync(POSTAL_CODES), { columns: true, bom: true, skip_empty_lines: true });
  const { points } = postalCodePoints(records);
  const districtOfCode = new Map();
  const districtName = new Map();
  for (const record of records) {
    if (!districtOfCode.has(record.zipcode) && record.community_code)
      districtOfCode.set(record.zipcode, record.community_code);
    if (record.community_code) districtName.set(record.community_code, record.community);
  }
  const places = new Map();
  for (const point of points) {
    const district = districtOfCode.get(point.code);
    if (!district || !/^\d{5}$/.test(district)) continue;
    const key = `${district}|${point.place}`;
    let place = places.get(key);
    if (!place) {
      place = { district, name: point.place, land: point.land, codes: [], latitude: 0, longitude: 0 };
      places.set(key, place);
    }
    place.codes.push(point.code);
    place.latitude += point.latitude;
    place.longitude += point.longitude;
  }
  const byDistrict = new Map();
  for (const place of places.values()) {
    place.latitude /= place.codes.length;
    place.longitude /= place.codes.length;
    const list = byDistrict.get(place.district) ?? [];
    list.push(place);
    byDistrict.set(place.district, list);
  }
  const byLand = new Map(LANDS.map((land) => [land, []]));
  for (const [district, list] of byDistrict) {
    list.sort((a, b) => b.codes.length - a.codes.length || a.name.localeCompare(b.name));
    const name = districtName.get(district) ?? '';
    const cityDistrict =
      /^(Kreisfreie Stadt|Stadtkreis)\b/.test(name) || /^(02|11)/.test(district) || name.includes(',');
    list.forEach((place, index) => {
      place.ags = cityDistrict && index === 0 ? `${district}000` : `${district}${String(index + 1).padStart(3, '0')}`;
      byLand.get(place.land).push(place);
    });
  }
  for (const list of byLand.values())
    list.sort((a, b) => b.codes.length - a.codes.length || a.ags.localeCompare(b.ags));
  return byLand;
}

// ---- names -----------------------------------------------------------------------------------------------------
const FIRST_NAMES = (
  'Anna Maria Sophie Laura Julia Lena Katharina Sarah Lisa Hannah Lea Emma Mia Johanna Sabine Petra Claudia Andrea ' +
  'Birgit Monika Ursula Elif Ayşe Zeynep Fatma Aleksandra Agnieszka Olga Natalia Irina Giulia Francesca Amira Yasmin ' +
  'Thomas Michael Andreas Stefan Christian Peter Markus Frank Jürgen Klaus Jan Lukas Felix Jonas Leon Paul Tim Max ' +
  'Sebastian Tobias Florian Mehmet Mustafa Ahmet Emre Piotr Tomasz Dmitri Sergej Marco Luca Ali Omar Karim Nikolai'
).split(' ');
const LAST_NAMES = (
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf ' +
  'Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann ' +
  'Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung ' +
  'Hahn Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Yılmaz Kaya ' +
  'Demir Şahin Çelik Öztürk Nowak Kowalski Wiśniewski Wójcik Kowalczyk Iwanow Petrow Rossi Russo Bianchi Haddad ' +
  'Nguyen Tran Popescu Horvat Jansen de Vries Hansen Nielsen'
).split(' ');
const TEAM_WORDS = (
  'Haushalt Personal Organisation Recht Vergabe Controlling IT-Betrieb Anwendungen Netze Geodaten Vermessung Statistik ' +
  'Bauaufsicht Stadtplanung Umwelt Verkehr Ordnung Bürgerservice Soziales Jugend Schule Kultur Sport Gesundheit ' +
  'Liegenschaften Steuern Kasse Digitalisierung Datenschutz Informationssicherheit Presse Grundsatz Förderung Wirtschaft'
).split(' ');
const ASCII = (text) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');

// ---- the world -------------------------------------------------------------------------------------------------
function buildWorld() {
  const byLand = municipalitiesByLand();
  const organisations = [];
  const municipalities = new Map();
  const offices = [];
  for (const land of LANDS) {
    const state = {
      id: randomUUID(),
      name: `Landesverwaltung ${LAND_NAMES[land]}`,
      kind: 'STATE',
      claim: `land-${land.toLowerCase()}`,
      land,
      domain: `${land.toLowerCase()}.verwaltung.example`,
      offices: [],
    };
    organisations.push(state);
    const candidates = byLand.get(land);
    if (!candidates || candidates.length === 0) throw new Error(`no places in ${land}`);
    const count = OFFICES_PER_LAND[land];
    // The biggest places get an office each; the biggest of them a second or third (cities), in turn.
    const distinct = Math.min(candidates.length, Math.ceil(count * 0.8));
    const municipalOrganisations = new Map();
    for (let index = 0; index < count; index += 1) {
      const place = candidates[index < distinct ? index : (index - distinct) % Math.max(1, Math.ceil(distinct / 4))];
      municipalities.set(place.ags, place);
      // Two offices in three are run by the Land, the others by the town or city administration.
      let operator = state;
      if (random() < 1 / 3 && !['BE', 'HH', 'HB'].includes(land)) {
        operator = municipalOrganisations.get(place.ags);
        if (!operator) {
          operator = {
            id: randomUUID(),
            name: `Stadtverwaltung ${place.name} (${place.ags})`,
            kind: 'MUNICIPAL',
            claim: `kommune-${place.ags}`,
            land,
            domain: `${ASCII(place.name).slice(0, 20) || 'kommune'}${place.ags}.example`,
            offices: [],
          };
          municipalOrganisations.set(place.ags, operator);
          organisations.push(operator);
        }
      }
      const code = pick(place.codes);
      const office = {
        id: randomUUID(),
        name: `${operator.kind === 'STATE' ? 'Satellitenbüro' : 'Co-Working'} ${place.name}${index >= distinct ? ` ${index - distinct + 2}` : ''}`,
        address: `${pick(['Marktplatz', 'Bahnhofstraße', 'Hauptstraße', 'Rathausplatz', 'Schulstraße', 'Am Anger'])} ${randomInt(1, 120)}, ${code} ${place.name}`,
        ags: place.ags,
        land,
        operator,
        state,
        latitude: place.latitude + (random() - 0.5) * 0.01,
        longitude: place.longitude + (random() - 0.5) * 0.01,
        openingWeekdays: random() < 0.15 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
        horizonDays: FUTURE_DAYS,
        capacityShare: random() < 0.1 ? 0.8 : null,
        quotaDaysPerWeek: random() < 0.1 ? 3 : null,
        closedOverChristmas: random() < 0.2,
        homeCodes: place.codes,
        desks: [],
        areas: [],
      };
      operator.offices.push(office);
      offices.push(office);
    }
    // Every office of the Land is open to the Land's staff; the Land's offices to every town administration there.
    state.sharedOffices = offices.filter((office) => office.land === land && office.operator !== state);
    for (const municipal of municipalOrganisations.values()) {
      municipal.sharedOffices = offices.filter((office) => office.land === land && office.operator === state);
    }
  }

  // Desks: 20,000, more in cities (weight by the size of the place), in 1–4 areas per office.
  const weights = offices.map((office) => 10 + Math.sqrt(municipalities.get(office.ags).codes.length) * 8);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let assigned = 0;
  offices.forEach((office, index) => {
    office.deskCount =
      index === offices.length - 1 ? DESKS - assigned : Math.max(8, Math.round((weights[index] / totalWeight) * DESKS));
    assigned += office.deskCount;
  });
  const AREA_NAMES = ['Erdgeschoss', '1. Obergeschoss', '2. Obergeschoss', 'Ruhezone', 'Teamzone', 'Galerie'];
  const desks = [];
  for (const office of offices) {
    const areaCount = Math.min(AREA_NAMES.length, Math.max(1, Math.ceil(office.deskCount / 30)));
    for (let a = 0; a < areaCount; a += 1) {
      office.areas.push({
        id: randomUUID(),
        officeId: office.id,
        name: AREA_NAMES[a],
        sortOrder: a,
        prefix: 'ABCDEF'[a],
      });
    }
    for (let d = 0; d < office.deskCount; d += 1) {
      const area = office.areas[d % areaCount];
      const number = Math.floor(d / areaCount) + 1;
      const blocked = random() < 0.01;
      const desk = {
        id: randomUUID(),
        officeId: office.id,
        areaId: area.id,
        code: `${area.prefix}-${String(number).padStart(3, '0')}`,
        active: !blocked,
        blockedReason: blocked ? pick(['Monitor defekt', 'Stuhl wird getauscht', 'Umbau']) : null,
        accessible: random() < 0.12,
        equipment: [
          'MONITOR',
          ...(random() < 0.5 ? ['DOCKING_STATION'] : []),
          ...(random() < 0.2 ? ['HEIGHT_ADJUSTABLE'] : []),
        ],
      };
      desks.push(desk);
      if (desk.active) office.desks.push(desk);
    }
  }

  // People: in organisations by their offices' desks; each has a home office open to their organisation.
  for (const organisation of organisations) {
    organisation.bookable = [...organisation.offices, ...(organisation.sharedOffices ?? [])];
    organisation.weight = organisation.offices.reduce((sum, office) => sum + office.deskCount, 0);
  }
  const orgCumulative = [];
  organisations.reduce((sum, organisation) => {
    orgCumulative.push(sum + organisation.weight + 1);
    return sum + organisation.weight + 1;
  }, 0);
  const people = [];
  const emails = new Set();
  for (let p = 0; p < PEOPLE; p += 1) {
    const organisation = organisations[weightedIndex(orgCumulative)];
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    let email = `${ASCII(first)}.${ASCII(last)}@${organisation.domain}`;
    for (let n = 2; emails.has(email); n += 1) email = `${ASCII(first)}.${ASCII(last)}${n}@${organisation.domain}`;
    emails.add(email);
    // Mostly an office of their own organisation, sometimes a shared one (the cross-organisation case).
    const own = organisation.offices.length > 0 && random() < 0.75;
    const home = own ? pick(organisation.offices) : pick(organisation.bookable);
    const visibilityRoll = random();
    people.push({
      id: randomUUID(),
      organisation,
      displayName: `${first} ${last}`,
      email,
      home,
      homePostalCode: pick(home.homeCodes),
      visibility: visibilityRoll < 0.7 ? 'NOBODY' : visibilityRoll < 0.9 ? 'TEAMS' : 'ORGANISATION',
    });
  }
  for (const office of offices) office.people = [];
  for (const person of people) person.home.people.push(person);

  // Teams of 6–14 within an organisation, one or two leads each; a policy for about a third of them.
  const teams = [];
  const byOrganisation = new Map();
  for (const person of people) {
    const list = byOrganisation.get(person.organisation) ?? [];
    list.push(person);
    byOrganisation.set(person.organisation, list);
  }
  for (const [organisation, members] of byOrganisation) {
    shuffle(members);
    let start = 0;
    let serial = 1;
    while (start < members.length) {
      const size = Math.min(members.length - start, randomInt(6, 14));
      const team = {
        id: randomUUID(),
        organisation,
        name: `${pick(TEAM_WORDS)} ${serial}`,
        members: members.slice(start, start + size),
        leads: random() < 0.2 ? 2 : 1,
        policy:
          random() < 0.35
            ? random() < 0.8
              ? { period: 'WEEK', minDays: randomInt(1, 3), fixed: random() < 0.3 ? [randomInt(1, 5)] : [] }
              : { period: 'MONTH', minDays: randomInt(4, 8), fixed: [] }
            : null,
      };
      teams.push(team);
      start += size;
      serial += 1;
    }
  }

  return { organisations, municipalities: [...municipalities.values()], offices, desks, people, teams };
}

// ---- bookings --------------------------------------------------------------------------------------------------
/** The instant of a wall-clock time on a date in Europe/Berlin, as PostgreSQL reads it. */
const offsetCache = new Map();
function berlin(date, hour, minute) {
  let offset = offsetCache.get(date);
  if (offset === undefined) {
    offset = DateTime.fromISO(`${date}T12:00`, { zone: 'Europe/Berlin' }).toFormat('ZZ');
    offsetCache.set(date, offset);
  }
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offset}`;
}

/**
 * One year back and the booking horizon ahead, every open day of every office: each person of the office books
 * with a daily chance (less for days further ahead, not all booked yet), a full day or a half day, on a free desk.
 * Desks and people each hold at most one live booking per half-day by construction (a person books at most once a
 * day, at their home office; a desk's halves are handed out once); the exclusion constraints check it again.
 */
function* bookingRows(offices, today, seed) {
  const random = generator(seed);
  const randomInt = (min, max) => min + Math.floor(random() * (max - min + 1));
  const first = addDays(today, -PAST_DAYS);
  const last = addDays(today, FUTURE_DAYS);
  const days = [];
  for (let date = first; date <= last; date = addDays(date, 1)) days.push(date);
  for (const office of offices) {
    const desks = office.desks;
    if (desks.length === 0) continue;
    const capacity = office.capacityShare === null ? desks.length : Math.floor(desks.length * office.capacityShare);
    const morning = new Uint8Array(desks.length);
    const afternoon = new Uint8Array(desks.length);
    for (const date of days) {
      const weekday = weekdayOf(date);
      if (!office.openingWeekdays.includes(weekday)) continue;
      if (publicHoliday(date, office.land) !== undefined) continue;
      const monthDay = date.slice(5);
      if (office.closedOverChristmas && (monthDay >= '12-24' || monthDay <= '01-01')) continue;
      const dayOffset = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
      const ahead = Math.max(0, dayOffset);
      // The ISO week, as the offset of its Monday from today.
      const week = dayOffset - (weekday - 1);
      // Mondays and Fridays are quieter, Tuesday to Thursday busier; far-ahead days are not booked yet.
      const dayFactor = weekday === 1 || weekday === 5 ? 0.7 : 1.15;
      const chance = DAILY_BOOKING_CHANCE * dayFactor * (ahead > 0 ? Math.max(0.15, 1 - ahead / FUTURE_DAYS) : 1);
      morning.fill(0);
      afternoon.fill(0);
      let live = 0;
      let cursor = randomInt(0, desks.length - 1);
      for (const person of office.people) {
        if (random() >= chance) continue;
        if (live >= capacity) break;
        // The office's weekly quota per person (live bookings of an ISO week).
        if (office.quotaDaysPerWeek !== null && person.week === week && person.weekCount >= office.quotaDaysPerWeek)
          continue;
        const roll = random();
        const part = roll < 0.72 ? 'FULL_DAY' : roll < 0.86 ? 'MORNING' : 'AFTERNOON';
        // The next desk (from a moving start, so desks are used evenly) with the halves needed free.
        let deskIndex = -1;
        for (let step = 0; step < desks.length; step += 1) {
          const i = (cursor + step) % desks.length;
          const free =
            part === 'FULL_DAY' ? !morning[i] && !afternoon[i] : part === 'MORNING' ? !morning[i] : !afternoon[i];
          if (free) {
            deskIndex = i;
            break;
          }
        }
        if (deskIndex < 0) continue;
        cursor = (deskIndex + 1) % desks.length;
        const desk = desks[deskIndex];
        // Made up to three weeks before the day, and never after today; cancelled between making and the day.
        const createdOffset = Math.min(dayOffset, 0) - randomInt(0, 21);
        const createdDate = addDays(today, createdOffset);
        const created = berlin(createdDate, randomInt(7, 19), randomInt(0, 59));
        const startHour = part === 'AFTERNOON' ? 12 : 7;
        const source = random() < 0.08 ? 'RECURRING' : random() < 0.02 ? 'WAITLIST' : 'SELF';
        let status;
        const statusRoll = random();
        if (date < today) status = statusRoll < 0.16 ? 'CANCELLED' : statusRoll < 0.24 ? 'RELEASED' : 'CHECKED_IN';
        else if (date === today) status = statusRoll < 0.12 ? 'CANCELLED' : statusRoll < 0.6 ? 'CHECKED_IN' : 'BOOKED';
        else status = statusRoll < 0.1 ? 'CANCELLED' : 'BOOKED';
        let cancelledAt = null;
        let checkedInAt = null;
        let releasedAt = null;
        if (status === 'CANCELLED') {
          const cancelDate = addDays(today, randomInt(createdOffset, Math.min(dayOffset, 0)));
          cancelledAt = berlin(cancelDate, randomInt(6, 20), randomInt(0, 59));
        } else {
          if (part === 'FULL_DAY') morning[deskIndex] = afternoon[deskIndex] = 1;
          else if (part === 'MORNING') morning[deskIndex] = 1;
          else afternoon[deskIndex] = 1;
          live += 1;
          if (person.week !== week) {
            person.week = week;
            person.weekCount = 0;
          }
          person.weekCount += 1;
          if (status === 'CHECKED_IN') checkedInAt = berlin(date, startHour + randomInt(0, 2), randomInt(0, 59));
          if (status === 'RELEASED') releasedAt = berlin(date, part === 'AFTERNOON' ? 14 : 10, randomInt(0, 4));
        }
        yield [person.id, desk.id, date, part, status, source, created, cancelledAt, checkedInAt, releasedAt];
      }
    }
  }
}

// ---- load ------------------------------------------------------------------------------------------------------
async function ensureDatabase() {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": use lower case letters, digits, _`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

function runCli(command) {
  const result = spawnSync(process.execPath, [CLI, command], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, NAHBAR_DATA_DIR: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli.js ${command} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * What makes a bulk load of `bookings` slow and can be checked once afterwards: foreign keys (checked row by row) and
 * the B-tree indexes, read exactly as the migrations made them, dropped for the COPY and made again afterwards. The
 * two exclusion constraints (invariants 1 and 2) stay on during the COPY: built afterwards they take as long, on one
 * core (a GiST build over uuid, date and a range does not sort), while two COPY streams insert into them on two.
 * Any booking that broke an invariant fails the COPY.
 */
async function deferredBookingStructures(client) {
  const constraints = (
    await client.query(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS type
         FROM pg_constraint WHERE conrelid = 'bookings'::regclass AND contype = 'f'
        ORDER BY conname`,
    )
  ).rows;
  const indexes = (
    await client.query(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = 'bookings'::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
        ORDER BY i.relname`,
    )
  ).rows;
  return { foreignKeys: constraints, indexes };
}

async function main() {
  const started = performance.now();
  console.log(`nahbar large seed → ${url.replace(/:[^:@/]*@/, ':***@')}`);
  await timed('create database if missing', ensureDatabase);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (reset)
      await timed('reset (drop schema public)', () => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
    await timed('migrations (node dist/apps/api/cli.js migrate)', () => runCli('migrate'));
    const present = (
      await client.query('SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM bookings) AS n')
    ).rows[0].n;
    if (Number(present) > 0) throw new Error('the database holds data already: run with --reset to start from scratch');

    const world = await timed('generate the world (places, people, teams)', () => buildWorld());
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query('SET synchronous_commit = off');
    await client.query('BEGIN');

    await timed('organisations', () =>
      copy(
        client,
        'organisations',
        ['id', 'name', 'kind', 'claim_value', 'land'],
        world.organisations.map((o) => [o.id, o.name, o.kind, o.claim, o.land]),
      ),
    );
    await timed('municipalities', () =>
      copy(
        client,
        'municipalities',
        ['ags', 'name', 'land'],
        world.municipalities.map((m) => [m.ags, m.name, m.land]),
      ),
    );
    await timed('offices', () =>
      copy(
        client,
        'offices',
        [
          'id',
          'name',
          'address',
          'municipality_ags',
          'operator_id',
          'latitude',
          'longitude',
          'opening_weekdays',
          'booking_horizon_days',
          'capacity_share',
          'quota_days_per_week',
        ],
        world.offices.map((o) => [
          o.id,
          o.name,
          o.address,
          o.ags,
          o.operator.id,
          o.latitude.toFixed(6),
          o.longitude.toFixed(6),
          o.openingWeekdays,
          o.horizonDays,
          o.capacityShare,
          o.quotaDaysPerWeek,
        ]),
      ),
    );
    await timed('office_shares', () =>
      copy(
        client,
        'office_shares',
        ['office_id', 'organisation_id'],
        world.organisations.flatMap((o) => (o.sharedOffices ?? []).map((office) => [office.id, o.id])),
      ),
    );
    const today = todayInOfficeZone();
    const year = Number(today.slice(0, 4));
    await timed('office_closures', () =>
      copy(
        client,
        'office_closures',
        ['office_id', 'starts_on', 'ends_on', 'reason'],
        world.offices
          .filter((o) => o.closedOverChristmas)
          .flatMap((o) => [
            [o.id, `${year - 1}-12-24`, `${year}-01-01`, 'Betriebsruhe zwischen den Jahren'],
            [o.id, `${year}-12-24`, `${year + 1}-01-01`, 'Betriebsruhe zwischen den Jahren'],
          ]),
      ),
    );
    await timed('areas', () =>
      copy(
        client,
        'areas',
        ['id', 'office_id', 'name', 'sort_order'],
        world.offices.flatMap((o) => o.areas.map((a) => [a.id, a.officeId, a.name, a.sortOrder])),
      ),
    );
    await timed('desks', () =>
      copy(
        client,
        'desks',
        ['id', 'office_id', 'area_id', 'code', 'active', 'blocked_reason', 'accessible', 'equipment'],
        world.desks.map((d) => [
          d.id,
          d.officeId,
          d.areaId,
          d.code,
          d.active,
          d.blockedReason,
          d.accessible,
          d.equipment,
        ]),
      ),
    );
    await timed('people', () =>
      copy(
        client,
        'people',
        ['id', 'organisation_id', 'display_name', 'email', 'home_postal_code', 'visibility'],
        world.people.map((p) => [p.id, p.organisation.id, p.displayName, p.email, p.homePostalCode, p.visibility]),
      ),
    );
    await timed('teams', () =>
      copy(
        client,
        'teams',
        ['id', 'organisation_id', 'name'],
        world.teams.map((t) => [t.id, t.organisation.id, t.name]),
      ),
    );
    await timed('team_members', () =>
      copy(
        client,
        'team_members',
        ['team_id', 'person_id', 'is_lead'],
        world.teams.flatMap((t) => t.members.map((m, index) => [t.id, m.id, index < t.leads])),
      ),
    );
    await timed('presence_policies', () =>
      copy(
        client,
        'presence_policies',
        ['team_id', 'period', 'min_days', 'fixed_weekdays'],
        world.teams.filter((t) => t.policy).map((t) => [t.id, t.policy.period, t.policy.minDays, t.policy.fixed]),
      ),
    );
    await timed('role_assignments', () => {
      const rows = [];
      for (const office of world.offices) {
        const staff = office.people.filter((p) => p.organisation === office.operator);
        for (const manager of shuffle([...staff]).slice(0, 2))
          rows.push([manager.id, 'FACILITY_MANAGER', office.id, null]);
      }
      const byOrganisation = new Map();
      for (const person of world.people) {
        if (!byOrganisation.has(person.organisation)) byOrganisation.set(person.organisation, []);
        const admins = byOrganisation.get(person.organisation);
        if (admins.length < 2) admins.push(person);
      }
      for (const [organisation, admins] of byOrganisation) {
        for (const admin of admins) rows.push([admin.id, 'ORGANISATION_ADMIN', null, organisation.id]);
      }
      return copy(client, 'role_assignments', ['person_id', 'role', 'office_id', 'organisation_id'], rows);
    });

    // The world commits first; the bookings follow on BOOKING_STREAMS connections at once (one per core), each
    // with the offices of its share: their desks and people (who book at their home office only) never overlap.
    const deferred = await deferredBookingStructures(client);
    await timed('drop booking foreign keys and B-tree indexes', async () => {
      for (const index of deferred.indexes) await client.query(`DROP INDEX ${index.name}`);
      for (const constraint of deferred.foreignKeys)
        await client.query(`ALTER TABLE bookings DROP CONSTRAINT ${constraint.name}`);
    });
    await timed('commit', () => client.query('COMMIT'));

    const shares = Array.from({ length: BOOKING_STREAMS }, () => ({ offices: [], desks: 0 }));
    for (const office of [...world.offices].sort((a, b) => b.desks.length - a.desks.length)) {
      const share = shares.reduce((least, candidate) => (candidate.desks < least.desks ? candidate : least));
      share.offices.push(office);
      share.desks += office.desks.length;
    }
    await timed(`bookings (COPY, ${BOOKING_STREAMS} streams, exclusion constraints on)`, async () => {
      const counts = await Promise.all(
        shares.map(async (share, index) => {
          const stream = new pg.Client({ connectionString: url });
          await stream.connect();
          try {
            await stream.query('SET synchronous_commit = off');
            await stream.query('BEGIN');
            const count = await copy(
              stream,
              'bookings',
              [
                'person_id',
                'desk_id',
                'date',
                'part',
                'status',
                'source',
                'created_at',
                'cancelled_at',
                'checked_in_at',
                'released_at',
              ],
              bookingRows(share.offices, today, SEED + 1 + index),
            );
            await stream.query('COMMIT');
            return count;
          } finally {
            await stream.end();
          }
        }),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    });
    for (const constraint of deferred.foreignKeys) {
      await timed(`constraint ${constraint.name}`, () =>
        client.query(`ALTER TABLE bookings ADD CONSTRAINT ${constraint.name} ${constraint.definition}`),
      );
    }
    await timed(`indexes (${deferred.indexes.map((index) => index.name).join(', ')})`, async () => {
      // B-tree builds share the table (SHARE lock): two connections build at once.
      const queue = [...deferred.indexes];
      await Promise.all(
        Array.from({ length: BOOKING_STREAMS }, async () => {
          const builder = new pg.Client({ connectionString: url });
          await builder.connect();
          try {
            await builder.query(`SET maintenance_work_mem = '512MB'`);
            for (let index = queue.shift(); index; index = queue.shift()) await builder.query(index.definition);
          } finally {
            await builder.end();
          }
        }),
      );
    });
    await timed('vacuum analyze', () => client.query('VACUUM (ANALYZE)'));

    const summary = (
      await client.query(`
        SELECT (SELECT count(*) FROM offices)::int AS offices,
               (SELECT count(DISTINCT m.land) FROM offices o JOIN municipalities m ON m.ags = o.municipality_ags)::int AS lands,
               (SELECT count(*) FROM municipalities)::int AS municipalities,
               (SELECT count(*) FROM desks)::int AS desks,
               (SELECT count(*) FROM people)::int AS people,
               (SELECT count(*) FROM teams)::int AS teams,
               (SELECT count(*) FROM bookings)::int AS bookings,
               pg_size_pretty(pg_database_size(current_database())) AS size`)
    ).rows[0];
    const byStatus = (
      await client.query(`SELECT status, count(*)::int AS n FROM bookings GROUP BY status ORDER BY n DESC`)
    ).rows.map((row) => `${row.status} ${row.n.toLocaleString('en')}`);
    const total = (performance.now() - started) / 1000;
    console.log(`\ntotal ${total.toFixed(1)} s`);
    console.log(
      `${summary.offices} offices in ${summary.municipalities} municipalities of ${summary.lands} Länder, ` +
        `${summary.desks.toLocaleString('en')} desks, ${summary.people.toLocaleString('en')} people, ` +
        `${summary.teams.toLocaleString('en')} teams, ${summary.bookings.toLocaleString('en')} bookings ` +
        `(${byStatus.join(', ')}); database size ${summary.size}`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
