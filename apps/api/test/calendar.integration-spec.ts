import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addDays, type CivilDate, OFFICE_ZONE, publicHoliday, todayInOfficeZone } from '@nahbar/domain';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';

import { DEMO_PERSON_HEADER } from '../src/identity/demo-identity.js';
import { addOffice, addPeople, plainDesks, type TestOffice } from './support/fixtures.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const FEED = '{ calendarFeed { exists createdAt } }';
const CREATE = 'mutation { createCalendarFeed { url createdAt } }';
const REVOKE = 'mutation { revokeCalendarFeed }';
const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id date part status } }';
const CANCEL = 'mutation($id: ID!) { cancelBooking(id: $id) { id status } }';
const BETWEEN = 'query($f: String!, $t: String!) { myBookingsBetween(from: $f, to: $t) { id date part status } }';

interface FeedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly location: string;
  readonly allDay: boolean;
  /** The start as written: a date, or a wall-clock time with its zone. */
  readonly start: string;
  readonly startUtc: string;
}

/** Parses an iCalendar document with Mozilla's ical.js (Thunderbird's parser), not with the code under test. */
function parseEvents(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      allDay: start.isDate,
      start: start.isDate ? start.toString() : `${start.toString()} ${start.zone?.tzid ?? ''}`,
      startUtc: start.toJSDate().toISOString(),
    };
  });
}

/** The next change of Europe/Berlin's UTC offset after tomorrow, as the last civil date before it and the first after. */
function nextDaylightSavingChange(): { before: CivilDate; after: CivilDate } {
  const today = todayInOfficeZone();
  const offset = (date: CivilDate) => DateTime.fromISO(`${date}T12:00`, { zone: OFFICE_ZONE }).offset;
  for (let day = 2; day < 400; day += 1) {
    const date = addDays(today, day);
    if (offset(date) !== offset(addDays(date, -1))) return { before: addDays(date, -1), after: date };
  }
  throw new Error('no daylight-saving change within 400 days');
}

/** The nearest day from `date` on (step +1) or back (step −1) that is no public holiday in Bayern. */
function workingDay(date: CivilDate, step: 1 | -1): CivilDate {
  let day = date;
  while (publicHoliday(day, 'BY') !== undefined) day = addDays(day, step);
  return day;
}

describe.each(DATABASE_KINDS)('calendar feed and .ics downloads on %s', (kind) => {
  let test: TestApi;
  let webDir: string;
  let office: TestOffice;
  let me: string;
  let other: string;

  beforeAll(async () => {
    // A stand-in for the built web client: the calendar addresses must reach the API whatever a client accepts.
    webDir = await mkdtemp(join(tmpdir(), 'nahbar-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>web client</title>');
    test = await startTestApi(kind, { NAHBAR_WEB_DIR: webDir });
    office = await addOffice(test, { name: 'Kalender-Büro', desks: plainDesks(4), horizonDays: 365 });
    [me = '', other = ''] = await addPeople(test, 2, 'Kalender');
  });

  afterAll(async () => {
    await test?.stop();
    if (webDir) await rm(webDir, { recursive: true, force: true });
  });

  /** The feed URL as the API reports it, pointed at the test server (the default public URL says localhost). */
  function local(url: string): string {
    const parsed = new URL(url);
    return `${test.api.url}${parsed.pathname}`;
  }

  async function createFeed(personId: string): Promise<string> {
    const created = await graphql<{ createCalendarFeed: { url: string } }>(test.api.url, CREATE, {}, personId);
    const url = created.data?.createCalendarFeed.url;
    if (!url) throw new Error(`no feed: ${JSON.stringify(created.errors)}`);
    return url;
  }

  async function book(personId: string, deskIndex: number, date: CivilDate, part: string): Promise<string> {
    const booked = await graphql<{ bookDesk: { id: string } }>(
      test.api.url,
      BOOK,
      { i: { deskId: office.deskIds[deskIndex], date, part } },
      personId,
    );
    const id = booked.data?.bookDesk.id;
    if (!id) throw new Error(`not booked: ${JSON.stringify(booked.errors)}`);
    return id;
  }

  it('serves the own bookings from 30 days back, in Europe/Berlin across a daylight-saving change, until cancelled', async () => {
    expect((await graphql(test.api.url, FEED, {}, me)).data).toEqual({
      calendarFeed: { exists: false, createdAt: null },
    });
    const url = await createFeed(me);
    expect(url).toMatch(new RegExp(`^http://localhost:${test.api.port}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(
      (await graphql<{ calendarFeed: { exists: boolean } }>(test.api.url, FEED, {}, me)).data?.calendarFeed.exists,
    ).toBe(true);

    const change = nextDaylightSavingChange();
    const before = workingDay(change.before, -1);
    const after = workingDay(change.after, 1);
    const morning = await book(me, 0, before, 'MORNING');
    const afternoon = await book(me, 1, after, 'AFTERNOON');
    const fullDay = await book(me, 2, workingDay(addDays(after, 1), 1), 'FULL_DAY');
    const othersBooking = await book(other, 3, before, 'MORNING');
    // History: a booking 10 days ago is in the feed, one 40 days ago is not.
    const [recent, old] = await test.sql<{ id: string }>(
      `INSERT INTO bookings (person_id, desk_id, date, part) VALUES ($1, $2, $3, 'FULL_DAY'), ($1, $2, $4, 'FULL_DAY')
       RETURNING id`,
      [me, office.deskIds[0], addDays(todayInOfficeZone(), -10), addDays(todayInOfficeZone(), -40)],
    );

    const response = await fetch(local(url), { headers: { accept: '*/*' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('private');
    const ics = await response.text();
    const events = parseEvents(ics);
    const uids = events.map((event) => event.uid);
    expect(uids).toEqual(
      expect.arrayContaining([morning, afternoon, fullDay, recent?.id].map((id) => `booking-${id}@nahbar`)),
    );
    expect(uids).not.toContain(`booking-${old?.id}@nahbar`);
    expect(uids).not.toContain(`booking-${othersBooking}@nahbar`);
    expect(events).toHaveLength(4);

    const byId = (id: string) => events.find((event) => event.uid === `booking-${id}@nahbar`);
    const compact = (date: CivilDate) => date.replaceAll('-', '');
    expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${compact(before)}T080000`);
    expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${compact(after)}T123000`);
    expect(byId(morning)?.start).toBe(`${before}T08:00:00 Europe/Berlin`);
    expect(byId(afternoon)?.start).toBe(`${after}T12:30:00 Europe/Berlin`);
    // The same wall-clock times are different UTC instants on either side of the change.
    const utcHour = (id: string, wall: string, date: CivilDate) =>
      DateTime.fromISO(`${date}T${wall}`, { zone: OFFICE_ZONE }).toUTC().toISO({ suppressMilliseconds: false });
    expect(byId(morning)?.startUtc).toBe(utcHour(morning, '08:00', before));
    expect(byId(afternoon)?.startUtc).toBe(utcHour(afternoon, '12:30', after));
    expect(DateTime.fromISO(`${before}T12:00`, { zone: OFFICE_ZONE }).offset).not.toBe(
      DateTime.fromISO(`${after}T12:00`, { zone: OFFICE_ZONE }).offset,
    );
    const full = byId(fullDay);
    expect(full?.allDay).toBe(true);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    expect(full?.summary).toBe('Arbeitsplatz P-03 – Kalender-Büro');
    expect(full?.location).toBe('Kalender-Büro\nTeststraße 1, 91054 Erlangen');

    await graphql(test.api.url, CANCEL, { id: morning }, me);
    const afterCancel = parseEvents(await (await fetch(local(url))).text()).map((event) => event.uid);
    expect(afterCancel).not.toContain(`booking-${morning}@nahbar`);
    expect(afterCancel).toContain(`booking-${afternoon}@nahbar`);

    // The person's bookings by date, whatever their status.
    const between = await graphql<{ myBookingsBetween: { id: string; status: string }[] }>(
      test.api.url,
      BETWEEN,
      { f: before, t: before },
      me,
    );
    expect(between.data?.myBookingsBetween).toEqual([expect.objectContaining({ id: morning, status: 'CANCELLED' })]);
  });

  it('stores only a hash of the token, and a new or revoked address stops the old one', async () => {
    const [person = ''] = await addPeople(test, 1, 'Widerruf');
    const first = await createFeed(person);
    const token = new URL(first).pathname.replace(/^\/calendar\//, '').replace(/\.ics$/, '');
    const rows = await test.sql<{ token_hash: string }>('SELECT token_hash FROM calendar_feeds WHERE person_id = $1', [
      person,
    ]);
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
    const everything = JSON.stringify(await test.sql('SELECT * FROM calendar_feeds'));
    expect(everything).not.toContain(token);

    const second = await createFeed(person);
    expect(second).not.toBe(first);
    expect((await fetch(local(first))).status).toBe(404);
    expect((await fetch(local(second))).status).toBe(200);

    expect((await graphql(test.api.url, REVOKE, {}, person)).data).toEqual({ revokeCalendarFeed: true });
    const revoked = await fetch(local(second));
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe('Not found.');
    expect((await graphql(test.api.url, REVOKE, {}, person)).data).toEqual({ revokeCalendarFeed: false });
    expect((await fetch(`${test.api.url}/calendar/not-a-token.ics`)).status).toBe(404);
    expect((await fetch(`${test.api.url}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('reaches the API, not the web client, whatever the calendar program accepts', async () => {
    const url = await createFeed(other);
    const response = await fetch(local(url), { headers: { accept: 'text/html,*/*' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^BEGIN:VCALENDAR/);
    const page = await fetch(`${test.api.url}/meine-woche`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('web client');
  });

  it('downloads one own booking as .ics, and nobody else’s', async () => {
    const [person = ''] = await addPeople(test, 1, 'Download');
    const date = workingDay(addDays(todayInOfficeZone(), 3), 1);
    const id = await book(person, 3, date, 'FULL_DAY');
    const path = `${test.api.url}/calendar/bookings/${id}.ics`;

    const own = await fetch(path, { headers: { [DEMO_PERSON_HEADER]: person, accept: 'text/calendar' } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="nahbar-${date}-P-04.ics"`);
    expect(own.headers.get('cache-control')).toContain('private');
    const [event] = parseEvents(await own.text());
    expect(event).toMatchObject({ uid: `booking-${id}@nahbar`, allDay: true, start: date });

    expect((await fetch(path, { headers: { [DEMO_PERSON_HEADER]: me } })).status).toBe(404);
    expect((await fetch(path)).status).toBe(401);
    expect(
      (await fetch(path, { headers: { [DEMO_PERSON_HEADER]: '00000000-0000-4000-8000-000000000000' } })).status,
    ).toBe(401);
    const unknown = `${test.api.url}/calendar/bookings/00000000-0000-4000-8000-000000000000.ics`;
    expect((await fetch(unknown, { headers: { [DEMO_PERSON_HEADER]: person } })).status).toBe(404);
    expect(
      (await fetch(`${test.api.url}/calendar/bookings/x.ics`, { headers: { [DEMO_PERSON_HEADER]: person } })).status,
    ).toBe(404);
  });

  it('refuses a range of bookings longer than 62 days or malformed', async () => {
    const today = todayInOfficeZone();
    expect(errorCode(await graphql(test.api.url, BETWEEN, { f: today, t: addDays(today, 62) }, me))).toBe(
      'INVALID_DATE_RANGE',
    );
    expect(errorCode(await graphql(test.api.url, BETWEEN, { f: '2027-02-30', t: today }, me))).toBe(
      'INVALID_DATE_RANGE',
    );
    expect(errorCode(await graphql(test.api.url, BETWEEN, { f: today, t: today }))).toBe('UNAUTHENTICATED');
  });
});
