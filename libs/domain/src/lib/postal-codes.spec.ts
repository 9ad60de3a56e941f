import {
  isPostalCodeFormat,
  landOfDistrictKey,
  looksLikeOrganisation,
  postalCodePoints,
  type PostalCodeRecord,
  repairMojibake,
} from './postal-codes.js';

/** A record from the columns of a real row of apps/api/data/de-postal-codes.csv (state columns left out). */
function row(
  zipcode: string,
  place: string,
  communityCode: string,
  latitude: string,
  longitude: string,
): PostalCodeRecord {
  return { zipcode, place, community_code: communityCode, latitude, longitude };
}

// Real rows of the file, by line.
const ERLANGEN = row('91052', 'Erlangen', '09562', '49.5888', '11.0098'); // 11091, "Bayern","BY"
const TUEV_FILDERSTADT = row(
  '70790',
  'TÜV Süd Business Services GmbH Obj. Filderstadt,Gottlieb-Daimler-Str.7',
  '09162',
  '48.1329',
  '11.521',
); // 1028: code of Filderstadt (BW), filed under München, "Bavaria","02"
const STADT_FILDERSTADT = row('70790', 'Stadt Filderstadt', '08116', '48.6757', '9.2201'); // 136
const HLS_FILDERSTADT = row('70790', 'HLS Leasinggesellschaft für Mobilien mbH', '08116', '48.6575', '9.2243'); // 137
const BETTENRING = row('70790', 'Bettenring eG', '08116', '48.6774', '9.1987'); // 138
const JUNGHOLZ = row('87491', 'Jungholz', '', '47.5741', '10.4472'); // 23298: no state, no district
const SPEICHROW = row('15848', 'Speichrow', '12061', '52.036', '14.2208'); // 7503
const BEESKOW = row('15848', 'Beeskow', '12067', '52.1729', '14.246'); // 7504
const TAUCHE = row('15848', 'Tauche', '12067', '52.1292', '14.1306'); // 7506
const KOELNER_MORGEN = row('50590', 'KÃ¶lner Morgen', '05315', '50.9717', '6.9719'); // 4080
/** Real rows of Bavarian codes 874.., the postal region of Jungholz. */
const OBERALLGAEU = [
  row('87488', 'Betzigau', '09780', '47.7333', '10.3833'),
  row('87490', 'Haldenwang', '09780', '47.8', '10.35'),
  row('87493', 'Lauben', '09780', '47.7833', '10.3'),
];

describe('landOfDistrictKey', () => {
  it('reads the Land from the first two digits of a district key or municipality key', () => {
    expect(landOfDistrictKey('01056')).toBe('SH');
    expect(landOfDistrictKey('02000')).toBe('HH');
    expect(landOfDistrictKey('09162')).toBe('BY');
    expect(landOfDistrictKey('11000')).toBe('BE');
    expect(landOfDistrictKey('16051')).toBe('TH');
    expect(landOfDistrictKey('09562000')).toBe('BY');
  });

  it('knows no Land for an empty, malformed or out-of-range key', () => {
    for (const key of ['', '0916', '091620', 'BY', '00123', '17001', '99999']) {
      expect(landOfDistrictKey(key)).toBeUndefined();
    }
  });
});

describe('isPostalCodeFormat', () => {
  it('takes exactly five digits, leading zeros included', () => {
    expect(isPostalCodeFormat('01067')).toBe(true);
    expect(isPostalCodeFormat('91052')).toBe(true);
    for (const value of ['1067', '910520', '9105a', ' 91052', '']) expect(isPostalCodeFormat(value)).toBe(false);
  });
});

describe('postalCodePoints', () => {
  it('takes the Land from the district key, whatever state and state_code say', () => {
    // Line 1028 says "Bavaria","02" and line 11091 "Bayern","BY": the district keys 09162 and 09562 say BY both.
    const { points } = postalCodePoints([ERLANGEN]);
    expect(points).toEqual([{ code: '91052', place: 'Erlangen', land: 'BY', latitude: 49.5888, longitude: 11.0098 }]);
  });

  it('keeps a place name with a comma inside as one name', () => {
    const { points } = postalCodePoints([TUEV_FILDERSTADT]);
    expect(points[0]?.place).toBe('TÜV Süd Business Services GmbH Obj. Filderstadt,Gottlieb-Daimler-Str.7');
    expect(points[0]?.land).toBe('BY');
  });

  it('gives a code with several rows one point: the mean of the rows in its majority district', () => {
    // 70790 Filderstadt (BW): three rows in district 08116, one company filed under München (09162).
    const { points } = postalCodePoints([STADT_FILDERSTADT, HLS_FILDERSTADT, BETTENRING, TUEV_FILDERSTADT]);
    expect(points).toHaveLength(1);
    expect(points[0]).toEqual({
      code: '70790',
      place: 'Stadt Filderstadt',
      land: 'BW',
      latitude: Math.round(((48.6757 + 48.6575 + 48.6774) / 3) * 10_000) / 10_000,
      longitude: Math.round(((9.2201 + 9.2243 + 9.1987) / 3) * 10_000) / 10_000,
    });
  });

  it('names a code after a place, not a company, when it has both', () => {
    const { points } = postalCodePoints([HLS_FILDERSTADT, BETTENRING, STADT_FILDERSTADT]);
    expect(points[0]?.place).toBe('Stadt Filderstadt');
  });

  it('keeps a code that only companies or authorities have, named after the first of them', () => {
    const { points } = postalCodePoints([HLS_FILDERSTADT, BETTENRING]);
    expect(points[0]).toMatchObject({ code: '70790', place: 'HLS Leasinggesellschaft für Mobilien mbH', land: 'BW' });
  });

  it('takes the district with most rows when a code crosses districts (15848: Oder-Spree over Dahme-Spreewald)', () => {
    const { points } = postalCodePoints([SPEICHROW, BEESKOW, TAUCHE]);
    expect(points[0]).toMatchObject({
      place: 'Beeskow',
      land: 'BB',
      latitude: Math.round(((52.1729 + 52.1292) / 2) * 10_000) / 10_000,
      longitude: Math.round(((14.246 + 14.1306) / 2) * 10_000) / 10_000,
    });
  });

  it('breaks a tie between districts by the first row', () => {
    const { points } = postalCodePoints([SPEICHROW, BEESKOW]);
    expect(points[0]).toMatchObject({ place: 'Speichrow', latitude: 52.036, longitude: 14.2208 });
  });

  it('keeps 87491 Jungholz (no district) with the Land of its postal region 874..', () => {
    const { points, skipped } = postalCodePoints([...OBERALLGAEU, JUNGHOLZ]);
    expect(skipped).toEqual([]);
    expect(points.find((point) => point.code === '87491')).toEqual({
      code: '87491',
      place: 'Jungholz',
      land: 'BY',
      latitude: 47.5741,
      longitude: 10.4472,
    });
  });

  it('skips and reports a code without district when no neighbour tells its Land', () => {
    const { points, skipped } = postalCodePoints([ERLANGEN, JUNGHOLZ]);
    expect(points.map((point) => point.code)).toEqual(['91052']);
    expect(skipped).toEqual([{ record: 2, reason: expect.stringContaining('87491') }]);
  });

  it('skips and reports malformed rows instead of guessing', () => {
    const { points, skipped } = postalCodePoints([
      row('9105', 'Erlangen', '09562', '49.5888', '11.0098'),
      row('91052', 'Erlangen', '09562', '', '11.0098'),
      row('91052', 'Erlangen', '09562', '49.5888', 'east'),
      row('91052', 'Erlangen', '99562', '49.5888', '11.0098'),
      row('91052', 'Paris', '09562', '48.8566', '2.3522'),
      ERLANGEN,
    ]);
    expect(points).toHaveLength(1);
    expect(skipped.map((entry) => entry.record)).toEqual([1, 2, 3, 4, 5]);
  });

  it('repairs umlauts the export mis-decoded (line 4080 "KÃ¶lner Morgen")', () => {
    const { points } = postalCodePoints([KOELNER_MORGEN]);
    expect(points[0]?.place).toBe('Kölner Morgen');
  });

  it('sorts the points by code', () => {
    const { points } = postalCodePoints([ERLANGEN, ...OBERALLGAEU, BEESKOW]);
    expect(points.map((point) => point.code)).toEqual(['15848', '87488', '87490', '87493', '91052']);
  });
});

describe('looksLikeOrganisation', () => {
  it('recognises companies and authorities by legal form or word', () => {
    for (const name of [
      'Bettenring eG',
      'Mercedes-Benz Versicherung AG',
      'Stadtverwaltung',
      'Finanzamt',
      'Agentur für Arbeit Köln',
    ]) {
      expect(looksLikeOrganisation(name)).toBe(true);
    }
    for (const name of [
      'Erlangen',
      'Stadt Filderstadt',
      'Tauche Kossenblatt',
      'Jungholz',
      'Rietz-Neuendorf Drahendorf',
    ]) {
      expect(looksLikeOrganisation(name)).toBe(false);
    }
  });
});

describe('repairMojibake', () => {
  it('leaves correct text alone and repairs UTF-8 read as Latin-1', () => {
    expect(repairMojibake('Fürth')).toBe('Fürth');
    expect(repairMojibake('FÃ¼rth')).toBe('Fürth');
    expect(repairMojibake('Ã')).toBe('Ã');
  });
});
