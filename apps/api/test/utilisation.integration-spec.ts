import { DEMO_PERSON_HEADER } from '../src/identity/demo-identity.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { addOffice, addOtherOrganisationPerson, addPeople, type TestOffice } from './support/fixtures.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const FIGURES = 'availableDeskDays bookedDeskDays utilisationRate dueBookings checkedIn checkInRate noShows noShowRate';
const UTILISATION = `query($o: ID!, $f: String!, $t: String!) {
  officeUtilisation(officeId: $o, from: $f, to: $t) {
    officeId officeName from to openDays figures { ${FIGURES} }
    areas { areaId areaName figures { ${FIGURES} } }
    weekdays { weekday openDays peak figures { ${FIGURES} } }
    peakWeekdays
  }
}`;
const OVERVIEW = `query($f: String!, $t: String!) {
  utilisationOverview(from: $f, to: $t) { from to offices { officeId officeName openDays peakWeekdays figures { ${FIGURES} } } figures { ${FIGURES} } }
}`;
const HEATMAP = `query($o: ID!, $f: String!, $t: String!) {
  deskHeatmap(officeId: $o, from: $f, to: $t) {
    officeId openDays areas { areaName floorPlanSvg desks { code blocked positionX positionY availableDeskDays bookedDeskDays utilisationRate } }
  }
}`;

interface Figures {
  availableDeskDays: number;
  bookedDeskDays: number;
  utilisationRate: number | null;
  dueBookings: number;
  checkedIn: number;
  checkInRate: number | null;
  noShows: number;
  noShowRate: number | null;
}

const figures = (
  availableDeskDays: number,
  bookedDeskDays: number,
  utilisationRate: number | null,
  dueBookings: number,
  checkedIn: number,
  checkInRate: number | null,
  noShows: number,
  noShowRate: number | null,
): Figures => ({
  availableDeskDays,
  bookedDeskDays,
  utilisationRate,
  dueBookings,
  checkedIn,
  checkInRate,
  noShows,
  noShowRate,
});

/**
 * A week in the past, by hand: Monday 29 September to Sunday 5 October 2025 at an office in Erlangen (Bayern) open
 * Monday to Friday. Friday 3 October is a public holiday (Tag der Deutschen Einheit), Wednesday 1 October a closure,
 * so the open days are Monday, Tuesday and Thursday: 3. Desks: on the ground floor, B-1 and B-2 (blocked)
 * upstairs, so 3 active desks and 9 available desk-days (ground floor 6, upstairs 3; 3 per open weekday).
 */
const FROM = '2025-09-29';
const TO = '2025-10-05';
const MONDAY = '2025-09-29';
const TUESDAY = '2025-09-30';
const CLOSED_WEDNESDAY = '2025-10-01';
const THURSDAY = '2025-10-02';
const HOLIDAY_FRIDAY = '2025-10-03';
const CLOSED_SATURDAY = '2025-10-04';
const NEXT_MONDAY = '2025-10-06';

describe.each(DATABASE_KINDS)('utilisation reports on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let office: TestOffice;
  let manager: string;
  let staff: string;
  let stranger: string;

  /** A booking as a fixture, with the timestamps its status requires. */
  async function booking(personId: string, deskId: string, date: string, part: string, status: string) {
    await test.sql(
      `INSERT INTO bookings (person_id, desk_id, date, part, status, checked_in_at, released_at, cancelled_at, created_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'CHECKED_IN' THEN $3::date + time '08:00' END,
               CASE WHEN $5 = 'RELEASED' THEN $3::date + time '10:00' END,
               CASE WHEN $5 = 'CANCELLED' THEN $3::date - 1 END, $3::date - 2)`,
      [personId, deskId, date, part, status],
    );
  }

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    office = await addOffice(test, {
      name: `Auslastungsbüro Fürth ${kind}`,
      openingWeekdays: [1, 2, 3, 4, 5],
      desks: [
        { code: 'A-1', area: 'Erdgeschoss' },
        { code: 'A-2', area: 'Erdgeschoss' },
        { code: 'B-1', area: 'Obergeschoss Süd' },
        { code: 'B-2', area: 'Obergeschoss Süd' },
      ],
    });
    const [a1, a2, b1, b2] = office.deskIds as [string, string, string, string];
    [manager = '', staff = ''] = await addPeople(test, 2, `Auswertung ${kind}`);
    await test.sql(`INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`, [
      manager,
      office.officeId,
    ]);
    stranger = await addOtherOrganisationPerson(test, `Fremd Auswertung ${kind}`);
    await test.sql(`UPDATE desks SET active = false, blocked_reason = 'Defekt' WHERE id = $1`, [b2]);
    await test.sql(`UPDATE desks SET position_x = 0.25, position_y = 0.5 WHERE id = $1`, [a1]);
    await test.sql(`INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $2, 'Umzug')`, [
      office.officeId,
      CLOSED_WEDNESDAY,
    ]);
    const people = await addPeople(test, 12, `Gebucht ${kind}`);
    const person = (index: number): string => people[index] ?? '';
    // Counted: halves of desk-days booked 2 + 1 + 1 + 1 + 1 = 6 (3 desk-days); due 6, checked in 4, no-show 1.
    await booking(person(0), a1, MONDAY, 'FULL_DAY', 'CHECKED_IN');
    await booking(person(1), a2, MONDAY, 'MORNING', 'BOOKED'); // due, never checked in nor released
    await booking(person(2), a2, MONDAY, 'AFTERNOON', 'CHECKED_IN');
    await booking(person(3), b1, TUESDAY, 'FULL_DAY', 'RELEASED'); // the no-show: due, not booked
    await booking(person(4), b1, TUESDAY, 'MORNING', 'CHECKED_IN'); // the freed desk, taken again
    await booking(person(5), a1, THURSDAY, 'AFTERNOON', 'CHECKED_IN');
    // Not counted: a closure, a holiday, a closed weekday, a blocked desk, a cancellation, a day after the range.
    await booking(person(6), a1, CLOSED_WEDNESDAY, 'FULL_DAY', 'BOOKED');
    await booking(person(7), a2, HOLIDAY_FRIDAY, 'FULL_DAY', 'CHECKED_IN');
    await booking(person(11), a2, CLOSED_SATURDAY, 'FULL_DAY', 'CHECKED_IN');
    await booking(person(8), b2, MONDAY, 'FULL_DAY', 'CHECKED_IN');
    await booking(person(9), a2, THURSDAY, 'FULL_DAY', 'CANCELLED');
    await booking(person(10), a1, NEXT_MONDAY, 'FULL_DAY', 'CHECKED_IN');
  });

  afterAll(async () => {
    await test?.stop();
  });

  const utilisation = (personId: string | undefined, from = FROM, to = TO) =>
    graphql<{ officeUtilisation: Record<string, unknown> }>(
      url,
      UTILISATION,
      { o: office.officeId, f: from, t: to },
      personId,
    );

  it('counts open days, desk-days, check-ins and no-shows by hand: in total, per area and per weekday', async () => {
    const response = await utilisation(manager);
    expect(response.errors).toBeUndefined();
    expect(response.data?.officeUtilisation).toEqual({
      officeId: office.officeId,
      officeName: `Auslastungsbüro Fürth ${kind}`,
      from: FROM,
      to: TO,
      openDays: 3,
      figures: figures(9, 3, 0.333, 6, 4, 0.667, 1, 0.167),
      areas: [
        {
          areaId: office.areaIds.get('Erdgeschoss'),
          areaName: 'Erdgeschoss',
          figures: figures(6, 2.5, 0.417, 4, 3, 0.75, 0, 0),
        },
        {
          areaId: office.areaIds.get('Obergeschoss Süd'),
          areaName: 'Obergeschoss Süd',
          figures: figures(3, 0.5, 0.167, 2, 1, 0.5, 1, 0.5),
        },
      ],
      weekdays: [
        { weekday: 1, openDays: 1, peak: true, figures: figures(3, 2, 0.667, 3, 2, 0.667, 0, 0) },
        { weekday: 2, openDays: 1, peak: false, figures: figures(3, 0.5, 0.167, 2, 1, 0.5, 1, 0.5) },
        { weekday: 3, openDays: 0, peak: false, figures: figures(0, 0, null, 0, 0, null, 0, null) },
        { weekday: 4, openDays: 1, peak: false, figures: figures(3, 0.5, 0.167, 1, 1, 1, 0, 0) },
        { weekday: 5, openDays: 0, peak: false, figures: figures(0, 0, null, 0, 0, null, 0, null) },
      ],
      peakWeekdays: [1],
    });
  });

  it('counts a booking as due only once the check-in deadline of its part of the day has passed', async () => {
    const service = test.api.app.get(ReportsService);
    const [row] = await test.sql<{ organisation_id: string }>('SELECT organisation_id FROM people WHERE id = $1', [
      manager,
    ]);
    const caller = {
      personId: manager,
      organisationId: row?.organisation_id ?? '',
      adminOf: [],
      facilityManagerOf: [office.officeId],
      leadOf: [],
    };
    // 10:30 in Berlin on the Monday: the morning deadline (10:00) has passed, the afternoon one (14:00) not.
    const morning = await service.officeUtilisation(
      caller,
      office.officeId,
      MONDAY,
      MONDAY,
      new Date('2025-09-29T08:30:00Z'),
    );
    expect(morning.figures).toMatchObject({ bookedDeskDays: 2, dueBookings: 2, checkedIn: 1, checkInRate: 0.5 });
    // 14:00 in Berlin: all three of Monday's bookings are due.
    const afternoon = await service.officeUtilisation(
      caller,
      office.officeId,
      MONDAY,
      MONDAY,
      new Date('2025-09-29T12:00:00Z'),
    );
    expect(afternoon.figures).toMatchObject({ dueBookings: 3, checkedIn: 2 });
  });

  it('shows each desk on its floor plan position: booked / available desk-days, a blocked desk with none', async () => {
    const response = await graphql<{ deskHeatmap: { openDays: number; areas: unknown[] } }>(
      url,
      HEATMAP,
      { o: office.officeId, f: FROM, t: TO },
      manager,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.deskHeatmap).toEqual({
      officeId: office.officeId,
      openDays: 3,
      areas: [
        {
          areaName: 'Erdgeschoss',
          floorPlanSvg: null,
          desks: [desk('A-1', false, 0.25, 0.5, 3, 1.5, 0.5), desk('A-2', false, null, null, 3, 1, 0.333)],
        },
        {
          areaName: 'Obergeschoss Süd',
          floorPlanSvg: null,
          desks: [desk('B-1', false, null, null, 3, 0.5, 0.167), desk('B-2', true, null, null, 0, 0, null)],
        },
      ],
    });
  });

  it('gives the same figures in the overview of every office the caller sees', async () => {
    const response = await graphql<{ utilisationOverview: { offices: { officeId: string; figures: Figures }[] } }>(
      url,
      OVERVIEW,
      { f: FROM, t: TO },
      manager,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.utilisationOverview).toEqual({
      from: FROM,
      to: TO,
      offices: [
        {
          officeId: office.officeId,
          officeName: `Auslastungsbüro Fürth ${kind}`,
          openDays: 3,
          peakWeekdays: [1],
          figures: figures(9, 3, 0.333, 6, 4, 0.667, 1, 0.167),
        },
      ],
      figures: figures(9, 3, 0.333, 6, 4, 0.667, 1, 0.167),
    });
  });

  it('refuses a reversed range, one longer than 366 days and a date that does not exist', async () => {
    expect(errorCode(await utilisation(manager, TO, FROM))).toBe('INVALID_RANGE');
    expect(errorCode(await utilisation(manager, '2025-01-01', '2026-01-02'))).toBe('INVALID_RANGE');
    expect((await utilisation(manager, '2024-01-01', '2024-12-31')).errors).toBeUndefined();
    const invalid = await utilisation(manager, '2025-02-30', TO);
    expect(errorCode(invalid)).toBe('INVALID_DATE');
    expect(invalid.errors?.[0]?.extensions?.['messages']).toEqual({
      de: expect.stringContaining('2025-02-30'),
      en: expect.stringContaining('2025-02-30'),
    });
  });

  it('is for the office’s facility managers: staff who see it are FORBIDDEN, others get OFFICE_NOT_FOUND', async () => {
    const forbidden = await utilisation(staff);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.data ?? null).toBeNull();
    expect(errorCode(await utilisation(stranger))).toBe('OFFICE_NOT_FOUND');
    expect(errorCode(await utilisation(undefined))).toBe('UNAUTHENTICATED');
    const heatmap = await graphql(url, HEATMAP, { o: office.officeId, f: FROM, t: TO }, staff);
    expect(errorCode(heatmap)).toBe('FORBIDDEN');
    expect(errorCode(await graphql(url, OVERVIEW, { f: FROM, t: TO }, staff))).toBe('FORBIDDEN');
  });

  describe('CSV export', () => {
    const csvUrl = (query: Record<string, string>) =>
      `${url}/reports/utilisation.csv?${new URLSearchParams({ officeId: office.officeId, from: FROM, to: TO, ...query })}`;
    const download = (personId: string | undefined, query: Record<string, string> = {}, headers = {}) =>
      fetch(csvUrl(query), { headers: { ...(personId ? { [DEMO_PERSON_HEADER]: personId } : {}), ...headers } });
    const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').split('\r\n');

    it('is UTF-8 with a BOM, German by default: ";" and decimal comma, headers and names with umlauts', async () => {
      const response = await download(manager);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="nahbar-auslastung-${FROM}-${TO}.csv"`,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      const bytes = new Uint8Array(await response.clone().arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, total, ground, upstairs, monday, tuesday, , , , a1, a2, b1, b2, end] = lines(
        await response.text(),
      );
      expect(header).toBe(
        'Büro;Von;Bis;Gliederung;Bezeichnung;Öffnungstage;Verfügbare Platztage;Gebuchte Platztage;Auslastung (%);' +
          'Fällige Buchungen;Eingecheckt;Check-in-Quote (%);Nicht erschienen;No-Show-Quote (%);Spitzentage',
      );
      const lead = `Auslastungsbüro Fürth ${kind};${FROM};${TO}`;
      expect(total).toBe(`${lead};Büro gesamt;;3;9;3;33,3;6;4;66,7;1;16,7;Montag`);
      expect(ground).toBe(`${lead};Bereich;Erdgeschoss;3;6;2,5;41,7;4;3;75,0;0;0,0;`);
      expect(upstairs).toBe(`${lead};Bereich;Obergeschoss Süd;3;3;0,5;16,7;2;1;50,0;1;50,0;`);
      expect(monday).toBe(`${lead};Wochentag;Montag;1;3;2;66,7;3;2;66,7;0;0,0;ja`);
      expect(tuesday).toBe(`${lead};Wochentag;Dienstag;1;3;0,5;16,7;2;1;50,0;1;50,0;`);
      expect(a1).toBe(`${lead};Platz;Erdgeschoss: A-1;;3;1,5;50,0;;;;;;`);
      expect(a2).toBe(`${lead};Platz;Erdgeschoss: A-2;;3;1;33,3;;;;;;`);
      expect(b1).toBe(`${lead};Platz;Obergeschoss Süd: B-1;;3;0,5;16,7;;;;;;`);
      expect(b2).toBe(`${lead};Platz;Obergeschoss Süd: B-2 (gesperrt);;0;0;;;;;;;`);
      expect(end).toBe('');
    });

    it('is English with "," and decimal points for lang=en, and for an English browser', async () => {
      for (const response of [
        await download(manager, { lang: 'en' }),
        await download(manager, {}, { 'accept-language': 'en-GB,en;q=0.9' }),
      ]) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toContain(`nahbar-utilisation-${FROM}-${TO}.csv`);
        const [header, total] = lines(await response.text());
        expect(header).toBe(
          'Office,From,To,Breakdown,Label,Open days,Available desk-days,Booked desk-days,Utilisation (%),' +
            'Due bookings,Checked in,Check-in rate (%),No-shows,No-show rate (%),Peak weekdays',
        );
        expect(total).toBe(
          `Auslastungsbüro Fürth ${kind},${FROM},${TO},Whole office,,3,9,3,33.3,6,4,66.7,1,16.7,Monday`,
        );
      }
    });

    it('without an office lists every office the caller sees, one line each', async () => {
      const response = await fetch(`${url}/reports/utilisation.csv?from=${FROM}&to=${TO}&lang=de`, {
        headers: { [DEMO_PERSON_HEADER]: manager },
      });
      expect(response.status).toBe(200);
      expect(lines(await response.text()).slice(1)).toEqual([
        `Auslastungsbüro Fürth ${kind};${FROM};${TO};Büro gesamt;;3;9;3;33,3;6;4;66,7;1;16,7;Montag`,
        '',
      ]);
    });

    it('refuses like the queries, with a status and a text, and no figures', async () => {
      expect((await download(undefined)).status).toBe(401);
      const forbidden = await download(staff);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.text()).toContain('Standortverwaltung');
      expect((await download(stranger)).status).toBe(404);
      const reversed = await download(manager, { from: TO, to: FROM, lang: 'en' });
      expect(reversed.status).toBe(400);
      expect(await reversed.text()).toBe('The end of the range is before its start.');
      expect((await download(manager, { officeId: 'nicht-da' })).status).toBe(404);
    });
  });
});

function desk(
  code: string,
  blocked: boolean,
  positionX: number | null,
  positionY: number | null,
  availableDeskDays: number,
  bookedDeskDays: number,
  utilisationRate: number | null,
) {
  return { code, blocked, positionX, positionY, availableDeskDays, bookedDeskDays, utilisationRate };
}
