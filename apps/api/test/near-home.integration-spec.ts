import { distanceKm, roundKm } from '@nahbar/domain';

import { loadPostalCodes } from '../src/near-home/postal-codes.loader.js';
import { errorCode, graphql, type GraphqlResponse } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const NEAR = `query($r: Int) { officesNearHome(radiusKm: $r) { distanceKm latitude longitude office { name municipality { name } } } }`;
const UPDATE = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { homePostalCode } }';
const PLACE = 'query($c: String!) { postalCodePlace(code: $c) { code place land latitude longitude } }';
const MAP = '{ mapConfiguration { tileUrl attribution } }';

interface Near {
  officesNearHome: { distanceKm: number; latitude: number; longitude: number; office: { name: string } }[];
}

const names = (response: GraphqlResponse<Near>): string[] | undefined =>
  response.data?.officesNearHome.map((entry) => entry.office.name);

/** 91052 Erlangen in the postal-code data (one row). */
const ERLANGEN_91052 = { latitude: 49.5888, longitude: 11.0098 };

describe.each(DATABASE_KINDS)('offices near home on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let people: Record<string, string>;
  const as = (name: string): string => people[name] ?? '';

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    const rows = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
    people = Object.fromEntries(rows.map((row) => [row.display_name, row.id]));
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('loaded one point per postal code at start, and loading again adds nothing', async () => {
    const [row] = await test.sql<{ count: number }>('SELECT count(*)::int AS count FROM postal_codes');
    expect(row?.count).toBe(10_814);
    expect(await loadPostalCodes(test.api.database.dataSource)).toBe(0);
    const [jungholz] = await test.sql<{ land: string }>(`SELECT land FROM postal_codes WHERE code = '87491'`);
    expect(jungholz?.land).toBe('BY');
  });

  it('asks for the home postal code first: HOME_POSTAL_CODE_MISSING with a German message', async () => {
    const response = await graphql<Near>(url, NEAR, {}, as('Mehmet Yılmaz'));
    expect(errorCode(response)).toBe('HOME_POSTAL_CODE_MISSING');
    expect(response.errors?.[0]?.extensions?.['messages']).toMatchObject({ de: expect.stringContaining('Profil') });
  });

  it('refuses a postal code that is no German one and changes nothing', async () => {
    const person = as('Sabine Wagner');
    expect((await graphql(url, UPDATE, { i: { homePostalCode: '90762' } }, person)).errors).toBeUndefined();
    for (const code of ['00000', '99999', '62000']) {
      const refused = await graphql(url, UPDATE, { i: { homePostalCode: code, visibility: 'TEAMS' } }, person);
      expect(errorCode(refused)).toBe('INVALID_POSTAL_CODE');
      expect(refused.errors?.[0]?.extensions?.['messages']).toEqual({
        de: `${code} ist keine deutsche Postleitzahl. Bitte prüfen Sie die fünf Ziffern.`,
        en: `${code} is not a German postal code. Please check the five digits.`,
      });
    }
    const [row] = await test.sql<{ home_postal_code: string; visibility: string }>(
      'SELECT home_postal_code, visibility FROM people WHERE id = $1',
      [person],
    );
    expect(row).toEqual({ home_postal_code: '90762', visibility: 'NOBODY' });
    // A code of a company or authority is a German postal code too, and so is Jungholz's.
    expect((await graphql(url, UPDATE, { i: { homePostalCode: '87491' } }, person)).errors).toBeUndefined();
  });

  it('ranks the offices open to the person by straight-line distance, rounded to 0.1 km', async () => {
    const person = as('Mehmet Yılmaz');
    await graphql(url, UPDATE, { i: { homePostalCode: '91052' } }, person);
    const response = await graphql<Near>(url, NEAR, {}, person);
    expect(response.errors).toBeUndefined();
    // LDBV runs Erlangen and Bamberg; Fürth and Münster are shared with it; Bielefeld is not.
    expect(names(response)).toEqual([
      'Co-Working Erlangen Hauptbahnhof',
      'Satellitenbüro Fürth Rathaus',
      'Satellitenbüro Bamberg',
      'Satellitenbüro Münster',
    ]);
    for (const entry of response.data?.officesNearHome ?? []) {
      expect(entry.distanceKm).toBe(roundKm(distanceKm(ERLANGEN_91052, entry)));
      expect(Math.round(entry.distanceKm * 10)).toBeCloseTo(entry.distanceKm * 10, 9);
    }
    const distances = response.data?.officesNearHome.map((entry) => entry.distanceKm) ?? [];
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(2);
    expect(distances[3]).toBeGreaterThan(300);
  });

  it('keeps to the radius when one is given, and refuses one outside 1..500 km', async () => {
    const person = as('Mehmet Yılmaz');
    await graphql(url, UPDATE, { i: { homePostalCode: '91052' } }, person);
    expect(names(await graphql<Near>(url, NEAR, { r: 20 }, person))).toEqual([
      'Co-Working Erlangen Hauptbahnhof',
      'Satellitenbüro Fürth Rathaus',
    ]);
    expect(names(await graphql<Near>(url, NEAR, { r: 1 }, person))).toEqual(['Co-Working Erlangen Hauptbahnhof']);
    expect(names(await graphql<Near>(url, NEAR, { r: 500 }, person))).toHaveLength(4);
    for (const radius of [0, -5, 501]) {
      expect(errorCode(await graphql(url, NEAR, { r: radius }, person))).toBe('INVALID_RADIUS');
    }
    expect(errorCode(await graphql(url, NEAR, { r: 2.5 }, person))).toBe('BAD_USER_INPUT');
  });

  it("shows a person of another organisation only that organisation's offices", async () => {
    const person = as('Lena Hoffmann');
    await graphql(url, UPDATE, { i: { homePostalCode: '90762' } }, person);
    expect(names(await graphql<Near>(url, NEAR, {}, person))).toEqual([
      'Satellitenbüro Fürth Rathaus',
      'Co-Working Erlangen Hauptbahnhof',
    ]);
  });

  it('treats a stored postal code that the data does not know as missing', async () => {
    const person = as('Peter Schulz');
    await test.sql(`UPDATE people SET home_postal_code = '00000' WHERE id = $1`, [person]);
    expect(errorCode(await graphql(url, NEAR, {}, person))).toBe('HOME_POSTAL_CODE_MISSING');
  });

  it('names the place of a postal code, and null for none', async () => {
    const person = as('Mehmet Yılmaz');
    const jungholz = await graphql<{ postalCodePlace: unknown }>(url, PLACE, { c: '87491' }, person);
    expect(jungholz.data?.postalCodePlace).toEqual({
      code: '87491',
      place: 'Jungholz',
      land: 'BY',
      latitude: 47.5741,
      longitude: 10.4472,
    });
    for (const code of ['00000', '123', 'abcde']) {
      expect((await graphql<{ postalCodePlace: unknown }>(url, PLACE, { c: code }, person)).data).toEqual({
        postalCodePlace: null,
      });
    }
    expect(errorCode(await graphql(url, PLACE, { c: '91052' }))).toBe('UNAUTHENTICATED');
  });

  it("tells anyone the map's tile server: OpenStreetMap by default", async () => {
    const response = await graphql<{ mapConfiguration: { tileUrl: string; attribution: string } }>(url, MAP);
    expect(response.data?.mapConfiguration).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: expect.stringContaining('OpenStreetMap'),
    });
  });
});
