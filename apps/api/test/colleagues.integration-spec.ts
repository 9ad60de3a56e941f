import { addOtherOrganisationPerson, daysFromToday, nextOpenDay } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const WHOS_IN = `query($o: ID!, $d: String!) {
  whosIn(officeId: $o, date: $d) { colleague { id displayName favourite } part deskId deskCode areaId areaName }
}`;
const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const BOOK_NEXT_TO = 'mutation($i: BookNextToInput!) { bookNextTo(input: $i) { id date part deskCode } }';
const SEARCH = 'query($q: String!) { colleagueSearch(query: $q) { id displayName favourite } }';
const ADD_COLLEAGUE = 'mutation($c: ID!) { addFavouriteColleague(colleagueId: $c) { id displayName favourite } }';
const REMOVE_COLLEAGUE = 'mutation($c: ID!) { removeFavouriteColleague(colleagueId: $c) }';
const FAVOURITE_COLLEAGUES = `{ myFavouriteColleagues {
  id displayName visible upcoming { date part officeId officeName deskId deskCode areaName } } }`;
const ADD_DESK = 'mutation($d: ID!) { addFavouriteDesk(deskId: $d) { deskId code areaName officeName blocked } }';
const REMOVE_DESK = 'mutation($d: ID!) { removeFavouriteDesk(deskId: $d) }';
const FAVOURITE_DESKS = '{ myFavouriteDesks { deskId code officeName blocked } }';
const PROFILE = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { visibility } }';

interface InOffice {
  colleague: { id: string; displayName: string; favourite: boolean };
  part: string;
  deskId: string;
  deskCode: string;
  areaName: string;
}
interface WhosIn {
  whosIn: InOffice[];
}
interface Desk {
  id: string;
  code: string;
  x: number | null;
  y: number | null;
  area_id: string;
}

describe.each(DATABASE_KINDS)("who's in, favourites and booking next to a colleague on %s", (kind) => {
  let test: TestApi;
  let url: string;
  let people: Record<string, string>;
  let erlangen: string;
  let bamberg: string;
  let desks: Desk[];
  const as = (name: string): string => {
    const id = people[name];
    if (id === undefined) throw new Error(`no demo person ${name}`);
    return id;
  };
  const desk = (code: string): Desk => {
    const found = desks.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`no desk ${code}`);
    return found;
  };
  const book = async (person: string, code: string, date: string, part = 'FULL_DAY'): Promise<string> => {
    const response = await graphql<{ bookDesk: { id: string } }>(
      url,
      BOOK,
      { i: { deskId: desk(code).id, date, part } },
      as(person),
    );
    expect(response.errors).toBeUndefined();
    return response.data?.bookDesk.id ?? '';
  };
  const whosIn = async (person: string, date: string, office = erlangen): Promise<GraphqlResponse<WhosIn>> =>
    graphql<WhosIn>(url, WHOS_IN, { o: office, d: date }, as(person));
  const namesIn = async (person: string, date: string): Promise<string[] | undefined> =>
    (await whosIn(person, date)).data?.whosIn.map((entry) => entry.colleague.displayName);
  const count = async (table: string): Promise<number> =>
    (await test.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    const rows = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
    people = Object.fromEntries(rows.map((row) => [row.display_name, row.id]));
    people['Neu im Amt'] = await addOtherOrganisationPerson(test, 'Neu im Amt');
    const offices = await test.sql<{ id: string; name: string }>('SELECT id, name FROM offices');
    erlangen = offices.find((office) => office.name === 'Co-Working Erlangen Hauptbahnhof')?.id ?? '';
    bamberg = offices.find((office) => office.name === 'Satellitenbüro Bamberg')?.id ?? '';
    desks = await test.sql<Desk>(
      'SELECT id, code, position_x AS x, position_y AS y, area_id FROM desks WHERE office_id = $1 ORDER BY code',
      [erlangen],
    );
  });

  afterAll(async () => {
    await test?.stop();
  });

  describe("who's in", () => {
    const day = nextOpenDay(3);

    beforeAll(async () => {
      await book('Mehmet Yılmaz', 'A-03', day); // TEAMS, lead of Geodaten
      await book('Wiebke Fischer', 'A-07', day, 'MORNING'); // ORGANISATION, in Geodaten
      await book('Vanessa Richter', 'A-01', day); // NOBODY (the default), in Geodaten
      await book('Thomas Becker', 'A-10', day); // NOBODY, IT.NRW
      await book('Anna Schmidt', 'A-05', day); // the one asking
    });

    it('lists the colleagues who allow it, with desk, area and part of the day, never the caller', async () => {
      const response = await whosIn('Anna Schmidt', day);
      expect(response.errors).toBeUndefined();
      expect(response.data?.whosIn).toEqual([
        {
          colleague: { id: as('Mehmet Yılmaz'), displayName: 'Mehmet Yılmaz', favourite: false },
          part: 'FULL_DAY',
          deskId: desk('A-03').id,
          deskCode: 'A-03',
          areaId: desk('A-03').area_id,
          areaName: 'Offene Fläche',
        },
        {
          colleague: { id: as('Wiebke Fischer'), displayName: 'Wiebke Fischer', favourite: false },
          part: 'MORNING',
          deskId: desk('A-07').id,
          deskCode: 'A-07',
          areaId: desk('A-07').area_id,
          areaName: 'Offene Fläche',
        },
      ]);
    });

    it('follows each visibility: TEAMS for team mates, ORGANISATION for the organisation, nobody else', async () => {
      // Someone of LDBV outside the team: Wiebke (ORGANISATION), not Mehmet (TEAMS only).
      expect(await namesIn('Neu im Amt', day)).toEqual(['Wiebke Fischer']);
      // Stadt Fürth may book Erlangen but shares no team or organisation with any of them.
      expect(await namesIn('Jürgen Köhler', day)).toEqual([]);
      // Vanessa (NOBODY) sees the others, but nobody sees her.
      expect(await namesIn('Vanessa Richter', day)).toEqual(['Mehmet Yılmaz', 'Wiebke Fischer']);
    });

    it('drops a colleague at once when they choose NOBODY, and shows them again when they allow it', async () => {
      await graphql(url, PROFILE, { i: { visibility: 'NOBODY' } }, as('Mehmet Yılmaz'));
      expect(await namesIn('Anna Schmidt', day)).toEqual(['Wiebke Fischer']);
      await graphql(url, PROFILE, { i: { visibility: 'TEAMS' } }, as('Mehmet Yılmaz'));
      expect(await namesIn('Anna Schmidt', day)).toEqual(['Mehmet Yılmaz', 'Wiebke Fischer']);
    });

    it('keeps no record of who was there: a past date gives an empty list', async () => {
      const past = daysFromToday(-7);
      const response = await whosIn('Anna Schmidt', past);
      expect(response.errors).toBeUndefined();
      expect(response.data?.whosIn).toEqual([]);
    });

    it('refuses an office not open to the caller and a date that is none, with their codes', async () => {
      expect(errorCode(await whosIn('Jürgen Köhler', day, bamberg))).toBe('OFFICE_NOT_FOUND');
      expect(errorCode(await whosIn('Anna Schmidt', '2027-02-30'))).toBe('INVALID_DATE');
      expect(errorCode(await whosIn('Anna Schmidt', day, '00000000-0000-4000-8000-000000000000'))).toBe(
        'OFFICE_NOT_FOUND',
      );
    });

    it('gives no person-level field beyond name and seat: no e-mail, visibility, status or check-in', async () => {
      const response = await graphql(
        url,
        `
          query ($o: ID!, $d: String!) {
            whosIn(officeId: $o, date: $d) {
              colleague {
                email
              }
            }
          }
        `,
        { o: erlangen, d: day },
        as('Anna Schmidt'),
      );
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      for (const field of ['status', 'checkedInAt', 'visibility']) {
        const asked = await graphql(
          url,
          `query($o: ID!, $d: String!) { whosIn(officeId: $o, date: $d) { ${field} } }`,
          { o: erlangen, d: day },
          as('Anna Schmidt'),
        );
        expect(errorCode(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });
  });

  describe('favourite colleagues', () => {
    const day = nextOpenDay(4);

    it('finds only colleagues who allow it, by part of the name, and asks for two letters', async () => {
      const found = await graphql<{ colleagueSearch: { displayName: string }[] }>(
        url,
        SEARCH,
        { q: 'IE' },
        as('Anna Schmidt'),
      );
      // Of the Geodaten colleagues who share with their team, only "Wiebke" holds "ie" (any case).
      expect(found.data?.colleagueSearch.map((person) => person.displayName)).toEqual(['Wiebke Fischer']);
      const lower = await graphql<{ colleagueSearch: { displayName: string }[] }>(
        url,
        SEARCH,
        { q: 'u' },
        as('Anna Schmidt'),
      );
      expect(errorCode(lower)).toBe('SEARCH_TOO_SHORT');
      const wildcard = await graphql<{ colleagueSearch: unknown[] }>(url, SEARCH, { q: '%%' }, as('Anna Schmidt'));
      expect(wildcard.data?.colleagueSearch).toEqual([]);
      const vanessa = await graphql<{ colleagueSearch: unknown[] }>(url, SEARCH, { q: 'Vanessa' }, as('Anna Schmidt'));
      expect(vanessa.data?.colleagueSearch).toEqual([]);
    });

    it('marks a colleague who allows it, lists where they are in over two weeks, and puts them first', async () => {
      await book('Wiebke Fischer', 'A-02', day);
      await book('Mehmet Yılmaz', 'A-09', day);
      const added = await graphql(url, ADD_COLLEAGUE, { c: as('Wiebke Fischer') }, as('Anna Schmidt'));
      expect(added.data).toEqual({
        addFavouriteColleague: { id: as('Wiebke Fischer'), displayName: 'Wiebke Fischer', favourite: true },
      });
      // Again: no change, no error.
      expect(
        (await graphql(url, ADD_COLLEAGUE, { c: as('Wiebke Fischer') }, as('Anna Schmidt'))).errors,
      ).toBeUndefined();

      const listed = await graphql<{ myFavouriteColleagues: unknown[] }>(
        url,
        FAVOURITE_COLLEAGUES,
        {},
        as('Anna Schmidt'),
      );
      expect(listed.data?.myFavouriteColleagues).toEqual([
        {
          id: as('Wiebke Fischer'),
          displayName: 'Wiebke Fischer',
          visible: true,
          upcoming: expect.arrayContaining([
            {
              date: day,
              part: 'FULL_DAY',
              officeId: erlangen,
              officeName: 'Co-Working Erlangen Hauptbahnhof',
              deskId: desk('A-02').id,
              deskCode: 'A-02',
              areaName: 'Offene Fläche',
            },
          ]),
        },
      ]);
      expect((await whosIn('Anna Schmidt', day)).data?.whosIn.map((entry) => entry.colleague)).toEqual([
        { id: as('Wiebke Fischer'), displayName: 'Wiebke Fischer', favourite: true },
        { id: as('Mehmet Yılmaz'), displayName: 'Mehmet Yılmaz', favourite: false },
      ]);
    });

    it('refuses someone who does not allow it exactly like someone who does not exist, and writes nothing', async () => {
      const before = await count('favourite_colleagues');
      for (const target of [as('Vanessa Richter'), as('Anna Schmidt'), '00000000-0000-4000-8000-000000000000']) {
        const refused = await graphql(url, ADD_COLLEAGUE, { c: target }, as('Anna Schmidt'));
        expect(errorCode(refused)).toBe('COLLEAGUE_NOT_FOUND');
        expect(refused.errors?.[0]?.message).toBe('There is no colleague by that id who shares when they are in.');
      }
      expect(errorCode(await graphql(url, ADD_COLLEAGUE, { c: 'not-an-id' }, as('Anna Schmidt')))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await count('favourite_colleagues')).toBe(before);
    });

    it('keeps a favourite who stops sharing, but shows nothing of their days, and removes them on request', async () => {
      await graphql(url, PROFILE, { i: { visibility: 'NOBODY' } }, as('Wiebke Fischer'));
      const hidden = await graphql<{ myFavouriteColleagues: { visible: boolean; upcoming: unknown[] }[] }>(
        url,
        FAVOURITE_COLLEAGUES,
        {},
        as('Anna Schmidt'),
      );
      expect(hidden.data?.myFavouriteColleagues).toEqual([
        { id: as('Wiebke Fischer'), displayName: 'Wiebke Fischer', visible: false, upcoming: [] },
      ]);
      await graphql(url, PROFILE, { i: { visibility: 'ORGANISATION' } }, as('Wiebke Fischer'));
      const removed = await graphql(url, REMOVE_COLLEAGUE, { c: as('Wiebke Fischer') }, as('Anna Schmidt'));
      expect(removed.data).toEqual({ removeFavouriteColleague: true });
      const again = await graphql(url, REMOVE_COLLEAGUE, { c: as('Wiebke Fischer') }, as('Anna Schmidt'));
      expect(again.data).toEqual({ removeFavouriteColleague: false });
    });
  });

  describe('favourite desks', () => {
    it('marks a desk of an office open to the caller, lists it, and removes it', async () => {
      const added = await graphql(url, ADD_DESK, { d: desk('A-04').id }, as('Jürgen Köhler'));
      expect(added.data).toEqual({
        addFavouriteDesk: {
          deskId: desk('A-04').id,
          code: 'A-04',
          areaName: 'Offene Fläche',
          officeName: 'Co-Working Erlangen Hauptbahnhof',
          blocked: false,
        },
      });
      expect((await graphql(url, ADD_DESK, { d: desk('A-04').id }, as('Jürgen Köhler'))).errors).toBeUndefined();
      const listed = await graphql(url, FAVOURITE_DESKS, {}, as('Jürgen Köhler'));
      expect(listed.data).toEqual({
        myFavouriteDesks: [
          { deskId: desk('A-04').id, code: 'A-04', officeName: 'Co-Working Erlangen Hauptbahnhof', blocked: false },
        ],
      });
      // Only the person's own: nobody else sees them.
      expect((await graphql(url, FAVOURITE_DESKS, {}, as('Anna Schmidt'))).data).toEqual({ myFavouriteDesks: [] });
      expect((await graphql(url, REMOVE_DESK, { d: desk('A-04').id }, as('Jürgen Köhler'))).data).toEqual({
        removeFavouriteDesk: true,
      });
      expect((await graphql(url, FAVOURITE_DESKS, {}, as('Jürgen Köhler'))).data).toEqual({ myFavouriteDesks: [] });
    });

    it('refuses a desk of an office not open to the caller as not found, writing nothing', async () => {
      const [bambergDesk] = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 LIMIT 1', [
        bamberg,
      ]);
      const before = await count('favourite_desks');
      const refused = await graphql(url, ADD_DESK, { d: bambergDesk?.id }, as('Jürgen Köhler'));
      expect(errorCode(refused)).toBe('DESK_NOT_FOUND');
      expect(await count('favourite_desks')).toBe(before);
    });
  });

  describe('booking next to a colleague', () => {
    const day = nextOpenDay(5);
    const distance = (a: Desk, b: Desk): number => Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0));

    it('books the free desk nearest to the colleague, and tells everyone watching the office live', async () => {
      await book('Mehmet Yılmaz', 'A-03', day);
      await book('Uwe Krause', 'A-02', day);
      const client = wsClient(url, as('Thomas Becker'));
      const recorder = new EventRecorder<{ code: string; free: boolean }>().subscribe(
        client,
        `subscription($o: ID!, $d: String!) {
          deskAvailabilityChanged(officeId: $o, date: $d, part: FULL_DAY) { code free }
        }`,
        { o: erlangen, d: day },
        (data: { deskAvailabilityChanged: { code: string; free: boolean } }) => data.deskAvailabilityChanged,
      );
      // Let the subscription start before the change it is to see.
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        const booked = await graphql<{ bookNextTo: { deskCode: string; part: string; date: string } }>(
          url,
          BOOK_NEXT_TO,
          { i: { colleagueId: as('Mehmet Yılmaz'), date: day, part: 'FULL_DAY' } },
          as('Anna Schmidt'),
        );
        expect(booked.errors).toBeUndefined();
        const chosen = desk(booked.data?.bookNextTo.deskCode ?? '');
        expect(booked.data?.bookNextTo).toMatchObject({ date: day, part: 'FULL_DAY' });
        // No other desk that was free lies nearer to Mehmet's on the floor plan.
        const taken = new Set(['A-03', 'A-02', chosen.code]);
        const nearest = Math.min(
          ...desks.filter((other) => !taken.has(other.code)).map((other) => distance(other, desk('A-03'))),
        );
        expect(distance(chosen, desk('A-03'))).toBeLessThanOrEqual(nearest);
        expect(chosen.area_id).toBe(desk('A-03').area_id);
        await recorder.waitFor(1, 10_000);
        expect(recorder.errors).toEqual([]);
        expect(recorder.events).toEqual([{ code: chosen.code, free: false }]);
      } finally {
        recorder.stop();
        await client.dispose();
      }
    });

    it("sits next to the colleague's desk of the part of the day asked for when they hold two", async () => {
      const split = nextOpenDay(8);
      await book('Mehmet Yılmaz', 'A-01', split, 'MORNING');
      await book('Mehmet Yılmaz', 'A-10', split, 'AFTERNOON');
      const morning = await graphql<{ bookNextTo: { deskCode: string } }>(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Mehmet Yılmaz'), date: split, part: 'MORNING' } },
        as('Uwe Krause'),
      );
      const afternoon = await graphql<{ bookNextTo: { deskCode: string } }>(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Mehmet Yılmaz'), date: split, part: 'AFTERNOON' } },
        as('Ulrike Neumann'),
      );
      const near = (code: string | undefined, to: string): boolean =>
        code !== undefined &&
        distance(desk(code), desk(to)) < distance(desk(code), desk(to === 'A-01' ? 'A-10' : 'A-01'));
      expect(near(morning.data?.bookNextTo.deskCode, 'A-01')).toBe(true);
      expect(near(afternoon.data?.bookNextTo.deskCode, 'A-10')).toBe(true);
    });

    it('applies every booking rule: a second desk the same day is refused and nothing is written', async () => {
      const before = await count('bookings');
      const refused = await graphql(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Mehmet Yılmaz'), date: day, part: 'MORNING' } },
        as('Anna Schmidt'),
      );
      expect(errorCode(refused)).toBe('PERSON_ALREADY_BOOKED');
      expect(await count('bookings')).toBe(before);
    });

    it('refuses colleagues who do not allow it, who are not in, and a full office, with typed codes', async () => {
      const before = await count('bookings');
      await book('Vanessa Richter', 'A-08', nextOpenDay(6));
      const hidden = await graphql(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Vanessa Richter'), date: nextOpenDay(6), part: 'FULL_DAY' } },
        as('Anna Schmidt'),
      );
      expect(errorCode(hidden)).toBe('COLLEAGUE_NOT_FOUND');
      const notIn = await graphql(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Mehmet Yılmaz'), date: nextOpenDay(6), part: 'FULL_DAY' } },
        as('Anna Schmidt'),
      );
      expect(errorCode(notIn)).toBe('COLLEAGUE_NOT_IN');
      expect(notIn.errors?.[0]?.extensions?.['messages']).toMatchObject({
        de: expect.stringContaining('Mehmet Yılmaz'),
      });
      expect(await count('bookings')).toBe(before + 1);

      // Every other desk of Erlangen taken on day 7: nothing left next to Mehmet.
      const full = nextOpenDay(7);
      await book('Mehmet Yılmaz', 'A-01', full);
      const others = ['Sabine Wagner', 'Ulrike Neumann', 'Uwe Krause', 'Viktor Lang', 'Wiebke Fischer'];
      const more = ['Yasemin Arslan', 'Vanessa Richter', 'Jürgen Köhler', 'Lena Hoffmann'];
      for (const [index, person] of [...others, ...more].entries()) {
        await book(person, `A-${String(index + 2).padStart(2, '0')}`, full);
      }
      const beforeFull = await count('bookings');
      const none = await graphql(
        url,
        BOOK_NEXT_TO,
        { i: { colleagueId: as('Mehmet Yılmaz'), date: full, part: 'MORNING' } },
        as('Anna Schmidt'),
      );
      expect(errorCode(none)).toBe('NO_FREE_DESK');
      expect(await count('bookings')).toBe(beforeFull);
    });
  });
});
