import { addDays, type CivilDate, publicHoliday, todayInOfficeZone, weekdayOf } from '@nahbar/domain';

import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  daysFromToday,
  nextHoliday,
  nextOpenDay,
  plainDesks,
  type TestOfficeSettings,
} from './support/fixtures.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const OFFICE_DAY = `query OfficeDay($o: ID!, $d: String!, $p: DayPart!) {
  officeDay(officeId: $o, date: $d, part: $p) {
    date part bookable capacity booked full refusal { code message messageDe }
  }
}`;

const AVAILABILITY = `query Availability($o: ID!, $d: String!, $p: DayPart!, $f: DeskFilter) {
  deskAvailability(officeId: $o, date: $d, part: $p, filter: $f) {
    code free morningFree afternoonFree blocked blockedReason
  }
}`;

const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }`;

interface OfficeDayAnswer {
  date: string;
  part: string;
  bookable: boolean;
  capacity: number | null;
  booked: number;
  full: boolean;
  refusal: { code: string; message: string; messageDe: string } | null;
}

interface DeskAnswer {
  code: string;
  free: boolean;
  morningFree: boolean;
  afternoonFree: boolean;
  blocked: boolean;
  blockedReason: string | null;
}

/** The first Saturday after today that is no public holiday in Bayern. */
function nextSaturday(): CivilDate {
  for (let offset = 1; ; offset += 1) {
    const date = addDays(todayInOfficeZone(), offset);
    if (weekdayOf(date) === 6 && publicHoliday(date, 'BY') === undefined) return date;
  }
}

describe.each(DATABASE_KINDS)('office day and blocked desks on %s', (kind) => {
  let test: TestApi;
  let person: string;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
    [person] = (await addPeople(test, 1, `Bürotag ${kind}`)) as [string];
  });

  afterAll(async () => {
    await test?.stop();
  });

  const office = (settings: Omit<TestOfficeSettings, 'name' | 'desks'> & { desks?: number } = {}) => {
    offices += 1;
    const { desks, ...rules } = settings;
    return addOffice(test, { name: `Tagesbüro ${kind} ${offices}`, desks: plainDesks(desks ?? 4), ...rules });
  };

  async function officeDay(officeId: string, date: string, part = 'MORNING', as = person): Promise<OfficeDayAnswer> {
    const response = await graphql<{ officeDay: OfficeDayAnswer }>(
      test.api.url,
      OFFICE_DAY,
      { o: officeId, d: date, p: part },
      as,
    );
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no officeDay answer');
    return response.data.officeDay;
  }

  async function book(personId: string, deskId: string, date: string, part = 'MORNING'): Promise<void> {
    const response = await graphql(test.api.url, BOOK, { input: { deskId, date, part } }, personId);
    expect(response.errors).toBeUndefined();
  }

  /** Expects the day closed or out of reach with `code`, in both languages, and nothing about fullness. */
  function expectRefused(day: OfficeDayAnswer, code: string): void {
    expect(day).toMatchObject({ bookable: false, full: false, refusal: { code } });
    expect(day.refusal?.messageDe).toMatch(/\S{3}/);
    expect(day.refusal?.message).toMatch(/\S{3}/);
    expect(day.refusal?.messageDe).not.toBe(day.refusal?.message);
  }

  it('says an open day below the cap is bookable, with the cap and the bookings held against it', async () => {
    const { officeId } = await office({ capacityShare: 0.5 });
    const date = nextOpenDay(1);
    expect(await officeDay(officeId, date)).toEqual({
      date,
      part: 'MORNING',
      bookable: true,
      capacity: 2,
      booked: 0,
      full: false,
      refusal: null,
    });
    const { officeId: uncapped } = await office();
    expect(await officeDay(uncapped, date)).toMatchObject({ bookable: true, capacity: null, booked: 0 });
  });

  it('HOLIDAY: names the public holiday of the office’s Land', async () => {
    const { officeId } = await office();
    const date = nextHoliday();
    const day = await officeDay(officeId, date, 'FULL_DAY');
    expectRefused(day, 'HOLIDAY');
    expect(day.refusal?.messageDe).toContain(publicHoliday(date, 'BY')?.name);
    expect(day.refusal?.messageDe).toContain('Bayern');
  });

  it('CLOSURE: gives the reason of the closure', async () => {
    const { officeId } = await office();
    const from = nextOpenDay(3);
    await test.sql(
      `INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, 'Umzug der Technik')`,
      [officeId, from, addDays(from, 2)],
    );
    const day = await officeDay(officeId, addDays(from, 1));
    expectRefused(day, 'CLOSURE');
    expect(day.refusal?.messageDe).toContain('Umzug der Technik');
    expect(day.refusal?.message).toContain('Umzug der Technik');
    expect((await officeDay(officeId, addDays(from, 3))).refusal?.code).not.toBe('CLOSURE');
  });

  it('CLOSED_WEEKDAY: a weekday the office is not open', async () => {
    const { officeId } = await office({ openingWeekdays: [1, 2, 3, 4, 5] });
    const day = await officeDay(officeId, nextSaturday());
    expectRefused(day, 'CLOSED_WEEKDAY');
    expect(day.refusal?.messageDe).toContain('Samstag');
  });

  it('DATE_IN_PAST and BEYOND_HORIZON: days that cannot be booked any more or yet', async () => {
    const { officeId } = await office({ horizonDays: 10 });
    expectRefused(await officeDay(officeId, daysFromToday(-1)), 'DATE_IN_PAST');
    expectRefused(await officeDay(officeId, daysFromToday(11)), 'BEYOND_HORIZON');
    expect((await officeDay(officeId, daysFromToday(10))).refusal?.code).not.toBe('BEYOND_HORIZON');
  });

  it('OVER_CAPACITY: full once the bookings reach the cap, per half of the day', async () => {
    const { officeId, deskIds } = await office({ desks: 4, capacityShare: 0.5 });
    const [first, second] = (await addPeople(test, 2, `Kappe ${kind}`)) as [string, string];
    const date = nextOpenDay(4);
    await book(first, deskIds[0] as string, date, 'FULL_DAY');
    expect(await officeDay(officeId, date)).toMatchObject({ bookable: true, booked: 1, full: false, refusal: null });
    await book(second, deskIds[1] as string, date, 'MORNING');

    const morning = await officeDay(officeId, date, 'MORNING');
    expect(morning).toMatchObject({ bookable: false, capacity: 2, booked: 2, full: true });
    expect(morning.refusal?.code).toBe('OVER_CAPACITY');
    expect(morning.refusal?.messageDe).toContain('höchstens 2 Plätze');
    expect((await officeDay(officeId, date, 'FULL_DAY')).full).toBe(true);
    // The afternoon holds one booking only: still bookable.
    expect(await officeDay(officeId, date, 'AFTERNOON')).toMatchObject({ bookable: true, booked: 1, full: false });
    // What the day says is what booking answers.
    const refused = await graphql(test.api.url, BOOK, { input: { deskId: deskIds[2], date, part: 'MORNING' } }, person);
    expect(errorCode(refused)).toBe('OVER_CAPACITY');
  });

  it('is full without a refusal when every desk is taken and there is no cap', async () => {
    const { officeId, deskIds } = await office({ desks: 2 });
    const people = await addPeople(test, 2, `Voll ${kind}`);
    const date = nextOpenDay(5);
    await book(people[0] as string, deskIds[0] as string, date);
    await book(people[1] as string, deskIds[1] as string, date);
    expect(await officeDay(officeId, date)).toMatchObject({ bookable: false, full: true, booked: 2, refusal: null });
  });

  it('reads OFFICE_NOT_FOUND for an office not open to the caller, and INVALID_DATE for a bad date', async () => {
    const { officeId } = await office();
    const outsider = await addOtherOrganisationPerson(test, `Außen ${kind}`);
    const hidden = await graphql(test.api.url, OFFICE_DAY, { o: officeId, d: nextOpenDay(1), p: 'MORNING' }, outsider);
    expect(errorCode(hidden)).toBe('OFFICE_NOT_FOUND');
    expect(hidden.data ?? null).toBeNull();
    const unknown = await graphql(
      test.api.url,
      OFFICE_DAY,
      { o: '00000000-0000-4000-8000-000000000000', d: nextOpenDay(1), p: 'MORNING' },
      person,
    );
    expect(errorCode(unknown)).toBe('OFFICE_NOT_FOUND');
    const bad = await graphql(test.api.url, OFFICE_DAY, { o: officeId, d: '2027-02-30', p: 'MORNING' }, person);
    expect(errorCode(bad)).toBe('INVALID_DATE');
  });

  it('lists blocked desks with their reason, never free, also under a filter; the cap counts active desks', async () => {
    const { officeId, deskIds, areaIds } = await addOffice(test, {
      name: `Sperrbüro ${kind}`,
      desks: [
        { code: 'A-01', equipment: ['MONITOR'] },
        { code: 'A-02', equipment: ['MONITOR'] },
        { code: 'A-03', equipment: ['MONITOR'], accessible: true },
        { code: 'A-04' },
      ],
      capacityShare: 0.5,
    });
    await test.sql(`UPDATE desks SET active = false, blocked_reason = 'Stuhl defekt' WHERE id = $1`, [deskIds[2]]);
    await test.sql(`UPDATE desks SET active = false WHERE id = $1`, [deskIds[3]]);
    const date = nextOpenDay(2);
    const desks = async (filter?: Record<string, unknown>): Promise<DeskAnswer[]> => {
      const response = await graphql<{ deskAvailability: DeskAnswer[] }>(
        test.api.url,
        AVAILABILITY,
        { o: officeId, d: date, p: 'MORNING', ...(filter === undefined ? {} : { f: filter }) },
        person,
      );
      expect(response.errors).toBeUndefined();
      return response.data?.deskAvailability ?? [];
    };

    const all = await desks();
    expect(all).toEqual([
      { code: 'A-01', free: true, morningFree: true, afternoonFree: true, blocked: false, blockedReason: null },
      { code: 'A-02', free: true, morningFree: true, afternoonFree: true, blocked: false, blockedReason: null },
      {
        code: 'A-03',
        free: false,
        morningFree: false,
        afternoonFree: false,
        blocked: true,
        blockedReason: 'Stuhl defekt',
      },
      { code: 'A-04', free: false, morningFree: false, afternoonFree: false, blocked: true, blockedReason: null },
    ]);
    expect((await desks({ accessible: true })).map((desk) => [desk.code, desk.blocked])).toEqual([['A-03', true]]);
    expect((await desks({ equipment: ['MONITOR'], areaId: areaIds.get('Fläche') })).map((desk) => desk.code)).toEqual([
      'A-01',
      'A-02',
      'A-03',
    ]);
    // Booking the blocked desk is still refused, with its reason.
    const refused = await graphql(test.api.url, BOOK, { input: { deskId: deskIds[2], date, part: 'MORNING' } }, person);
    expect(errorCode(refused)).toBe('DESK_BLOCKED');
    // Half of the 2 active desks: a cap of 1.
    expect(await officeDay(officeId, date)).toMatchObject({ capacity: 1, booked: 0, bookable: true });
  });

  it('points the QR codes’ check-in links at the port actually bound when PORT is 0', async () => {
    const [manager] = await test.sql<{ id: string }>(`SELECT id FROM people WHERE display_name = 'Sabine Wagner'`);
    const [area] = await test.sql<{ id: string }>(
      `SELECT a.id FROM areas a JOIN offices f ON f.id = a.office_id
       WHERE f.name = 'Co-Working Erlangen Hauptbahnhof' AND a.name = 'Offene Fläche'`,
    );
    const response = await graphql<{ deskQrCodes: { checkInUrl: string }[] }>(
      test.api.url,
      'query($a: ID!) { deskQrCodes(areaId: $a) { checkInUrl } }',
      { a: area?.id },
      manager?.id,
    );
    expect(response.errors).toBeUndefined();
    const urls = response.data?.deskQrCodes.map((code) => code.checkInUrl) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    expect(test.api.port).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`http://localhost:${test.api.port}/einchecken/`)).toBe(true);
  });
});
