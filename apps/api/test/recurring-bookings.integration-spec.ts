import { addDays, type CivilDate, publicHoliday, weekdayOf } from '@nahbar/domain';

import { addOffice, addPeople, daysFromToday, nextHoliday, nextOpenDay, plainDesks } from './support/fixtures.js';
import { errorCode, graphql, type GraphqlResponse } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK_RECURRING = `mutation Series($input: BookRecurringInput!) {
  bookRecurring(input: $input) {
    complete bookedCount
    outcomes { date status booking { id date part deskId status } refusal { code message messageDe } }
  }
}`;
const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id date } }`;

interface Outcome {
  date: string;
  status: 'BOOKED' | 'REFUSED' | 'WITHHELD';
  booking: { id: string; date: string; part: string; deskId: string; status: string } | null;
  refusal: { code: string; message: string; messageDe: string } | null;
}
interface SeriesData {
  bookRecurring: { complete: boolean; bookedCount: number; outcomes: Outcome[] };
}

describe.each(DATABASE_KINDS)('recurring bookings on %s', (kind) => {
  let test: TestApi;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
  });

  afterAll(async () => {
    await test?.stop();
  });

  const series = (personId: string, input: Record<string, unknown>): Promise<GraphqlResponse<SeriesData>> =>
    graphql<SeriesData>(test.api.url, BOOK_RECURRING, { input }, personId);

  async function person(): Promise<string> {
    const [id] = await addPeople(test, 1, `Serie ${kind}`);
    if (!id) throw new Error('person not inserted');
    return id;
  }

  const officeName = (): string => `Serienbüro ${kind} ${(offices += 1)}`;

  /** A holiday, a closed weekday two days later, three weeks of both: what each date must give. */
  function holidaySeries(): {
    from: CivilDate;
    weekdays: number[];
    closed: number;
    expected: (date: string) => string;
  } {
    const from = nextHoliday();
    const closed = weekdayOf(addDays(from, 2));
    const expected = (date: string): string =>
      publicHoliday(date as CivilDate, 'BY')
        ? 'HOLIDAY'
        : weekdayOf(date as CivilDate) === closed
          ? 'CLOSED_WEEKDAY'
          : 'BOOKED';
    return { from, weekdays: [weekdayOf(from), closed], closed, expected };
  }

  it('books what it can and gives per date the refusal code: a holiday and a closed weekday', async () => {
    const { from, weekdays, closed, expected } = holidaySeries();
    const { deskIds } = await addOffice(test, {
      name: officeName(),
      desks: plainDesks(2),
      openingWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== closed),
    });
    const someone = await person();
    const response = await series(someone, { deskId: deskIds[0], part: 'MORNING', weekdays, from, weeks: 3 });
    expect(response.errors).toBeUndefined();
    const result = response.data?.bookRecurring;
    if (!result) throw new Error('no result');

    expect(result.outcomes).toHaveLength(6);
    expect(result.outcomes.map((outcome) => outcome.date)).toEqual([...result.outcomes.map((o) => o.date)].sort());
    const statuses = result.outcomes.map((outcome) =>
      outcome.status === 'BOOKED' ? 'BOOKED' : (outcome.refusal?.code ?? 'none'),
    );
    expect(statuses).toEqual(result.outcomes.map((outcome) => expected(outcome.date)));
    expect(statuses).toContain('HOLIDAY');
    expect(statuses).toContain('CLOSED_WEEKDAY');
    expect(statuses).toContain('BOOKED');
    for (const outcome of result.outcomes) {
      if (outcome.status === 'BOOKED') {
        expect(outcome.booking).toMatchObject({
          date: outcome.date,
          part: 'MORNING',
          deskId: deskIds[0],
          status: 'BOOKED',
        });
        expect(outcome.refusal).toBeNull();
      } else {
        expect(outcome.status).toBe('REFUSED');
        expect(outcome.booking).toBeNull();
        expect(outcome.refusal?.messageDe).toMatch(/\S{3}/);
        expect(outcome.refusal?.message).not.toBe(outcome.refusal?.messageDe);
      }
    }
    const booked = result.outcomes.filter((outcome) => outcome.status === 'BOOKED');
    expect(result.bookedCount).toBe(booked.length);
    expect(result.complete).toBe(false);

    // In the database with source RECURRING, and in myBookings.
    const rows = await test.sql<{ date: string; source: string; status: string }>(
      'SELECT date, source, status FROM bookings WHERE person_id = $1 ORDER BY date',
      [someone],
    );
    expect(rows).toEqual(booked.map((outcome) => ({ date: outcome.date, source: 'RECURRING', status: 'BOOKED' })));
    const mine = await graphql<{ myBookings: { id: string }[] }>(test.api.url, '{ myBookings { id } }', {}, someone);
    expect(mine.data?.myBookings.map((booking) => booking.id).sort()).toEqual(
      booked.map((outcome) => outcome.booking?.id).sort(),
    );
  });

  it('all or nothing: one refused date books nothing and withholds the others', async () => {
    const { from, weekdays, closed, expected } = holidaySeries();
    const { deskIds } = await addOffice(test, {
      name: officeName(),
      desks: plainDesks(2),
      openingWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== closed),
    });
    const someone = await person();
    const response = await series(someone, {
      deskId: deskIds[0],
      part: 'FULL_DAY',
      weekdays,
      from,
      weeks: 3,
      allOrNothing: true,
    });
    const result = response.data?.bookRecurring;
    expect(result?.bookedCount).toBe(0);
    expect(result?.complete).toBe(false);
    for (const outcome of result?.outcomes ?? []) {
      const want = expected(outcome.date);
      expect(outcome.booking).toBeNull();
      if (want === 'BOOKED') {
        expect(outcome.status).toBe('WITHHELD');
        expect(outcome.refusal?.code).toBe('WITHHELD');
      } else {
        expect(outcome.status).toBe('REFUSED');
        expect(outcome.refusal?.code).toBe(want);
      }
    }
    expect(result?.outcomes.some((outcome) => outcome.status === 'WITHHELD')).toBe(true);
    const rows = await test.sql('SELECT 1 FROM bookings WHERE person_id = $1', [someone]);
    expect(rows).toEqual([]);
  });

  it('all or nothing with every date bookable books them all', async () => {
    const { deskIds } = await addOffice(test, { name: officeName(), desks: plainDesks(1), horizonDays: 60 });
    const someone = await person();
    const from = daysFromToday(1);
    const response = await series(someone, {
      deskId: deskIds[0],
      part: 'AFTERNOON',
      weekdays: [weekdayOf(from)],
      from,
      weeks: 2,
      allOrNothing: true,
    });
    const result = response.data?.bookRecurring;
    const bookable = [from, addDays(from, 7)].filter((date) => !publicHoliday(date, 'BY'));
    expect(result?.bookedCount).toBe(bookable.length);
    expect(result?.complete).toBe(bookable.length === 2);
  });

  it('counts the dates it accepts itself: a quota of 2 days per week over a Monday-to-Sunday series', async () => {
    const { deskIds } = await addOffice(test, { name: officeName(), desks: plainDesks(1), quotaDaysPerWeek: 2 });
    const someone = await person();
    const from = addDays(daysFromToday(7), 1 - weekdayOf(daysFromToday(7)));
    const response = await series(someone, {
      deskId: deskIds[0],
      part: 'MORNING',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      from,
      weeks: 1,
    });
    const outcomes = response.data?.bookRecurring.outcomes ?? [];
    expect(outcomes.filter((outcome) => outcome.status === 'BOOKED')).toHaveLength(2);
    const refusals = outcomes.filter((outcome) => outcome.status === 'REFUSED').map((o) => o.refusal?.code);
    expect(refusals.filter((code) => code === 'OVER_QUOTA').length).toBeGreaterThan(0);
    expect(new Set(refusals)).toEqual(new Set(refusals.filter((code) => code === 'OVER_QUOTA' || code === 'HOLIDAY')));
  });

  it('refuses a series that is no series: no weekdays, too many weeks, a weekday 8, an unknown desk', async () => {
    const { deskIds } = await addOffice(test, { name: officeName(), desks: plainDesks(1) });
    const someone = await person();
    const base = { deskId: deskIds[0], part: 'MORNING', weekdays: [1], from: daysFromToday(1), weeks: 2 };
    expect(errorCode(await series(someone, { ...base, weekdays: [] }))).toBe('NO_WEEKDAYS');
    expect(errorCode(await series(someone, { ...base, weeks: 27 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await series(someone, { ...base, weeks: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await series(someone, { ...base, weekdays: [8] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await series(someone, { ...base, from: '2027-02-30' }))).toBe('INVALID_DATE');
    expect(errorCode(await series(someone, { ...base, deskId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'DESK_NOT_FOUND',
    );
    expect(await test.sql('SELECT 1 FROM bookings WHERE person_id = $1', [someone])).toEqual([]);
  });

  it('racing single bookings against a series: one winner per date, no deadlock (several rounds)', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { deskIds } = await addOffice(test, { name: officeName(), desks: plainDesks(2) });
      const [seriesDesk, otherDesk] = deskIds as [string, string];
      const seriesPerson = await person();
      const from = daysFromToday(3 + round);
      const dates = Array.from({ length: 14 }, (_, day) => addDays(from, day));
      const racers = await addPeople(test, dates.length, `Rennen ${kind} ${round}`);

      const singles = dates.map((date, index) =>
        graphql<{ bookDesk: { id: string } }>(
          test.api.url,
          BOOK,
          { input: { deskId: seriesDesk, date, part: index % 2 === 0 ? 'FULL_DAY' : 'MORNING' } },
          racers[index],
        ),
      );
      // The series' person also books another desk for some of the dates: their person-week locks race too.
      const own = dates
        .filter((_, index) => index % 5 === 0)
        .map((date) =>
          graphql<{ bookDesk: { id: string } }>(
            test.api.url,
            BOOK,
            { input: { deskId: otherDesk, date, part: 'AFTERNOON' } },
            seriesPerson,
          ),
        );
      const seriesResponse = series(seriesPerson, {
        deskId: seriesDesk,
        part: 'MORNING',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        from,
        weeks: 2,
      });
      const [seriesResult, singleResults, ownResults] = await Promise.all([
        seriesResponse,
        Promise.all(singles),
        Promise.all(own),
      ]);

      expect(seriesResult.errors).toBeUndefined();
      const outcomes = seriesResult.data?.bookRecurring.outcomes ?? [];
      expect(outcomes.map((outcome) => outcome.date)).toEqual(dates);
      for (const [index, date] of dates.entries()) {
        const outcome = outcomes[index] as Outcome;
        const single = singleResults[index];
        const holiday = publicHoliday(date, 'BY') !== undefined;
        const live = await test.sql<{ person_id: string; source: string }>(
          `SELECT person_id, source FROM bookings WHERE desk_id = $1 AND date = $2 AND status = 'BOOKED'`,
          [seriesDesk, date],
        );
        if (holiday) {
          expect(live).toEqual([]);
          continue;
        }
        expect(live).toHaveLength(1);
        if (outcome.status === 'BOOKED') {
          expect(live[0]).toEqual({ person_id: seriesPerson, source: 'RECURRING' });
          expect(errorCode(single as GraphqlResponse<unknown>)).toBe('DESK_TAKEN');
        } else {
          expect(outcome.refusal?.code).toMatch(/^(DESK_TAKEN|PERSON_ALREADY_BOOKED)$/);
          if (outcome.refusal?.code === 'DESK_TAKEN') {
            expect(live[0]).toEqual({ person_id: racers[index], source: 'SELF' });
            expect(single?.data?.bookDesk.id).toBeDefined();
          }
        }
      }
      // Every request ended with an answer a person can act on: no deadlock, no internal error.
      for (const result of [...singleResults, ...ownResults]) {
        if (result.errors) expect(errorCode(result)).toMatch(/^(DESK_TAKEN|PERSON_ALREADY_BOOKED|HOLIDAY)$/);
      }
    }
  });

  it('a date lost to the exclusion constraint inside the series becomes the refusal of that date (SAVEPOINT)', async () => {
    const { deskIds } = await addOffice(test, { name: officeName(), desks: plainDesks(1) });
    const deskId = deskIds[0] as string;
    const [someone, intruder] = (await addPeople(test, 2, `Savepoint ${kind}`)) as [string, string];
    let n = 2;
    while (publicHoliday(addDays(nextOpenDay(n), 7), 'BY')) n += 1;
    const from = nextOpenDay(n);
    const lost = addDays(from, 7);
    // Stands in for a writer that ignores the locks: just before the series inserts the lost date, a full-day booking
    // of another person appears on it, so the series' INSERT violates the desk's exclusion constraint.
    await test.sql(`
      CREATE FUNCTION intrude_series() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.source = 'RECURRING' AND NEW.date = DATE '${lost}' THEN
          INSERT INTO bookings (person_id, desk_id, date, part, source)
          VALUES ('${intruder}', NEW.desk_id, NEW.date, 'FULL_DAY', 'SELF');
        END IF;
        RETURN NEW;
      END $$`);
    await test.sql(
      'CREATE TRIGGER intrude_series BEFORE INSERT ON bookings FOR EACH ROW EXECUTE FUNCTION intrude_series()',
    );
    try {
      const input = { deskId, part: 'MORNING', weekdays: [weekdayOf(from)], from, weeks: 3 };
      const bookable = [from, lost, addDays(from, 14)].filter((date) => !publicHoliday(date, 'BY'));

      const partial = (await series(someone, input)).data?.bookRecurring;
      const lostOutcome = partial?.outcomes.find((outcome) => outcome.date === lost);
      expect(lostOutcome).toMatchObject({ status: 'REFUSED', booking: null, refusal: { code: 'DESK_TAKEN' } });
      expect(partial?.bookedCount).toBe(bookable.length - 1);
      expect(partial?.complete).toBe(false);
      // The rolled-back savepoint took the intruding row with it.
      const onLost = await test.sql('SELECT 1 FROM bookings WHERE desk_id = $1 AND date = $2', [deskId, lost]);
      expect(onLost).toEqual([]);

      await test.sql(`DELETE FROM bookings WHERE desk_id = $1`, [deskId]);
      const whole = (await series(someone, { ...input, allOrNothing: true })).data?.bookRecurring;
      expect(whole?.bookedCount).toBe(0);
      expect(whole?.outcomes.map((outcome) => outcome.status).filter((status) => status === 'BOOKED')).toEqual([]);
      expect(whole?.outcomes.find((outcome) => outcome.date === lost)?.refusal?.code).toBe('DESK_TAKEN');
      expect(whole?.outcomes.filter((outcome) => outcome.status === 'WITHHELD')).toHaveLength(bookable.length - 1);
      expect(await test.sql('SELECT 1 FROM bookings WHERE desk_id = $1', [deskId])).toEqual([]);
    } finally {
      await test.sql('DROP TRIGGER intrude_series ON bookings');
      await test.sql('DROP FUNCTION intrude_series()');
    }
  });
});
