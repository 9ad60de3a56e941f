import { addOffice, addOtherOrganisationPerson, addPeople, nextOpenDay, type TestOffice } from './support/fixtures.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const SEARCH = `query Search($o: ID!, $d: String!, $p: DayPart!, $f: DeskFilter) {
  deskAvailability(officeId: $o, date: $d, part: $p, filter: $f) { code areaId areaName accessible equipment free }
}`;

interface SearchEntry {
  code: string;
  areaId: string;
  areaName: string;
  accessible: boolean;
  equipment: string[];
  free: boolean;
}

describe.each(DATABASE_KINDS)('desk search with filters on %s', (kind) => {
  let test: TestApi;
  let office: TestOffice;
  let person: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    office = await addOffice(test, {
      name: `Suchbüro ${kind}`,
      desks: [
        { code: 'A-01', area: 'Etage 1', accessible: true, equipment: ['MONITOR', 'DOCKING_STATION'] },
        { code: 'A-02', area: 'Etage 1', equipment: ['MONITOR'] },
        { code: 'B-01', area: 'Etage 2', equipment: ['MONITOR', 'DOCKING_STATION', 'HEIGHT_ADJUSTABLE'] },
        { code: 'B-02', area: 'Etage 2', accessible: true, equipment: ['DOCUMENT_CAMERA'] },
      ],
    });
    [person] = (await addPeople(test, 1, `Suche ${kind}`)) as [string];
  });

  afterAll(async () => {
    await test?.stop();
  });

  async function search(filter?: Record<string, unknown>): Promise<SearchEntry[]> {
    const response = await graphql<{ deskAvailability: SearchEntry[] }>(
      test.api.url,
      SEARCH,
      { o: office.officeId, d: nextOpenDay(2), p: 'MORNING', ...(filter === undefined ? {} : { f: filter }) },
      person,
    );
    expect(response.errors).toBeUndefined();
    return response.data?.deskAvailability ?? [];
  }

  const codes = async (filter?: Record<string, unknown>): Promise<string[]> =>
    (await search(filter)).map((desk) => desk.code);

  it('without a filter (or an empty one) lists every desk, each with its area id', async () => {
    const desks = await search();
    expect(desks.map((desk) => desk.code)).toEqual(['A-01', 'A-02', 'B-01', 'B-02']);
    expect(desks.map((desk) => desk.areaId)).toEqual([
      office.areaIds.get('Etage 1'),
      office.areaIds.get('Etage 1'),
      office.areaIds.get('Etage 2'),
      office.areaIds.get('Etage 2'),
    ]);
    expect(await codes({})).toEqual(['A-01', 'A-02', 'B-01', 'B-02']);
    expect(await codes({ equipment: null, accessible: null, areaId: null })).toEqual(['A-01', 'A-02', 'B-01', 'B-02']);
  });

  it('equipment: a desk must have ALL the items listed', async () => {
    expect(await codes({ equipment: ['MONITOR'] })).toEqual(['A-01', 'A-02', 'B-01']);
    expect(await codes({ equipment: ['MONITOR', 'DOCKING_STATION'] })).toEqual(['A-01', 'B-01']);
    expect(await codes({ equipment: ['DOCKING_STATION', 'HEIGHT_ADJUSTABLE', 'MONITOR'] })).toEqual(['B-01']);
    expect(await codes({ equipment: ['MONITOR', 'DOCUMENT_CAMERA'] })).toEqual([]);
    expect(await codes({ equipment: [] })).toEqual(['A-01', 'A-02', 'B-01', 'B-02']);
  });

  it('accessible: true gives the accessible desks, false the others', async () => {
    expect(await codes({ accessible: true })).toEqual(['A-01', 'B-02']);
    expect(await codes({ accessible: false })).toEqual(['A-02', 'B-01']);
  });

  it('areaId: only the desks of that area; filters combine', async () => {
    expect(await codes({ areaId: office.areaIds.get('Etage 2') })).toEqual(['B-01', 'B-02']);
    expect(await codes({ areaId: office.areaIds.get('Etage 1'), accessible: false, equipment: ['MONITOR'] })).toEqual([
      'A-02',
    ]);
    expect(await codes({ areaId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('refuses a malformed filter as bad input', async () => {
    const response = await graphql(
      test.api.url,
      SEARCH,
      { o: office.officeId, d: nextOpenDay(2), p: 'MORNING', f: { areaId: 'not-a-uuid' } },
      person,
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('officeAreas: the areas in their order, for an office open to the caller only', async () => {
    const query = 'query($o: ID!) { officeAreas(officeId: $o) { id name } }';
    const own = await graphql<{ officeAreas: { id: string; name: string }[] }>(
      test.api.url,
      query,
      { o: office.officeId },
      person,
    );
    expect(own.data?.officeAreas).toEqual([
      { id: office.areaIds.get('Etage 1'), name: 'Etage 1' },
      { id: office.areaIds.get('Etage 2'), name: 'Etage 2' },
    ]);
    const stranger = await addOtherOrganisationPerson(test, `Fremd ${kind}`);
    const foreign = await graphql(test.api.url, query, { o: office.officeId }, stranger);
    expect(errorCode(foreign)).toBe('OFFICE_NOT_FOUND');
    expect(foreign.data ?? null).toBeNull();
    const unknown = await graphql(test.api.url, query, { o: '00000000-0000-4000-8000-000000000000' }, person);
    expect(errorCode(unknown)).toBe('OFFICE_NOT_FOUND');
  });

  it('deskEquipmentOptions: distinct values in use at the offices the caller sees, sorted', async () => {
    const query = '{ deskEquipmentOptions }';
    const own = await graphql<{ deskEquipmentOptions: string[] }>(test.api.url, query, {}, person);
    const options = own.data?.deskEquipmentOptions ?? [];
    expect(options).toEqual(
      expect.arrayContaining(['DOCKING_STATION', 'DOCUMENT_CAMERA', 'HEIGHT_ADJUSTABLE', 'MONITOR']),
    );
    expect(options).toEqual([...new Set(options)].sort());
    // The other organisation does not see this office, so not its document camera either.
    const stranger = await addOtherOrganisationPerson(test, `Fremd 2 ${kind}`);
    const foreign = await graphql<{ deskEquipmentOptions: string[] }>(test.api.url, query, {}, stranger);
    expect(foreign.data?.deskEquipmentOptions).not.toContain('DOCUMENT_CAMERA');
    expect(errorCode(await graphql(test.api.url, query))).toBe('UNAUTHENTICATED');
  });
});
