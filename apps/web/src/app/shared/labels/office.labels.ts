import type { Office } from '../../core/graphql/api.types';

/** German names of the federal states (Länder), by their two-letter code. */
const LAND_NAMES: Readonly<Record<string, string>> = {
  BW: $localize`:federal state:Baden-Württemberg`,
  BY: $localize`:federal state:Bayern`,
  BE: $localize`:federal state:Berlin`,
  BB: $localize`:federal state:Brandenburg`,
  HB: $localize`:federal state:Bremen`,
  HH: $localize`:federal state:Hamburg`,
  HE: $localize`:federal state:Hessen`,
  MV: $localize`:federal state:Mecklenburg-Vorpommern`,
  NI: $localize`:federal state:Niedersachsen`,
  NW: $localize`:federal state:Nordrhein-Westfalen`,
  RP: $localize`:federal state:Rheinland-Pfalz`,
  SL: $localize`:federal state:Saarland`,
  SN: $localize`:federal state:Sachsen`,
  ST: $localize`:federal state:Sachsen-Anhalt`,
  SH: $localize`:federal state:Schleswig-Holstein`,
  TH: $localize`:federal state:Thüringen`,
};

export function landName(code: string): string {
  return LAND_NAMES[code.toUpperCase()] ?? code;
}

/** "Rathaus Coworking – Musterstadt, Bayern" */
export function officeLabel(office: Office): string {
  const { name, land } = office.municipality;
  return `${office.name} – ${name}, ${landName(land)}`;
}
