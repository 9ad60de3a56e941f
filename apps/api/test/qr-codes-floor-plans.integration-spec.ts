import { addPeople } from './support/fixtures.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const QR_CODES = 'query($a: ID!) { deskQrCodes(areaId: $a) { deskId code checkInUrl svg } }';
const AREAS = 'query($o: ID!) { officeAreas(officeId: $o) { id name floorPlanSvg } }';
const AVAILABILITY = `query($o: ID!, $d: String!) {
  deskAvailability(officeId: $o, date: $d, part: MORNING) { code areaName positionX positionY }
}`;
const PUBLIC_URL = 'https://nahbar.example.de';

interface QrCode {
  deskId: string;
  code: string;
  checkInUrl: string;
  svg: string;
}

describe.each(DATABASE_KINDS)('QR codes and floor plans on %s', (kind) => {
  let test: TestApi;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    test = await startTestApi(kind, { NAHBAR_PUBLIC_URL: `${PUBLIC_URL}/` });
    for (const name of ['Sabine Wagner', 'Anna Schmidt', 'Lena Hoffmann', 'Thomas Becker']) {
      const [row] = await test.sql<{ id: string }>('SELECT id FROM people WHERE display_name = $1', [name]);
      ids.set(name, row?.id ?? '');
    }
    for (const name of ['Co-Working Erlangen Hauptbahnhof', 'Satellitenbüro Fürth Rathaus', 'Satellitenbüro Bamberg']) {
      const [row] = await test.sql<{ id: string }>('SELECT id FROM offices WHERE name = $1', [name]);
      ids.set(name, row?.id ?? '');
    }
  });

  afterAll(async () => {
    await test?.stop();
  });

  async function areaId(office: string, area: string): Promise<string> {
    const [row] = await test.sql<{ id: string }>('SELECT id FROM areas WHERE office_id = $1 AND name = $2', [
      ids.get(office),
      area,
    ]);
    if (!row) throw new Error(`area ${area} missing`);
    return row.id;
  }

  it('gives the facility manager and the operator’s admins a QR code per desk that encodes its check-in link', async () => {
    const area = await areaId('Co-Working Erlangen Hauptbahnhof', 'Offene Fläche');
    const tokens = await test.sql<{ id: string; code: string; check_in_token: string }>(
      'SELECT id, code, check_in_token FROM desks WHERE area_id = $1 ORDER BY code',
      [area],
    );
    for (const person of ['Sabine Wagner', 'Anna Schmidt']) {
      const response = await graphql<{ deskQrCodes: QrCode[] }>(test.api.url, QR_CODES, { a: area }, ids.get(person));
      expect(response.errors).toBeUndefined();
      const codes = response.data?.deskQrCodes ?? [];
      expect(codes.map((code) => [code.deskId, code.code, code.checkInUrl])).toEqual(
        tokens.map((desk) => [desk.id, desk.code, `${PUBLIC_URL}/einchecken/${desk.check_in_token}`]),
      );
      expect(codes).toHaveLength(10);
      for (const code of codes) {
        expect(code.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(code.svg.trim()).toMatch(/<\/svg>$/);
        expect(code.svg).toContain('<path');
      }
      // Different links give different codes.
      expect(new Set(codes.map((code) => code.svg)).size).toBe(codes.length);
    }
  });

  it('refuses the QR codes to everyone else', async () => {
    const area = await areaId('Co-Working Erlangen Hauptbahnhof', 'Offene Fläche');
    const [staff] = await addPeople(test, 1, `QR Staff ${kind}`);
    expect(errorCode(await graphql(test.api.url, QR_CODES, { a: area }, staff))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(test.api.url, QR_CODES, { a: area }))).toBe('UNAUTHENTICATED');
    // Facility manager of another office, which sees Erlangen (shared with Fürth).
    expect(errorCode(await graphql(test.api.url, QR_CODES, { a: area }, ids.get('Lena Hoffmann')))).toBe('FORBIDDEN');
    // An admin of another organisation, to which Bamberg is not open.
    const bamberg = await areaId('Satellitenbüro Bamberg', 'Ruhezone');
    const hidden = await graphql(test.api.url, QR_CODES, { a: bamberg }, ids.get('Thomas Becker'));
    expect(errorCode(hidden)).toBe('OFFICE_NOT_FOUND');
    expect(hidden.data ?? null).toBeNull();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await graphql(test.api.url, QR_CODES, { a: unknown }, ids.get('Sabine Wagner')))).toBe(
      'OFFICE_NOT_FOUND',
    );
  });

  it('serves the demo floor plans with the areas and the desk positions with the availability', async () => {
    const viewer = ids.get('Anna Schmidt');
    const erlangen = await graphql<{ officeAreas: { name: string; floorPlanSvg: string | null }[] }>(
      test.api.url,
      AREAS,
      { o: ids.get('Co-Working Erlangen Hauptbahnhof') },
      viewer,
    );
    expect(erlangen.errors).toBeUndefined();
    const [plan] = erlangen.data?.officeAreas ?? [];
    expect(plan?.name).toBe('Offene Fläche');
    expect(plan?.floorPlanSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]*role="img"/);
    expect(plan?.floorPlanSvg).toContain('<title');
    expect(plan?.floorPlanSvg).toContain('Besprechungsraum');
    expect(plan?.floorPlanSvg?.toLowerCase()).not.toContain('<script');

    const fuerth = await graphql<{ officeAreas: { name: string; floorPlanSvg: string | null }[] }>(
      test.api.url,
      AREAS,
      { o: ids.get('Satellitenbüro Fürth Rathaus') },
      viewer,
    );
    expect(fuerth.data?.officeAreas.map((area) => [area.name, area.floorPlanSvg?.startsWith('<svg') ?? null])).toEqual([
      ['Erdgeschoss', true],
      ['1. Obergeschoss', null],
    ]);

    const date = '2030-01-07';
    const desks = await graphql<{
      deskAvailability: { code: string; areaName: string; positionX: number | null; positionY: number | null }[];
    }>(test.api.url, AVAILABILITY, { o: ids.get('Co-Working Erlangen Hauptbahnhof'), d: date }, viewer);
    expect(desks.errors).toBeUndefined();
    const placed = desks.data?.deskAvailability ?? [];
    expect(placed).toHaveLength(10);
    expect(placed[0]).toEqual({ code: 'A-01', areaName: 'Offene Fläche', positionX: 0.1, positionY: 0.35 });
    for (const desk of placed) {
      expect(desk.positionX).toBeGreaterThanOrEqual(0);
      expect(desk.positionX).toBeLessThanOrEqual(1);
      expect(desk.positionY).toBeGreaterThanOrEqual(0);
      expect(desk.positionY).toBeLessThanOrEqual(1);
    }
    expect(new Set(placed.map((desk) => `${desk.positionX}/${desk.positionY}`)).size).toBe(10);

    const fuerthDesks = await graphql<{
      deskAvailability: { code: string; positionX: number | null; positionY: number | null }[];
    }>(test.api.url, AVAILABILITY, { o: ids.get('Satellitenbüro Fürth Rathaus'), d: date }, viewer);
    const byCode = new Map((fuerthDesks.data?.deskAvailability ?? []).map((desk) => [desk.code, desk]));
    expect(byCode.get('E-03')).toMatchObject({ code: 'E-03', positionX: 0.5, positionY: 0.35 });
    expect(byCode.get('O-01')).toMatchObject({ code: 'O-01', positionX: null, positionY: null });
  });

  it('keeps scripts out of floor plans and positions on the plan', async () => {
    const area = await areaId('Satellitenbüro Fürth Rathaus', '1. Obergeschoss');
    const setPlan = (svg: string) => test.sql('UPDATE areas SET floor_plan_svg = $2 WHERE id = $1', [area, svg]);
    await expect(setPlan('<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>')).rejects.toThrow();
    await expect(setPlan('<div>kein SVG</div>')).rejects.toThrow();
    await setPlan('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Plan</title></svg>');
    const [desk] = await test.sql<{ id: string }>('SELECT id FROM desks WHERE area_id = $1 LIMIT 1', [area]);
    const place = (x: number | null, y: number | null) =>
      test.sql('UPDATE desks SET position_x = $2, position_y = $3 WHERE id = $1', [desk?.id, x, y]);
    await expect(place(0.5, null)).rejects.toThrow();
    await expect(place(1.2, 0.5)).rejects.toThrow();
    await expect(place(0.5, -0.1)).rejects.toThrow();
    await place(0, 1);
    await place(null, null);
  });
});
