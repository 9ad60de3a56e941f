import fc from 'fast-check';

import {
  columnOfHeader,
  DESK_IMPORT_COLUMNS,
  DESK_IMPORT_HEADERS,
  DESK_IMPORT_MAX_ROWS,
  parseAgs,
  parseEquipment,
  parseWeekdays,
  parseYesNo,
  validateDeskImport,
} from './desk-import.js';
import { type DeskImportWorld, planDeskImport } from './desk-import-plan.js';
import {
  decodeSpreadsheetBytes,
  deskImportTemplate,
  detectDelimiter,
  stripByteOrderMark,
  toCsv,
} from './desk-import-text.js';

const HEADER = DESK_IMPORT_COLUMNS.map((column) => DESK_IMPORT_HEADERS[column].de);
const HEADER_EN = DESK_IMPORT_COLUMNS.map((column) => DESK_IMPORT_HEADERS[column].en);

/** A line in the template's column order. */
function line(
  office: string,
  area: string,
  desk: string,
  extra: Partial<Record<'address' | 'ags' | 'days' | 'equipment' | 'accessible' | 'active', string>> = {},
): string[] {
  return [
    office,
    extra.address ?? '',
    extra.ags ?? '',
    extra.days ?? '',
    area,
    desk,
    extra.equipment ?? '',
    extra.accessible ?? '',
    extra.active ?? '',
  ];
}

describe('headers', () => {
  it('knows the German and English headers of every column and common other names', () => {
    for (const column of DESK_IMPORT_COLUMNS) {
      expect(columnOfHeader(DESK_IMPORT_HEADERS[column].de)).toBe(column);
      expect(columnOfHeader(DESK_IMPORT_HEADERS[column].en)).toBe(column);
    }
    expect(columnOfHeader('  gemeindeschluessel ')).toBe('municipalityAgs');
    expect(columnOfHeader('AGS')).toBe('municipalityAgs');
    expect(columnOfHeader('Arbeitsplatz')).toBe('desk');
    expect(columnOfHeader('BÜRO')).toBe('office');
    expect(columnOfHeader('Telefon')).toBeUndefined();
  });

  it('reports unknown, doubled and missing columns on line 1', () => {
    const result = validateDeskImport([
      ['Büro', 'Telefon', 'Bereich', 'Bereich'],
      ['A', '1', 'B', 'B'],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [1, 'UNKNOWN_COLUMN', null],
      [1, 'DUPLICATE_COLUMN', 'area'],
      [1, 'MISSING_COLUMN', 'desk'],
    ]);
    expect(result.problems[0]?.message.de).toContain('Telefon');
    expect(result.problems[0]?.message.en).toContain('Unknown column');
  });

  it('takes the columns in any order, and only the required ones', () => {
    const result = validateDeskImport([
      ['Desk', 'Office', 'Area'],
      ['A-1', 'Rathaus', 'EG'],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        office: 'Rathaus',
        address: null,
        municipalityAgs: null,
        openingWeekdays: null,
        area: 'EG',
        desk: 'A-1',
        equipment: [],
        accessible: false,
        active: true,
      },
    ]);
  });

  it('refuses an empty file and a file without desks', () => {
    expect(validateDeskImport([]).problems.map((p) => p.code)).toEqual(['EMPTY_FILE']);
    expect(validateDeskImport([[''], HEADER]).problems.map((p) => [p.line, p.code])).toEqual([[2, 'EMPTY_FILE']]);
  });

  it('refuses more than the most rows at once', () => {
    const records = [HEADER, ...Array.from({ length: DESK_IMPORT_MAX_ROWS + 1 }, (_, i) => line('B', 'A', `${i}`))];
    expect(validateDeskImport(records).problems.map((p) => p.code)).toEqual(['TOO_MANY_ROWS']);
  });
});

describe('values', () => {
  it('reads yes and no as people write them', () => {
    for (const yes of ['ja', 'Ja', 'JA', 'x', 'X', '1', 'yes', 'wahr', 'TRUE'])
      expect(parseYesNo(yes, false)).toBe(true);
    for (const no of ['nein', 'Nein', '0', 'no', 'falsch', 'FALSE', '-']) expect(parseYesNo(no, true)).toBe(false);
    expect(parseYesNo('  ', true)).toBe(true);
    expect(parseYesNo('', false)).toBe(false);
    expect(parseYesNo('vielleicht', false)).toBeUndefined();
  });

  it('reads equipment by German and English names and codes, in a fixed order without repeats', () => {
    expect(parseEquipment('Höhenverstellbar, monitor, Monitor | Docking-Station')).toEqual({
      equipment: ['MONITOR', 'DOCKING_STATION', 'HEIGHT_ADJUSTABLE'],
      unknown: [],
    });
    expect(parseEquipment('HEIGHT_ADJUSTABLE; Bildschirm').equipment).toEqual(['MONITOR', 'HEIGHT_ADJUSTABLE']);
    expect(parseEquipment('Monitor, Kaffeemaschine')).toEqual({ equipment: ['MONITOR'], unknown: ['Kaffeemaschine'] });
    expect(parseEquipment('')).toEqual({ equipment: [], unknown: [] });
  });

  it('reads weekdays as lists and ranges in German, English and numbers', () => {
    expect(parseWeekdays('Mo-Fr')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('Mo – Do')).toEqual([1, 2, 3, 4]);
    expect(parseWeekdays('Mo, Mi, Fr')).toEqual([1, 3, 5]);
    expect(parseWeekdays('Mon-Thu, Sat')).toEqual([1, 2, 3, 4, 6]);
    expect(parseWeekdays('Dienstag und Donnerstag')).toEqual([2, 4]);
    expect(parseWeekdays('Montag bis Mittwoch')).toEqual([1, 2, 3]);
    expect(parseWeekdays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('')).toBeNull();
    expect(parseWeekdays('Fr-Mo')).toBeUndefined();
    expect(parseWeekdays('werktags')).toBeUndefined();
    expect(parseWeekdays('8')).toBeUndefined();
  });

  it('reads municipality keys, giving back the leading zero a spreadsheet took', () => {
    expect(parseAgs('09563000')).toBe('09563000');
    expect(parseAgs('9563000')).toBe('09563000');
    expect(parseAgs('05 515 000')).toBe('05515000');
    expect(parseAgs('')).toBeNull();
    expect(parseAgs('1234')).toBeUndefined();
    expect(parseAgs('99000000')).toBeUndefined();
    expect(parseAgs('0956300A')).toBeUndefined();
  });
});

describe('validateDeskImport: every faulty line with its line number and reason', () => {
  it('reports each faulty value with the spreadsheet line (header = 1, empty lines count)', () => {
    const result = validateDeskImport([
      HEADER,
      line('Rathaus', 'EG', 'A-01', { address: 'Markt 1', ags: '9563000', days: 'Mo-Fr', equipment: 'Monitor' }),
      line('', 'EG', 'A-02'),
      [],
      line('Rathaus', 'EG', 'A-03', { equipment: 'Beamer', accessible: 'vielleicht' }),
      line('Rathaus', 'EG', 'A-01'),
      line('Rathaus', '', 'A-04', { ags: '123', days: 'werktags' }),
      line('Rathaus', 'EG', 'A-05', { address: 'Markt 2' }),
      [...line('Rathaus', 'EG', 'A-06'), 'zu viel'],
      line('Rathaus', 'OG', 'A-07', { active: 'nein', accessible: 'x' }),
    ]);
    expect(result.dataRows).toBe(8);
    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'office', 'MISSING_VALUE'],
      [5, 'equipment', 'BAD_EQUIPMENT'],
      [5, 'accessible', 'BAD_YES_NO'],
      [6, 'desk', 'DUPLICATE_DESK'],
      [7, 'municipalityAgs', 'BAD_AGS'],
      [7, 'openingWeekdays', 'BAD_WEEKDAYS'],
      [7, 'area', 'MISSING_VALUE'],
      [8, 'address', 'OFFICE_CONFLICT'],
      [9, null, 'FIELD_COUNT'],
    ]);
    expect(result.problems.find((p) => p.code === 'DUPLICATE_DESK')?.message).toEqual({
      de: expect.stringContaining('Zeile 2'),
      en: expect.stringContaining('line 2'),
    });
    // Only the well-formed lines, each with its office's details from any of its lines.
    expect(result.rows.map((row) => [row.line, row.desk, row.municipalityAgs, row.accessible, row.active])).toEqual([
      [2, 'A-01', '09563000', false, true],
      [10, 'A-07', '09563000', true, false],
    ]);
    expect(result.rows[1]?.openingWeekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('accepts the English headers and treats office names alike whatever their case and spaces', () => {
    const result = validateDeskImport([
      HEADER_EN,
      line('Town  Hall', 'Ground', 'D1', { equipment: 'Docking station', accessible: 'yes', active: 'no' }),
      line('town hall', 'Ground', 'D1'),
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(['DUPLICATE_DESK']);
    expect(result.rows[0]).toMatchObject({ office: 'Town Hall', equipment: ['DOCKING_STATION'], active: false });
  });

  it('skips lines a spreadsheet leaves with separators only', () => {
    const result = validateDeskImport([HEADER, line('B', 'A', '1'), ['', '', '', '', '', '', '', '', ''], []]);
    expect(result).toMatchObject({ dataRows: 1, problems: [] });
  });
});

describe('validateDeskImport (property-based)', () => {
  const text = fc.string({ minLength: 0, maxLength: 12 });
  const record = fc.array(text, { minLength: 0, maxLength: 11 });

  it('never throws, and every problem points at a line of the file with texts in both languages', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.boolean(), (records, withHeader) => {
        const all = withHeader ? [HEADER, ...records] : records;
        const result = validateDeskImport(all);
        for (const problem of result.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(Math.max(all.length, 1));
          expect(problem.message.de.length).toBeGreaterThan(0);
          expect(problem.message.en.length).toBeGreaterThan(0);
        }
        // A line is either a row or has a problem, never both.
        const faulty = new Set(result.problems.map((problem) => problem.line));
        for (const row of result.rows) expect(faulty.has(row.line)).toBe(false);
      }),
    );
  });

  const name = fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-z0-9ÄÖÜäöüß .-]{0,15}$/).filter((s) => s.trim() !== '');
  it('accepts every well-formed file, keeping its lines and values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ office: name, area: name, desk: name }), {
          minLength: 1,
          maxLength: 40,
          selector: (row) => `${row.office.trim().replace(/\s+/g, ' ').toLowerCase()}|${row.desk.trim()}`,
        }),
        (rows) => {
          const result = validateDeskImport([HEADER, ...rows.map((row) => line(row.office, row.area, row.desk))]);
          expect(result.problems).toEqual([]);
          expect(result.rows.map((row) => row.line)).toEqual(rows.map((_, index) => index + 2));
          expect(result.rows.map((row) => row.desk)).toEqual(rows.map((row) => row.desk.trim().replace(/\s+/g, ' ')));
        },
      ),
    );
  });

  it('finds every duplicate desk of an office, on the later line', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { minLength: 1, maxLength: 20 }), (codes) => {
        const result = validateDeskImport([HEADER, ...codes.map((code) => line('Büro', 'EG', code))]);
        const expected = codes.flatMap((code, index) => (codes.indexOf(code) < index ? [index + 2] : []));
        expect(result.problems.map((problem) => problem.line)).toEqual(expected);
        expect(result.rows.length + expected.length).toBe(codes.length);
      }),
    );
  });
});

describe('planDeskImport', () => {
  const world: DeskImportWorld = {
    offices: [
      {
        id: 'o1',
        name: 'Rathaus Fürth',
        areas: [{ id: 'a1', name: 'Erdgeschoss' }],
        desks: [
          { id: 'd1', code: 'E-01', areaId: 'a1', equipment: ['MONITOR'], accessible: false, active: true },
          { id: 'd2', code: 'E-02', areaId: 'a1', equipment: [], accessible: false, active: false },
          { id: 'd3', code: 'E-03', areaId: 'a1', equipment: [], accessible: true, active: true },
        ],
      },
      { id: 'o2', name: 'Doppelt', areas: [], desks: [] },
      { id: 'o3', name: 'doppelt', areas: [], desks: [] },
    ],
    canCreateOffices: true,
    municipalities: new Set(['09563000']),
  };
  const plan = (records: string[][], over: Partial<DeskImportWorld> = {}) => {
    const validation = validateDeskImport([HEADER, ...records]);
    expect(validation.problems).toEqual([]);
    return planDeskImport(validation.rows, { ...world, ...over });
  };

  it('updates existing desks by code, creates the rest, and counts per office and area', () => {
    const result = plan([
      line('rathaus fürth', 'Erdgeschoss', 'E-01', { equipment: 'Monitor' }),
      line('Rathaus Fürth', 'erdgeschoss', 'E-02', { equipment: 'Monitor', active: 'ja' }),
      line('Rathaus Fürth', 'Obergeschoss', 'O-01'),
      line('Neues Büro', 'EG', 'N-1', { address: 'Weg 1', ags: '09563000' }),
      line('Neues Büro', 'EG', 'N-2'),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.updates).toEqual([
      expect.objectContaining({ deskId: 'd2', area: { existing: 'a1' }, equipment: ['MONITOR'], unblocks: true }),
    ]);
    expect(result.creates.map((desk) => [desk.code, desk.office, desk.area])).toEqual([
      ['O-01', { existing: 'o1' }, { created: 'o1\u0000obergeschoss' }],
      ['N-1', { created: 'neues büro' }, { created: 'new:neues büro\u0000eg' }],
      ['N-2', { created: 'neues büro' }, { created: 'new:neues büro\u0000eg' }],
    ]);
    expect(result.newOffices).toEqual([
      {
        key: 'neues büro',
        name: 'Neues Büro',
        address: 'Weg 1',
        municipalityAgs: '09563000',
        openingWeekdays: [1, 2, 3, 4, 5],
      },
    ]);
    expect(result.offices).toEqual([
      {
        name: 'Rathaus Fürth',
        isNew: false,
        officeId: 'o1',
        areas: [
          { name: 'Erdgeschoss', isNew: false, desksCreated: 0, desksUpdated: 1, desksUnchanged: 1 },
          { name: 'Obergeschoss', isNew: true, desksCreated: 1, desksUpdated: 0, desksUnchanged: 0 },
        ],
      },
      {
        name: 'Neues Büro',
        isNew: true,
        officeId: null,
        areas: [{ name: 'EG', isNew: true, desksCreated: 2, desksUpdated: 0, desksUnchanged: 0 }],
      },
    ]);
  });

  it('refuses unknown, ambiguous and incomplete offices, unknown municipalities and blocking by import', () => {
    const result = plan([
      line('Doppelt', 'A', '1'),
      line('Ohne Adresse', 'A', '1', { ags: '09563000' }),
      line('Irgendwo', 'A', '1', { address: 'Weg 2', ags: '01001000' }),
      line('Rathaus Fürth', 'Erdgeschoss', 'E-03', { active: 'nein' }),
    ]);
    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'office', 'AMBIGUOUS_OFFICE'],
      [3, 'address', 'NEW_OFFICE_INCOMPLETE'],
      [4, 'municipalityAgs', 'UNKNOWN_MUNICIPALITY'],
      [5, 'active', 'BLOCK_IN_OPERATIONS'],
    ]);
  });

  it('says the same about an office elsewhere as about one that does not exist, to those who cannot create', () => {
    const result = plan([line('Fremdes Büro', 'A', '1', { address: 'Weg 3', ags: '09563000' })], {
      canCreateOffices: false,
    });
    expect(result.problems.map((p) => p.code)).toEqual(['UNKNOWN_OFFICE']);
    expect(result.problems[0]?.message.de).not.toMatch(/gibt es|existiert|andere Organisation/);
  });

  it('plans nothing twice: each line is created, updated, unchanged or a problem (property-based)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            code: fc.constantFrom('E-01', 'E-02', 'E-03', 'X-1', 'X-2', 'X-3'),
            area: fc.constantFrom('Erdgeschoss', 'OG'),
            active: fc.constantFrom('ja', 'nein'),
            accessible: fc.constantFrom('ja', 'nein'),
          }),
          { maxLength: 6, selector: (row) => row.code },
        ),
        (rows) => {
          const validation = validateDeskImport([
            HEADER,
            ...rows.map((row) =>
              line('Rathaus Fürth', row.area, row.code, { active: row.active, accessible: row.accessible }),
            ),
          ]);
          const result = planDeskImport(validation.rows, world);
          expect(result.creates.length + result.updates.length + result.unchanged + result.problems.length).toBe(
            rows.length,
          );
          const summed = result.offices
            .flatMap((office) => office.areas)
            .reduce((sum, area) => sum + area.desksCreated + area.desksUpdated + area.desksUnchanged, 0);
          expect(summed).toBe(rows.length - result.problems.length);
        },
      ),
    );
  });
});

describe('spreadsheet text', () => {
  const encoder = new TextEncoder();

  it('reads UTF-8 with and without byte-order mark, Windows-1252 and UTF-16', () => {
    const text = 'Büro;Straße;Größe\r\n';
    expect(decodeSpreadsheetBytes(encoder.encode(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeSpreadsheetBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]))).toEqual({
      text,
      encoding: 'UTF-8',
    });
    // "Büro" in Windows-1252: ü is the single byte 0xFC, invalid as UTF-8.
    expect(decodeSpreadsheetBytes(new Uint8Array([0x42, 0xfc, 0x72, 0x6f, 0x80]))).toEqual({
      text: 'Büro€',
      encoding: 'WINDOWS-1252',
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x42, 0x00, 0xfc, 0x00]);
    expect(decodeSpreadsheetBytes(utf16)).toEqual({ text: 'Bü', encoding: 'UTF-16LE' });
    expect(decodeSpreadsheetBytes(new Uint8Array([0x42, 0x81, 0xfc]))).toBeUndefined();
  });

  it('finds the separator in the header, outside quotes', () => {
    expect(detectDelimiter('Büro;Bereich;Platz\r\nA,B;C;D')).toBe(';');
    expect(detectDelimiter('Office,Area,Desk\n')).toBe(',');
    expect(detectDelimiter('"Büro; Name",Bereich,Platz\n')).toBe(',');
    expect(detectDelimiter('\n\nBüro\tBereich\tPlatz')).toBe('\t');
    expect(detectDelimiter('\uFEFFBüro')).toBe(';');
  });

  it('offers a template with the German headers, a byte-order mark and examples that pass the checks', () => {
    const template = deskImportTemplate();
    expect(template.startsWith('\uFEFFBüro;Adresse;Gemeindeschlüssel (AGS);')).toBe(true);
    expect(template.split('\r\n')).toHaveLength(4);
    const records = stripByteOrderMark(template)
      .split('\r\n')
      .filter((row) => row !== '')
      .map((row) => row.split(';'));
    const result = validateDeskImport(records);
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(2);
    expect(deskImportTemplate('en').startsWith('\uFEFFOffice;Address;')).toBe(true);
  });

  it('quotes values with separators, quotes and line breaks', () => {
    expect(toCsv([['a;b', 'c"d', 'e\nf', 'g']], ';')).toBe('"a;b";"c""d";"e\nf";g\r\n');
    expect(toCsv([['a;b', 'c,d']], ',')).toBe('a;b,"c,d"\r\n');
  });
});
