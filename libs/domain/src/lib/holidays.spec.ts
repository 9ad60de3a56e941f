import { addDays, type CivilDate } from './civil-date.js';
import { publicHoliday, publicHolidays, regionalPublicHolidays } from './holidays.js';
import { type Land, LANDS } from './land.js';

/** Easter Sundays, from the Gregorian computus (checked against a second implementation). */
const EASTER: Readonly<Record<number, string>> = {
  2017: '2017-04-16',
  2018: '2018-04-01',
  2019: '2019-04-21',
  2020: '2020-04-12',
  2021: '2021-04-04',
  2022: '2022-04-17',
  2023: '2023-04-09',
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
};

/** The Wednesday before 23 November. */
const BUSS_UND_BETTAG: Readonly<Record<number, string>> = {
  2017: '2017-11-22',
  2018: '2018-11-21',
  2019: '2019-11-20',
  2020: '2020-11-18',
  2021: '2021-11-17',
  2022: '2022-11-16',
  2023: '2023-11-22',
  2024: '2024-11-20',
  2025: '2025-11-19',
  2026: '2026-11-18',
  2027: '2027-11-17',
  2028: '2028-11-22',
  2029: '2029-11-21',
  2030: '2030-11-20',
};

const YEARS = Object.keys(EASTER).map(Number);
const ALL: readonly Land[] = LANDS;

function easterPlus(year: number, days: number): CivilDate {
  return addDays(EASTER[year] as CivilDate, days);
}

function on(year: number, monthDay: string): CivilDate {
  return `${year}-${monthDay}` as CivilDate;
}

interface Rule {
  readonly name: string;
  readonly date: (year: number) => CivilDate;
  /** Whether it is a Land-wide public holiday in `land` in `year`. */
  readonly holds: (land: Land, year: number) => boolean;
}

const everywhere = (): boolean => true;
const inLands =
  (...lands: Land[]) =>
  (land: Land): boolean =>
    lands.includes(land);

/** The law as this test states it, independently of the library (Land-wide holidays only). */
const RULES: readonly Rule[] = [
  { name: 'Neujahr', date: (y) => on(y, '01-01'), holds: everywhere },
  { name: 'Heilige Drei Könige', date: (y) => on(y, '01-06'), holds: inLands('BW', 'BY', 'ST') },
  {
    name: 'Internationaler Frauentag',
    date: (y) => on(y, '03-08'),
    holds: (land, year) => (land === 'BE' && year >= 2019) || (land === 'MV' && year >= 2023),
  },
  { name: 'Karfreitag', date: (y) => easterPlus(y, -2), holds: everywhere },
  { name: 'Ostersonntag', date: (y) => easterPlus(y, 0), holds: inLands('BB') },
  { name: 'Ostermontag', date: (y) => easterPlus(y, 1), holds: everywhere },
  { name: 'Maifeiertag', date: (y) => on(y, '05-01'), holds: everywhere },
  { name: 'Christi Himmelfahrt', date: (y) => easterPlus(y, 39), holds: everywhere },
  { name: 'Pfingstsonntag', date: (y) => easterPlus(y, 49), holds: inLands('BB') },
  { name: 'Pfingstmontag', date: (y) => easterPlus(y, 50), holds: everywhere },
  { name: 'Fronleichnam', date: (y) => easterPlus(y, 60), holds: inLands('BW', 'BY', 'HE', 'NW', 'RP', 'SL') },
  { name: 'Mariä Himmelfahrt', date: (y) => on(y, '08-15'), holds: inLands('SL') },
  { name: 'Weltkindertag', date: (y) => on(y, '09-20'), holds: (land, year) => land === 'TH' && year >= 2019 },
  { name: 'Tag der Deutschen Einheit', date: (y) => on(y, '10-03'), holds: everywhere },
  {
    name: 'Reformationstag',
    date: (y) => on(y, '10-31'),
    holds: (land, year) =>
      year === 2017 ||
      ['BB', 'MV', 'SN', 'ST', 'TH'].includes(land) ||
      (['HB', 'HH', 'NI', 'SH'].includes(land) && year >= 2018),
  },
  { name: 'Allerheiligen', date: (y) => on(y, '11-01'), holds: inLands('BW', 'BY', 'NW', 'RP', 'SL') },
  { name: 'Buß- und Bettag', date: (y) => BUSS_UND_BETTAG[y] as CivilDate, holds: inLands('SN') },
  { name: '1. Weihnachtstag', date: (y) => on(y, '12-25'), holds: everywhere },
  { name: '2. Weihnachtstag', date: (y) => on(y, '12-26'), holds: everywhere },
  // One-off holidays in Berlin (Feiertagsgesetz Berlin): 75th and 80th anniversary of the liberation, 75th of 17 June 1953.
  {
    name: 'Tag der Befreiung',
    date: (y) => on(y, '05-08'),
    holds: (land, y) => land === 'BE' && [2020, 2025].includes(y),
  },
  { name: 'Volksaufstand', date: (y) => on(y, '06-17'), holds: (land, y) => land === 'BE' && y === 2028 },
];

function expectedDates(year: number, land: Land): CivilDate[] {
  return RULES.filter((rule) => rule.holds(land, year))
    .map((rule) => rule.date(year))
    .sort();
}

describe('public holidays per Land', () => {
  it('runs in a zone far from Berlin on purpose, so JS Date pitfalls would show', () => {
    expect(new Date(2027, 0, 1).getTimezoneOffset()).not.toBe(-60);
  });

  describe.each(ALL)('%s', (land) => {
    it.each(YEARS)('has exactly the Land-wide holidays of the law in %i', (year) => {
      expect(publicHolidays(year, land).map((holiday) => holiday.date)).toEqual(expectedDates(year, land));
    });
  });

  it.each(YEARS)('finds the moving feasts of %i by Easter in every Land', (year) => {
    for (const land of ALL) {
      expect(publicHoliday(easterPlus(year, -2), land)?.name).toBe('Karfreitag');
      expect(publicHoliday(easterPlus(year, 1), land)?.name).toBe('Ostermontag');
      expect(publicHoliday(easterPlus(year, 39), land)?.name).toBe('Christi Himmelfahrt');
      expect(publicHoliday(easterPlus(year, 50), land)?.name).toBe('Pfingstmontag');
    }
  });

  it('keeps Easter-based dates right when Easter falls on a daylight-saving change (2024, 2027)', () => {
    // Summer time began on Easter Sunday 31 March 2024 and begins on Easter Sunday 28 March 2027.
    expect(publicHoliday('2024-03-29' as CivilDate, 'NW')?.name).toBe('Karfreitag');
    expect(publicHoliday('2024-04-01' as CivilDate, 'NW')?.name).toBe('Ostermontag');
    expect(publicHoliday('2027-03-26' as CivilDate, 'HH')?.name).toBe('Karfreitag');
    expect(publicHoliday('2027-03-29' as CivilDate, 'HH')?.name).toBe('Ostermontag');
    expect(publicHoliday('2027-03-30' as CivilDate, 'HH')).toBeUndefined();
  });

  const regional: [string, string, Land[], Land[]][] = [
    ['2026-06-04', 'Fronleichnam', ['BW', 'BY', 'HE', 'NW', 'RP', 'SL'], ['SN', 'TH', 'BE', 'HH']],
    ['2027-05-27', 'Fronleichnam', ['BY', 'HE'], ['SN', 'TH', 'NI']],
    ['2026-10-31', 'Reformationstag', ['BB', 'HB', 'HH', 'MV', 'NI', 'SH', 'SN', 'ST', 'TH'], ['BE', 'BY', 'NW']],
    ['2029-11-01', 'Allerheiligen', ['BW', 'BY', 'NW', 'RP', 'SL'], ['HE', 'SN', 'BE']],
    ['2026-11-18', 'Buß- und Bettag', ['SN'], ['BY', 'TH', 'ST', 'BE']],
    ['2030-11-20', 'Buß- und Bettag', ['SN'], ['BB']],
    ['2019-09-20', 'Weltkindertag', ['TH'], ['SN', 'BE']],
    ['2030-09-20', 'Weltkindertag', ['TH'], ['ST']],
    ['2019-03-08', 'Internationaler Frauentag', ['BE'], ['MV', 'BB']],
    ['2023-03-08', 'Internationaler Frauentag', ['BE', 'MV'], ['BB', 'SN']],
    ['2027-01-06', 'Heilige Drei Könige', ['BW', 'BY', 'ST'], ['HE', 'SN', 'TH']],
    ['2028-08-15', 'Mariä Himmelfahrt', ['SL'], ['BY', 'BW', 'RP']],
    ['2027-10-03', 'Tag der Deutschen Einheit', [...ALL], []],
  ];
  it.each(regional)('%s is %s in %j and not in %j', (date, name, holdsIn, notIn) => {
    for (const land of holdsIn) expect(publicHoliday(date as CivilDate, land)?.name).toBe(name);
    for (const land of notIn) expect(publicHoliday(date as CivilDate, land)).toBeUndefined();
  });

  it('knows when regional holidays began: Frauentag in MV from 2023, Weltkindertag from 2019, Reformationstag in the north from 2018', () => {
    expect(publicHoliday('2022-03-08' as CivilDate, 'MV')).toBeUndefined();
    expect(publicHoliday('2018-03-08' as CivilDate, 'BE')).toBeUndefined();
    expect(publicHoliday('2018-09-20' as CivilDate, 'TH')).toBeUndefined();
    expect(publicHoliday('2018-10-31' as CivilDate, 'NI')?.name).toBe('Reformationstag');
    expect(publicHoliday('2017-10-31' as CivilDate, 'BY')?.name).toBe('Reformationstag');
    expect(publicHoliday('2019-10-31' as CivilDate, 'BY')).toBeUndefined();
  });

  it('names the Berlin one-off holidays', () => {
    expect(publicHoliday('2025-05-08' as CivilDate, 'BE')?.name).toMatch(/Tag der Befreiung/);
    expect(publicHoliday('2028-06-17' as CivilDate, 'BE')?.name).toMatch(/Volksaufstand/);
    expect(publicHoliday('2026-05-08' as CivilDate, 'BE')).toBeUndefined();
    expect(publicHoliday('2025-05-08' as CivilDate, 'BB')).toBeUndefined();
  });

  it.each([
    ['2027-03-09', 'BE'],
    ['2027-08-08', 'BY'],
    ['2026-12-24', 'NW'],
    ['2026-12-31', 'SN'],
    ['2027-02-15', 'NW'],
    ['2026-11-02', 'BY'],
    ['2026-06-05', 'BW'],
  ] as const)('%s is a working day in %s', (date, land) => {
    expect(publicHoliday(date as CivilDate, land)).toBeUndefined();
  });
});

describe('holidays that hold only in parts of a Land', () => {
  it('are not Land-wide, and are listed with where they hold', () => {
    expect(publicHoliday('2027-08-15' as CivilDate, 'BY')).toBeUndefined();
    expect(publicHoliday('2027-08-08' as CivilDate, 'BY')).toBeUndefined();
    const bavaria = regionalPublicHolidays(2027, 'BY');
    expect(bavaria.map((holiday) => [holiday.date, holiday.name])).toEqual([
      ['2027-08-08', 'Augsburger Friedensfest'],
      ['2027-08-15', 'Mariä Himmelfahrt'],
    ]);
    expect(bavaria[0]?.heldIn).toEqual(['Stadt Augsburg']);
  });

  it('list Fronleichnam in parts of Sachsen and Thüringen', () => {
    expect(regionalPublicHolidays(2026, 'SN').map((holiday) => [holiday.date, holiday.name])).toEqual([
      ['2026-06-04', 'Fronleichnam'],
    ]);
    const thuringia = regionalPublicHolidays(2026, 'TH');
    expect(thuringia).toHaveLength(1);
    expect(thuringia[0]?.heldIn).toHaveLength(3);
  });

  it('are none in a Land without such holidays', () => {
    expect(regionalPublicHolidays(2026, 'BE')).toEqual([]);
  });
});
