/** The sixteen federal states (Länder) by their official two-letter codes (ISO 3166-2:DE without "DE-"). */
export const LANDS = [
  'SH',
  'HH',
  'NI',
  'HB',
  'NW',
  'HE',
  'RP',
  'BW',
  'BY',
  'SL',
  'BE',
  'BB',
  'MV',
  'SN',
  'ST',
  'TH',
] as const;
export type Land = (typeof LANDS)[number];

/** The Länder's names as they name themselves; messages use them in English too ("a public holiday in Bayern"). */
export const LAND_NAMES: Readonly<Record<Land, string>> = {
  SH: 'Schleswig-Holstein',
  HH: 'Hamburg',
  NI: 'Niedersachsen',
  HB: 'Bremen',
  NW: 'Nordrhein-Westfalen',
  HE: 'Hessen',
  RP: 'Rheinland-Pfalz',
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  SL: 'Saarland',
  BE: 'Berlin',
  BB: 'Brandenburg',
  MV: 'Mecklenburg-Vorpommern',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  TH: 'Thüringen',
};

export function isLand(value: unknown): value is Land {
  return typeof value === 'string' && (LANDS as readonly string[]).includes(value);
}
