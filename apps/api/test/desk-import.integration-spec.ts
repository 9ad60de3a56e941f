import { randomUUID } from 'node:crypto';

import { deskImportTemplate } from '@nahbar/domain';

import { addPeople, nextOpenDay } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const IMPORT = `mutation($i: ImportDesksInput!) { importDesks(input: $i) {
  dryRun valid rows officesCreated areasCreated desksCreated desksUpdated desksUnchanged
  offices { officeId name isNew areas { name isNew desksCreated desksUpdated desksUnchanged } }
  errors { line column code messages { de en } }
} }`;
const PROGRESS = `subscription($id: ID!) { deskImportProgress(importId: $id) { importId phase done total } }`;
const AVAILABILITY = `query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: MORNING) {
  code free accessible equipment } }`;
const AVAILABILITY_CHANGES = `subscription($o: ID!, $d: String!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: MORNING) { deskId free }
}`;

const HEADER = 'Büro;Adresse;Gemeindeschlüssel (AGS);Öffnungstage;Bereich;Platz;Ausstattung;Barrierefrei;Aktiv';
const MUENSTER = 'Satellitenbüro Münster';

interface LineError {
  line: number;
  column: string | null;
  code: string;
  messages: { de: string; en: string };
}
interface Report {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  officesCreated: number;
  areasCreated: number;
  desksCreated: number;
  desksUpdated: number;
  desksUnchanged: number;
  offices: {
    officeId: string | null;
    name: string;
    isNew: boolean;
    areas: { name: string; isNew: boolean; desksCreated: number; desksUpdated: number; desksUnchanged: number }[];
  }[];
  errors: LineError[];
}
interface Progress {
  importId: string;
  phase: string;
  done: number;
  total: number;
}

/** CRLF lines, as Excel writes them. */
const csv = (...lines: string[]): string => `${[HEADER, ...lines].join('\r\n')}\r\n`;

describe.each(DATABASE_KINDS)('desk import on %s', (kind) => {
  let test: TestApi;
  let url: string;
  /** IT.NRW's admin (may create offices), the facility manager of Münster, and staff without either role. */
  let admin: string;
  let manager: string;
  let staff: string;
  /** LDBV's admin: Münster belongs to IT.NRW. */
  let otherAdmin: string;
  let muensterId: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    const personId = async (name: string): Promise<string> =>
      (await test.sql<{ id: string }>('SELECT id FROM people WHERE display_name = $1', [name]))[0]?.id ?? '';
    admin = await personId('Thomas Becker');
    manager = await personId('Peter Schulz');
    otherAdmin = await personId('Anna Schmidt');
    staff = (await addPeople(test, 1, 'Import Staff'))[0] ?? '';
    muensterId = (await test.sql<{ id: string }>('SELECT id FROM offices WHERE name = $1', [MUENSTER]))[0]?.id ?? '';
  });

  afterAll(async () => {
    await test?.stop();
  });

  const run = (as: string, text: string, dryRun: boolean, importId?: string) =>
    graphql<{ importDesks: Report }>(url, IMPORT, { i: { csv: text, dryRun, importId } }, as);

  /** Counts of the tables an import writes, to prove that nothing was written. */
  const counts = async () =>
    (
      await test.sql<{ offices: number; areas: number; desks: number; digest: string }>(
        `SELECT (SELECT count(*)::int FROM offices) AS offices, (SELECT count(*)::int FROM areas) AS areas,
                (SELECT count(*)::int FROM desks) AS desks,
                (SELECT md5(string_agg(concat_ws('/', id, area_id, code, equipment::text, accessible, active), ',' ORDER BY id))
                 FROM desks) AS digest`,
      )
    )[0];

  it('a dry run reports what it would do per office and area, and writes nothing', async () => {
    const before = await counts();
    const response = await run(
      admin,
      csv(
        'Import-Büro Hiltrup;Marktallee 1, 48165 Münster;05515000;Mo-Do;Erdgeschoss;H-01;Monitor, Dockingstation;ja;ja',
        'Import-Büro Hiltrup;;;;Erdgeschoss;H-02;Monitor;nein;',
        'Import-Büro Hiltrup;;;;Obergeschoss;H-11;;;nein',
        `${MUENSTER};;;;Etage 2;M-01;Monitor, Dockingstation, Höhenverstellbar;ja;ja`,
        `${MUENSTER};;;;Etage 2;M-99;Monitor;nein;ja`,
      ),
      true,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.importDesks).toEqual({
      dryRun: true,
      valid: true,
      rows: 5,
      officesCreated: 1,
      areasCreated: 2,
      desksCreated: 4,
      desksUpdated: 0,
      desksUnchanged: 1,
      offices: [
        {
          officeId: null,
          name: 'Import-Büro Hiltrup',
          isNew: true,
          areas: [
            { name: 'Erdgeschoss', isNew: true, desksCreated: 2, desksUpdated: 0, desksUnchanged: 0 },
            { name: 'Obergeschoss', isNew: true, desksCreated: 1, desksUpdated: 0, desksUnchanged: 0 },
          ],
        },
        {
          officeId: muensterId,
          name: MUENSTER,
          isNew: false,
          areas: [{ name: 'Etage 2', isNew: false, desksCreated: 1, desksUpdated: 0, desksUnchanged: 1 }],
        },
      ],
      errors: [],
    });
    expect(await counts()).toEqual(before);
  });

  it('a faulty file writes nothing: the dry run lists every faulty line, the import refuses with IMPORT_INVALID', async () => {
    const before = await counts();
    const text = csv(
      'Fehler-Büro;Weg 1, 48143 Münster;05515000;Mo-Fr;EG;F-01;Monitor;ja;ja',
      'Fehler-Büro;;;;EG;F-02;Kaffeemaschine;ja;ja',
      '',
      'Fehler-Büro;;;;EG;F-01;;;',
      'Anderes Büro;Weg 2;01234567;;EG;A-01;;;',
      `${MUENSTER};;;;Etage 2;M-01;;;nein`,
    );
    const dry = await run(admin, text, true);
    expect(dry.data?.importDesks.valid).toBe(false);
    const expected = [
      { line: 3, column: 'EQUIPMENT', code: 'BAD_EQUIPMENT' },
      { line: 5, column: 'DESK', code: 'DUPLICATE_DESK' },
      { line: 6, column: 'MUNICIPALITY_AGS', code: 'UNKNOWN_MUNICIPALITY' },
      { line: 7, column: 'ACTIVE', code: 'BLOCK_IN_OPERATIONS' },
    ];
    expect(dry.data?.importDesks.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual(expected);
    expect(dry.data?.importDesks.errors[0]?.messages).toEqual({
      de: expect.stringContaining('Kaffeemaschine'),
      en: expect.stringContaining('Kaffeemaschine'),
    });

    const refused = await run(admin, text, false);
    expect(errorCode(refused)).toBe('IMPORT_INVALID');
    expect(refused.data).toBeNull();
    const extensions = refused.errors?.[0]?.extensions as { errors: LineError[]; messages: { de: string } };
    expect(extensions.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual(expected);
    expect(extensions.messages.de).toContain('nichts importiert');
    expect(await counts()).toEqual(before);

    const unreadable = await run(admin, csv('B;;;;EG;\uFFFD;;;'), false);
    expect(errorCode(unreadable)).toBe('IMPORT_INVALID');
    const unclosed = await run(admin, csv('Büro;;;;EG;"A-1;;;'), true);
    expect(unclosed.data?.importDesks.errors.map((error) => error.code)).toEqual(['UNREADABLE']);
    expect(await counts()).toEqual(before);
  });

  it('imports a good file into a new office and an existing one, visible to staff and announced live', async () => {
    const date = nextOpenDay(3, 'NW');
    const watcher = wsClient(url, staff);
    const changes = new EventRecorder<{ deskId: string; free: boolean }>().subscribe(
      watcher,
      AVAILABILITY_CHANGES,
      { o: muensterId, d: date },
      (data: { deskAvailabilityChanged: { deskId: string; free: boolean } }) => data.deskAvailabilityChanged,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await run(
        admin,
        csv(
          'Neues Büro Gievenbeck;Rüschhausweg 4, 48161 Münster;5515000;Mo-Fr;Galerie;G-01;Monitor, Dockingstation;ja;ja',
          'Neues Büro Gievenbeck;;;;Galerie;G-02;Monitor;nein;ja',
          'Neues Büro Gievenbeck;;;;Galerie;G-03;;nein;nein',
          `${MUENSTER};;;;Etage 3;M-31;Monitor;ja;ja`,
        ),
        false,
      );
      expect(response.errors).toBeUndefined();
      const report = response.data?.importDesks;
      expect(report).toMatchObject({
        dryRun: false,
        valid: true,
        officesCreated: 1,
        areasCreated: 2,
        desksCreated: 4,
        errors: [],
      });
      const newOfficeId = report?.offices[0]?.officeId ?? '';
      expect(newOfficeId).toMatch(/^[0-9a-f-]{36}$/);
      const [office] = await test.sql<{ municipality_ags: string; opening_weekdays: number[]; operator: string }>(
        `SELECT f.municipality_ags, f.opening_weekdays, o.claim_value AS operator
         FROM offices f JOIN organisations o ON o.id = f.operator_id WHERE f.id = $1`,
        [newOfficeId],
      );
      expect(office).toEqual({ municipality_ags: '05515000', opening_weekdays: [1, 2, 3, 4, 5], operator: 'it-nrw' });

      const available = await graphql<{
        deskAvailability: { code: string; free: boolean; accessible: boolean; equipment: string[] }[];
      }>(url, AVAILABILITY, { o: newOfficeId, d: date }, staff);
      expect(available.errors).toBeUndefined();
      expect(available.data?.deskAvailability.map((desk) => [desk.code, desk.free, desk.accessible])).toEqual([
        ['G-01', true, true],
        ['G-02', true, false],
        ['G-03', false, false],
      ]);
      expect(available.data?.deskAvailability[0]?.equipment).toEqual(['MONITOR', 'DOCKING_STATION']);
      const muenster = await graphql<{ deskAvailability: { code: string; free: boolean }[] }>(
        url,
        AVAILABILITY,
        { o: muensterId, d: date },
        staff,
      );
      expect(muenster.data?.deskAvailability.find((desk) => desk.code === 'M-31')).toMatchObject({ free: true });
      const [created] = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 AND code = $2', [
        muensterId,
        'M-31',
      ]);
      await changes.waitFor(1, 10_000);
      expect(changes.events).toContainEqual({ deskId: created?.id, free: true });
    } finally {
      changes.stop();
      await watcher.dispose();
    }
  });

  it('a second import updates desks by code, keeps desks not in the file, and unblocks', async () => {
    const first = await run(
      admin,
      csv(
        'Zweimal-Büro;Weg 5, 48143 Münster;05515000;Mo-Fr;A;Z-01;Monitor;nein;ja',
        'Zweimal-Büro;;;;A;Z-02;;nein;nein',
        'Zweimal-Büro;;;;A;Z-03;;nein;ja',
      ),
      false,
    );
    expect(first.data?.importDesks.desksCreated).toBe(3);
    const second = await run(
      admin,
      csv(
        'zweimal-büro;;;;A;Z-01;Monitor, Höhenverstellbar;ja;ja',
        'Zweimal-Büro;;;;B;Z-02;;nein;ja',
        'Zweimal-Büro;;;;a;Z-03;;nein;ja',
      ),
      false,
    );
    expect(second.errors).toBeUndefined();
    expect(second.data?.importDesks).toMatchObject({
      officesCreated: 0,
      areasCreated: 1,
      desksCreated: 0,
      desksUpdated: 2,
      desksUnchanged: 1,
    });
    const desks = await test.sql<{
      code: string;
      area: string;
      equipment: string[];
      accessible: boolean;
      active: boolean;
    }>(
      `SELECT d.code, a.name AS area, d.equipment, d.accessible, d.active FROM desks d JOIN areas a ON a.id = d.area_id
       JOIN offices f ON f.id = d.office_id WHERE f.name = 'Zweimal-Büro' ORDER BY d.code`,
    );
    expect(desks).toEqual([
      { code: 'Z-01', area: 'A', equipment: ['MONITOR', 'HEIGHT_ADJUSTABLE'], accessible: true, active: true },
      { code: 'Z-02', area: 'B', equipment: [], accessible: false, active: true },
      { code: 'Z-03', area: 'A', equipment: [], accessible: false, active: true },
    ]);
    // A file with one desk keeps the others.
    const third = await run(admin, csv('Zweimal-Büro;;;;A;Z-04;;;'), false);
    expect(third.data?.importDesks.desksCreated).toBe(1);
    const [{ count } = { count: 0 }] = await test.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM desks d JOIN offices f ON f.id = d.office_id WHERE f.name = 'Zweimal-Büro'`,
    );
    expect(count).toBe(4);
  });

  it('refuses callers who run nothing, and keeps others to the offices they run without telling what exists', async () => {
    const before = await counts();
    const text = csv(`${MUENSTER};;;;Etage 2;M-77;;;`);
    expect(errorCode(await run(staff, text, true))).toBe('FORBIDDEN');
    expect(errorCode(await run(staff, text, false))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(url, IMPORT, { i: { csv: text, dryRun: true } }))).toBe('UNAUTHENTICATED');

    // The facility manager of Münster may add desks there, but may not create offices.
    expect((await run(manager, text, true)).data?.importDesks).toMatchObject({ valid: true, desksCreated: 1 });
    const newOffice = await run(manager, csv('Manager-Büro;Weg 1;05515000;;EG;1;;;'), true);
    expect(newOffice.data?.importDesks.errors.map((error) => error.code)).toEqual(['UNKNOWN_OFFICE']);
    const bielefeld = await run(manager, csv('Co-Working Bielefeld;;;;Galerie;G-99;;;'), true);
    expect(bielefeld.data?.importDesks.errors.map((error) => error.code)).toEqual(['UNKNOWN_OFFICE']);
    // An office of their organisation they do not run reads exactly like one that does not exist.
    const withoutName = (response: typeof newOffice, name: string) =>
      JSON.stringify(response.data?.importDesks.errors[0]?.messages).replaceAll(name, '…');
    expect(withoutName(bielefeld, 'Co-Working Bielefeld')).toBe(withoutName(newOffice, 'Manager-Büro'));
    // LDBV's admin: Münster is IT.NRW's; to them it is a new office of their own, which needs an address.
    const other = await run(otherAdmin, text, false);
    expect(errorCode(other)).toBe('IMPORT_INVALID');
    const otherErrors = (other.errors?.[0]?.extensions as { errors: LineError[] }).errors;
    expect(otherErrors.map((error) => error.code)).toEqual(['NEW_OFFICE_INCOMPLETE']);
    expect(JSON.stringify(other)).not.toContain(muensterId);
    expect(await counts()).toEqual(before);
  });

  it('reads what spreadsheet programs write: BOM, ";" or ",", CRLF or LF, quoted fields, English headers', async () => {
    const rows = [
      [
        'Varianten-Büro',
        'Weg 1, 48143 Münster',
        '05515000',
        'Mo-Fr',
        'EG',
        'V-01',
        'Monitor, Dockingstation',
        'ja',
        'ja',
      ],
      ['Varianten-Büro', '', '', '', 'EG', 'V-02', '', '', ''],
      ['Varianten-Büro', '', '', '', '"Ober" geschoss', 'V-03', 'Monitor', 'x', '1'],
    ];
    const quote = (value: string, separator: string) =>
      value.includes(separator) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
    const build = (separator: string, newline: string, header = HEADER.split(';')) =>
      [header, ...rows].map((row) => row.map((value) => quote(value, separator)).join(separator)).join(newline);
    const english = [
      'Office',
      'Address',
      'Municipality key (AGS)',
      'Opening days',
      'Area',
      'Desk',
      'Equipment',
      'Accessible',
      'Active',
    ];
    const variants = {
      'BOM ; CRLF': `\uFEFF${build(';', '\r\n')}\r\n`,
      '; LF': build(';', '\n'),
      'BOM , CRLF': `\uFEFF${build(',', '\r\n')}\r\n`,
      ', LF English': `${build(',', '\n', english)}\n`,
      'tab CRLF': build('\t', '\r\n'),
    };
    for (const [name, text] of Object.entries(variants)) {
      const report = (await run(admin, text, true)).data?.importDesks;
      expect({
        name,
        valid: report?.valid,
        rows: report?.rows,
        created: report?.desksCreated,
        errors: report?.errors,
      }).toEqual({
        name,
        valid: true,
        rows: 3,
        created: 3,
        errors: [],
      });
      expect(report?.offices[0]?.areas.map((area) => area.name)).toEqual(['EG', '"Ober" geschoss']);
    }
    const template = (await run(admin, deskImportTemplate(), true)).data?.importDesks;
    // The template's example office is new and in Fürth (a municipality of the demo data).
    expect(template).toMatchObject({ valid: true, rows: 2, officesCreated: 1, desksCreated: 2 });
  });

  it('imports 5,000 desks with progress over the subscription', async () => {
    const offices = 10;
    const lines: string[] = [];
    for (let office = 0; office < offices; office += 1) {
      for (let desk = 0; desk < 500; desk += 1) {
        const details = desk === 0 ? `Straße ${office}, 48143 Münster;05515000;Mo-Fr` : ';;';
        lines.push(
          `Großbüro ${office};${details};Etage ${desk % 5};P-${String(desk).padStart(3, '0')};Monitor${desk % 2 ? ', Dockingstation' : ''};${desk % 10 === 0 ? 'ja' : 'nein'};ja`,
        );
      }
    }
    const text = csv(...lines);
    const importId = randomUUID();
    const client = wsClient(url, admin);
    const progress = new EventRecorder<Progress>().subscribe(
      client,
      PROGRESS,
      { id: importId },
      (data: { deskImportProgress: Progress }) => data.deskImportProgress,
    );
    // Someone else who guesses the id hears nothing: progress is keyed by the person too.
    const eavesdropper = wsClient(url, manager);
    const overheard = new EventRecorder<Progress>().subscribe(
      eavesdropper,
      PROGRESS,
      { id: importId },
      (data: { deskImportProgress: Progress }) => data.deskImportProgress,
    );
    try {
      // graphql-ws subscribes asynchronously: small dry runs with the same id until the subscription hears one.
      for (let attempt = 0; attempt < 20 && progress.events.length === 0; attempt += 1) {
        await run(admin, csv('Probe;;;;EG;1;;;'), true, importId);
        await progress.waitFor(1, 250).catch(() => undefined);
      }
      expect(progress.events.length).toBeGreaterThan(0);
      progress.events.length = 0;

      const dryStarted = performance.now();
      const dry = await run(admin, text, true, importId);
      const dryMs = performance.now() - dryStarted;
      expect(dry.data?.importDesks).toMatchObject({ valid: true, rows: 5000, desksCreated: 5000 });
      const started = performance.now();
      const response: GraphqlResponse<{ importDesks: Report }> = await run(admin, text, false, importId);
      const ms = performance.now() - started;
      expect(response.errors).toBeUndefined();
      expect(response.data?.importDesks).toMatchObject({
        valid: true,
        rows: 5000,
        officesCreated: offices,
        areasCreated: offices * 5,
        desksCreated: 5000,
      });
      console.log(
        `desk import on ${kind}: 5,000 desks, ${Math.round(text.length / 1024)} KiB — dry run ${Math.round(dryMs)} ms, import ${Math.round(ms)} ms`,
      );
      const [{ count } = { count: 0 }] = await test.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM desks d JOIN offices f ON f.id = d.office_id WHERE f.name LIKE 'Großbüro %'`,
      );
      expect(count).toBe(5000);
      const deadline = Date.now() + 5000;
      while (
        Date.now() < deadline &&
        progress.events.filter((event) => event.phase === 'DONE' && event.total === 5000).length < 2
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The same list with other equipment everywhere: 5,000 updates of existing desks.
      const updatedText = text.replaceAll(';Monitor;', ';Monitor, Höhenverstellbar;');
      const updateStarted = performance.now();
      const updated = await run(admin, updatedText, false);
      const updateMs = performance.now() - updateStarted;
      expect(updated.data?.importDesks).toMatchObject({ valid: true, desksCreated: 0, desksUpdated: 2500 });
      console.log(`desk import on ${kind}: 2,500 of 5,000 desks updated in ${Math.round(updateMs)} ms`);
      const writing = progress.events.filter((event) => event.phase === 'WRITING');
      expect(writing.map((event) => event.done)).toEqual([
        0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000,
      ]);
      expect(writing.every((event) => event.total === 5000 && event.importId === importId)).toBe(true);
      expect(progress.events.filter((event) => event.phase === 'DONE' && event.total === 5000)).toHaveLength(2);
      expect(overheard.events).toEqual([]);
      expect(overheard.errors).toEqual([]);
    } finally {
      progress.stop();
      overheard.stop();
      await client.dispose();
      await eavesdropper.dispose();
    }
  });
});
