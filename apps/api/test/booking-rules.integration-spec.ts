import {
  addDays,
  BOOKING_REFUSAL_ORDER,
  type CivilDate,
  publicHoliday,
  startOfIsoWeek,
  todayInOfficeZone,
  weekdayOf,
  WEEKDAYS,
} from '@nahbar/domain';

import { addPeople, bookingCount, daysFromToday, nextHoliday, nextOpenDay } from './support/fixtures.js';
import { errorCode, graphql, type GraphqlError, type GraphqlResponse } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id date part } }`;

interface BookData {
  bookDesk: { id: string; date: string; part: string };
}

interface OfficeSettings {
  readonly desks?: number;
  readonly openingWeekdays?: readonly number[];
  readonly horizonDays?: number;
  readonly capacityShare?: number;
  readonly quotaDaysPerWeek?: number;
}

interface TestOffice {
  readonly officeId: string;
  readonly deskIds: readonly string[];
}

/** Erlangen, Bayern: its Land's public holidays apply. */
const ERLANGEN = '09562000';

/** The days of the next full ISO week (Monday to Sunday after today) that are no public holiday in Bayern. */
function workingDaysOfNextWeek(): CivilDate[] {
  const monday = addDays(startOfIsoWeek(todayInOfficeZone()), 7);
  return WEEKDAYS.map((weekday) => addDays(monday, weekday - 1)).filter((date) => !publicHoliday(date, 'BY'));
}

/** Two open days (Monday to Friday, no holiday) after today in one ISO week. */
function twoOpenDaysInOneWeek(): [CivilDate, CivilDate] {
  for (let n = 1; ; n += 1) {
    const first = nextOpenDay(n);
    const second = nextOpenDay(n + 1);
    if (startOfIsoWeek(first) === startOfIsoWeek(second)) return [first, second];
  }
}

describe('booking rules', () => {
  it('has an integration test for every refusal code of the domain library', () => {
    expect([...BOOKING_REFUSAL_ORDER].sort()).toEqual(
      [
        'BEYOND_HORIZON',
        'CLOSED_WEEKDAY',
        'CLOSURE',
        'DATE_IN_PAST',
        'DESK_BLOCKED',
        'DESK_TAKEN',
        'HOLIDAY',
        'INVALID_DATE',
        'OVER_CAPACITY',
        'OVER_QUOTA',
        'PERSON_ALREADY_BOOKED',
      ].sort(),
    );
  });
});

describe.each(DATABASE_KINDS)('booking rules enforced by the API on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
  });

  afterAll(async () => {
    await test?.stop();
  });

  const book = (personId: string, deskId: string, date: string, part = 'MORNING'): Promise<GraphqlResponse<BookData>> =>
    graphql<BookData>(url, BOOK, { input: { deskId, date, part } }, personId);

  /** A fresh office in Erlangen run by the organisation `addPeople` adds people to, with the given rules. */
  async function addOffice(settings: OfficeSettings = {}): Promise<TestOffice> {
    offices += 1;
    const [office] = await test.sql<{ id: string }>(
      `INSERT INTO offices (name, address, municipality_ags, operator_id, opening_weekdays, booking_horizon_days,
                            capacity_share, quota_days_per_week)
       VALUES ($1, 'Teststraße 1, 91054 Erlangen', $2, (SELECT id FROM organisations ORDER BY name LIMIT 1),
               $3::smallint[], $4, $5, $6)
       RETURNING id`,
      [
        `Regelbüro ${kind} ${offices}`,
        ERLANGEN,
        settings.openingWeekdays ?? [1, 2, 3, 4, 5, 6, 7],
        settings.horizonDays ?? 365,
        settings.capacityShare ?? null,
        settings.quotaDaysPerWeek ?? null,
      ],
    );
    if (!office) throw new Error('office not inserted');
    const [area] = await test.sql<{ id: string }>(
      `INSERT INTO areas (office_id, name) VALUES ($1, 'Fläche') RETURNING id`,
      [office.id],
    );
    const codes = Array.from({ length: settings.desks ?? 4 }, (_, index) => `P-${String(index + 1).padStart(2, '0')}`);
    const desks = await test.sql<{ id: string }>(
      `INSERT INTO desks (office_id, area_id, code) SELECT $1, $2, unnest($3::text[]) RETURNING id`,
      [office.id, area?.id, codes],
    );
    return { officeId: office.id, deskIds: desks.map((desk) => desk.id) };
  }

  async function person(): Promise<string> {
    const [id] = await addPeople(test, 1, `Regeln ${kind}`);
    if (!id) throw new Error('person not inserted');
    return id;
  }

  /** Books, expects the refusal `code` with German and English texts, and that nothing was written. */
  async function expectRefused(
    code: string,
    personId: string,
    deskId: string,
    date: string,
    part = 'MORNING',
  ): Promise<GraphqlError> {
    const before = await bookingCount(test);
    const response = await book(personId, deskId, date, part);
    expect(response.data ?? null).toBeNull();
    expect(errorCode(response)).toBe(code);
    const error = response.errors?.[0] as GraphqlError;
    const messages = error.extensions?.['messages'] as { de?: unknown; en?: unknown } | undefined;
    expect(messages?.de).toEqual(expect.stringMatching(/\S{3}/));
    expect(messages?.en).toEqual(expect.stringMatching(/\S{3}/));
    expect(messages?.de).not.toBe(messages?.en);
    expect(error.message).toBe(messages?.en);
    expect(await bookingCount(test)).toBe(before);
    return error;
  }

  async function expectBooked(personId: string, deskId: string, date: string, part = 'MORNING'): Promise<void> {
    const response = await book(personId, deskId, date, part);
    expect(response.errors).toBeUndefined();
    expect(response.data?.bookDesk.date).toBe(date);
  }

  it('INVALID_DATE: a day that does not exist', async () => {
    const { deskIds } = await addOffice();
    await expectRefused('INVALID_DATE', await person(), deskIds[0] as string, '2027-02-30');
  });

  it('DATE_IN_PAST: yesterday', async () => {
    const { deskIds } = await addOffice();
    await expectRefused('DATE_IN_PAST', await person(), deskIds[0] as string, daysFromToday(-1));
  });

  it('BEYOND_HORIZON: a day after the last bookable one', async () => {
    // A horizon of about five days whose last day and the day after are no holiday (else that refusal would come).
    let horizon = 5;
    while ([horizon, horizon + 1].some((days) => publicHoliday(daysFromToday(days), 'BY'))) horizon += 1;
    const { deskIds } = await addOffice({ horizonDays: horizon });
    const error = await expectRefused(
      'BEYOND_HORIZON',
      await person(),
      deskIds[0] as string,
      daysFromToday(horizon + 1),
    );
    expect(error.message).toContain(`${horizon} days`);
    // The last bookable day still can be booked.
    await expectBooked(await person(), deskIds[0] as string, daysFromToday(horizon));
  });

  it("HOLIDAY: a public holiday of the office's Land, even on a day the office is open", async () => {
    const { deskIds } = await addOffice();
    await expectRefused('HOLIDAY', await person(), deskIds[0] as string, nextHoliday());
  });

  it('CLOSURE: a day within a closure, with its reason', async () => {
    const { officeId, deskIds } = await addOffice();
    const date = nextOpenDay(2);
    await test.sql(
      `INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, 'Umzug der Technik')`,
      [officeId, addDays(date, -1), date],
    );
    const error = await expectRefused('CLOSURE', await person(), deskIds[0] as string, date);
    const messages = error.extensions?.['messages'] as { de: string };
    expect(messages.de).toContain('Umzug der Technik');
    // The day after the closure is open again.
    await expectBooked(await person(), deskIds[0] as string, nextOpenDay(3));
  });

  it('CLOSED_WEEKDAY: a weekday the office is not open on', async () => {
    const date = nextOpenDay(1);
    const { deskIds } = await addOffice({ openingWeekdays: WEEKDAYS.filter((day) => day !== weekdayOf(date)) });
    await expectRefused('CLOSED_WEEKDAY', await person(), deskIds[0] as string, date);
  });

  it('DESK_BLOCKED: a blocked desk, with the reason it is blocked', async () => {
    const { deskIds } = await addOffice();
    await test.sql(`UPDATE desks SET active = false, blocked_reason = 'Stuhl defekt' WHERE id = $1`, [deskIds[0]]);
    const error = await expectRefused('DESK_BLOCKED', await person(), deskIds[0] as string, nextOpenDay(1));
    expect((error.extensions?.['messages'] as { de: string }).de).toContain('Stuhl defekt');
  });

  it('DESK_TAKEN: a desk someone holds for an overlapping part of the day', async () => {
    const { deskIds } = await addOffice();
    const date = nextOpenDay(1);
    await expectBooked(await person(), deskIds[0] as string, date, 'FULL_DAY');
    await expectRefused('DESK_TAKEN', await person(), deskIds[0] as string, date, 'AFTERNOON');
  });

  it('PERSON_ALREADY_BOOKED: a second desk for the same time', async () => {
    const { deskIds } = await addOffice();
    const date = nextOpenDay(1);
    const someone = await person();
    await expectBooked(someone, deskIds[0] as string, date, 'MORNING');
    await expectRefused('PERSON_ALREADY_BOOKED', someone, deskIds[1] as string, date, 'FULL_DAY');
  });

  it('OVER_QUOTA: more days in one ISO week than the quota, counting bookings at other offices', async () => {
    const [first, second] = twoOpenDaysInOneWeek();
    const elsewhere = await addOffice();
    const { deskIds } = await addOffice({ quotaDaysPerWeek: 1 });
    const someone = await person();
    await expectBooked(someone, elsewhere.deskIds[0] as string, first);
    await expectRefused('OVER_QUOTA', someone, deskIds[0] as string, second);
    // The other half of a day already counted is no further day.
    await expectBooked(someone, deskIds[0] as string, first, 'AFTERNOON');
  });

  it('OVER_CAPACITY: more live bookings in a half-day than the share of the active desks', async () => {
    const { deskIds } = await addOffice({ desks: 4, capacityShare: 0.5 });
    const date = nextOpenDay(1);
    await expectBooked(await person(), deskIds[0] as string, date, 'MORNING');
    await expectBooked(await person(), deskIds[1] as string, date, 'FULL_DAY');
    const error = await expectRefused('OVER_CAPACITY', await person(), deskIds[2] as string, date, 'MORNING');
    expect(error.message).toContain('2 desks');
    // The afternoon still has room for one.
    await expectBooked(await person(), deskIds[3] as string, date, 'AFTERNOON');
  });

  it('DESK_NOT_FOUND: an unknown desk, and a desk of an office not open to the caller', async () => {
    const someone = await person();
    const before = await bookingCount(test);
    const unknown = await book(someone, '00000000-0000-4000-8000-000000000000', nextOpenDay(1));
    expect(errorCode(unknown)).toBe('DESK_NOT_FOUND');
    const [foreign] = await test.sql<{ id: string }>(
      `SELECT d.id FROM desks d JOIN offices f ON f.id = d.office_id WHERE f.name = 'Satellitenbüro Bamberg' LIMIT 1`,
    );
    expect(errorCode(await book(someone, foreign?.id ?? '', nextOpenDay(1)))).toBe('DESK_NOT_FOUND');
    expect(await bookingCount(test)).toBe(before);
  });

  it('desk availability tells whether a desk is accessible and what it has', async () => {
    const [office] = await test.sql<{ id: string }>(
      `SELECT id FROM offices WHERE name = 'Co-Working Erlangen Hauptbahnhof'`,
    );
    const response = await graphql<{ deskAvailability: { code: string; accessible: boolean; equipment: string[] }[] }>(
      url,
      'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: MORNING) { code accessible equipment } }',
      { o: office?.id, d: nextOpenDay(1) },
      await person(),
    );
    const desks = response.data?.deskAvailability ?? [];
    expect(desks.find((desk) => desk.code === 'A-01')).toEqual({
      code: 'A-01',
      accessible: true,
      equipment: ['MONITOR', 'DOCKING_STATION', 'HEIGHT_ADJUSTABLE'],
    });
    expect(desks.find((desk) => desk.code === 'A-02')).toEqual({
      code: 'A-02',
      accessible: false,
      equipment: ['MONITOR'],
    });
  });

  it('the capacity cap holds under concurrency: 10 people racing for 10 desks with a cap of 3', async () => {
    const { officeId, deskIds } = await addOffice({ desks: 10, capacityShare: 0.3 });
    const racers = await addPeople(test, 10, `Kapazität ${kind}`);
    const date = nextOpenDay(4);
    const results = await Promise.all(racers.map((racer, index) => book(racer, deskIds[index] as string, date)));

    expect(results.filter((result) => result.data?.bookDesk)).toHaveLength(3);
    const codes = results.filter((result) => result.errors).map(errorCode);
    expect(codes).toEqual(Array.from({ length: 7 }, () => 'OVER_CAPACITY'));
    const [row] = await test.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM bookings b JOIN desks d ON d.id = b.desk_id
       WHERE d.office_id = $1 AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN')`,
      [officeId, date],
    );
    expect(row?.count).toBe(3);
  });

  it('the quota holds under concurrency: one person racing for every day of a week with a quota of 3', async () => {
    const { deskIds } = await addOffice({ quotaDaysPerWeek: 3 });
    const someone = await person();
    const days = workingDaysOfNextWeek();
    expect(days.length).toBeGreaterThan(3);
    const results = await Promise.all(days.map((date) => book(someone, deskIds[0] as string, date, 'FULL_DAY')));

    expect(results.filter((result) => result.data?.bookDesk)).toHaveLength(3);
    const codes = results.filter((result) => result.errors).map(errorCode);
    expect(codes).toEqual(Array.from({ length: days.length - 3 }, () => 'OVER_QUOTA'));
    const [row] = await test.sql<{ count: number }>(
      `SELECT count(DISTINCT date)::int AS count FROM bookings WHERE person_id = $1 AND status = 'BOOKED'`,
      [someone],
    );
    expect(row?.count).toBe(3);
  });
});
