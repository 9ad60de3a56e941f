import { toCsv } from '@nahbar/domain';
import fc from 'fast-check';

import { parseDeskImportCsv } from './desk-import-csv.js';

describe('parseDeskImportCsv', () => {
  it('reads BOM, ";" and CRLF as Excel writes them, keeping empty lines so that line numbers match', () => {
    const parsed = parseDeskImportCsv('\uFEFFBüro;Bereich;Platz\r\nA;EG;1\r\n\r\n"B;C";"Erd""geschoss";2\r\n');
    expect(parsed).toEqual({
      ok: true,
      records: [['Büro', 'Bereich', 'Platz'], ['A', 'EG', '1'], [''], ['B;C', 'Erd"geschoss', '2']],
    });
  });

  it('takes "," when the header is separated by commas, and a line break inside quotes as one line', () => {
    const parsed = parseDeskImportCsv('Office,Area,Desk\n"Rathaus, Fürth","EG\nNord",1\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        ['Office', 'Area', 'Desk'],
        ['Rathaus, Fürth', 'EG\nNord', '1'],
      ],
    });
  });

  it('says where quotes are broken, and refuses text decoded in the wrong encoding', () => {
    const unclosed = parseDeskImportCsv('Büro;Bereich;Platz\r\nA;"EG;1\r\n');
    expect(unclosed).toMatchObject({ ok: false, problem: { code: 'UNREADABLE' } });
    const garbled = parseDeskImportCsv('B\uFFFDro;Bereich;Platz\r\n');
    expect(garbled).toMatchObject({ ok: false, problem: { code: 'UNREADABLE', line: 1 } });
  });

  it('reads back whatever the template writer writes, with either separator (property-based)', () => {
    const field = fc.string({ maxLength: 8 }).filter((value) => !value.includes('\uFFFD') && !value.includes('\uFEFF'));
    fc.assert(
      fc.property(
        fc.constantFrom(';' as const, ',' as const),
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
        (delimiter, rows) => {
          // A header without separators or quotes, as the template has.
          const records = [['Büro', 'Bereich', 'Platz'], ...rows];
          const parsed = parseDeskImportCsv(toCsv(records, delimiter));
          expect(parsed).toEqual({ ok: true, records });
        },
      ),
    );
  });
});
