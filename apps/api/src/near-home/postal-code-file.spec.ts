import { readFile } from 'node:fs/promises';

import { defaultPostalCodeFile, parsePostalCodeCsv, readPostalCodeFile } from './postal-code-file.js';

const HEADER =
  'country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude';

/** Real lines of apps/api/data/de-postal-codes.csv, by line number. */
const LINES = {
  127: 'DE,70767,"RTS Rieger Team, Werbeagentur",Baden-Württemberg,01,Regierungsbezirk Stuttgart,081,Landkreis Esslingen,08116,48.6933,9.1296',
  1028: 'DE,70790,"TÜV Süd Business Services GmbH Obj. Filderstadt,Gottlieb-Daimler-Str.7",Bavaria,02,Upper Bavaria,091,Kreisfreie Stadt München,09162,48.1329,11.521',
  2458: 'DE,22758,Märkte & Medien Verlagsgesellschaft mbH,Hamburg,04,,,"Hamburg, Freie und Hansestadt",02000,53.5452,9.9515',
  11091:
    'DE,91052,Erlangen,Bayern,BY,Regierungsbezirk Mittelfranken,095,Kreisfreie Stadt Erlangen,09562,49.5888,11.0098',
  23298: 'DE,87491,Jungholz,,,,,,,47.5741,10.4472',
} as const;

const csv = (...lines: string[]): string => [HEADER, ...lines].join('\n') + '\n';

describe('parsePostalCodeCsv', () => {
  it('keeps commas inside quoted fields, in the place and in the district name', () => {
    const records = parsePostalCodeCsv(csv(LINES[127], LINES[1028], LINES[2458]));
    expect(records.map((record) => record.place)).toEqual([
      'RTS Rieger Team, Werbeagentur',
      'TÜV Süd Business Services GmbH Obj. Filderstadt,Gottlieb-Daimler-Str.7',
      'Märkte & Medien Verlagsgesellschaft mbH',
    ]);
    // The quoted district name "Hamburg, Freie und Hansestadt" does not shift the columns after it.
    expect(records[2]).toMatchObject({ community_code: '02000', latitude: '53.5452', longitude: '9.9515' });
  });

  it('reads doubled quotes inside a quoted field as one quote', () => {
    const [record] = parsePostalCodeCsv(
      csv('DE,91052,"Gasthof ""Zur Post"", Erlangen",Bayern,BY,,,,09562,49.5888,11.0098'),
    );
    expect(record?.place).toBe('Gasthof "Zur Post", Erlangen');
  });

  it('keeps the row without state and district (87491 Jungholz) with empty fields', () => {
    expect(parsePostalCodeCsv(csv(LINES[23298]))).toEqual([
      { zipcode: '87491', place: 'Jungholz', community_code: '', latitude: '47.5741', longitude: '10.4472' },
    ]);
  });

  it('keeps leading zeros of codes and district keys', () => {
    const [record] = parsePostalCodeCsv(csv('DE,01067,Dresden,Sachsen,SN,,,Kreisfreie Stadt Dresden,14612,51.0,13.7'));
    expect(record).toMatchObject({ zipcode: '01067', community_code: '14612' });
  });

  it('refuses a file without the columns it needs, and a malformed line', () => {
    expect(() => parsePostalCodeCsv('zip,place\n91052,Erlangen\n')).toThrow(/lacks the column/);
    expect(() => parsePostalCodeCsv(csv('DE,91052,"Erlangen,Bayern'))).toThrow();
  });
});

describe('the shipped file', () => {
  it('is found, and gives one point per code for all 10,814 codes with none skipped', async () => {
    const text = await readFile(defaultPostalCodeFile(), 'utf8');
    expect(parsePostalCodeCsv(text)).toHaveLength(23_297);
    const { points, skipped } = await readPostalCodeFile();
    expect(skipped).toEqual([]);
    expect(points).toHaveLength(10_814);
    const byCode = new Map<string, (typeof points)[number]>(points.map((point) => [point.code, point]));
    // Inconsistent state columns do not matter: both lines name Bayern differently, both give BY.
    expect(byCode.get('70790')).toMatchObject({ place: 'Stadt Filderstadt', land: 'BW' });
    expect(byCode.get('91052')).toMatchObject({ place: 'Erlangen', land: 'BY', latitude: 49.5888 });
    // Jungholz: no district, Land of its postal region.
    expect(byCode.get('87491')).toMatchObject({ place: 'Jungholz', land: 'BY' });
    // 10875 is a code of companies filed under four districts; most of its rows are in Berlin (11000).
    expect(byCode.get('10875')).toMatchObject({ land: 'BE' });
    // Every Land is there.
    expect(new Set(points.map((point) => point.land)).size).toBe(16);
  });
});
