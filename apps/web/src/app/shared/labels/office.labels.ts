import type { Office } from '../../core/graphql/api.types';

/** German names of the federal states (Länder), by their two-letter code. */
const LAND_NAMES: Readonly<Record<string, string>> = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
};

export function landName(code: string): string {
  return LAND_NAMES[code.toUpperCase()] ?? code;
}

/** "Rathaus Coworking – Musterstadt, Bayern" */
export function officeLabel(office: Office): string {
  const { name, land } = office.municipality;
  return `${office.name} – ${name}, ${landName(land)}`;
}
