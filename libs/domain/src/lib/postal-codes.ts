import { type Land, LANDS } from './land.js';

/** A German postal code (Postleitzahl): exactly five digits, leading zeros kept ("01067"). */
export type PostalCode = string & { readonly __brand: 'PostalCode' };

export function isPostalCodeFormat(value: string): value is PostalCode {
  return /^\d{5}$/.test(value);
}

/**
 * One row of the GeoNames postal-code export as CSV columns (strings, as read). Only the columns the import uses;
 * `state` and `state_code` are left out on purpose: they are inconsistent ("Bayern"/"BY" next to "Bavaria"/"02").
 */
export interface PostalCodeRecord {
  readonly zipcode: string;
  readonly place: string;
  /** The 5-digit district key (Kreisschlüssel); empty for 87491 Jungholz. */
  readonly community_code: string;
  readonly latitude: string;
  readonly longitude: string;
}

/** One point per postal code: what the `postal_codes` table holds. */
export interface PostalCodePoint {
  readonly code: PostalCode;
  readonly place: string;
  readonly land: Land;
  readonly latitude: number;
  readonly longitude: number;
}

export interface SkippedPostalCodeRecord {
  /** 1-based position among the records (the header not counted). */
  readonly record: number;
  readonly reason: string;
}

export interface PostalCodeImport {
  /** Sorted by code. */
  readonly points: readonly PostalCodePoint[];
  readonly skipped: readonly SkippedPostalCodeRecord[];
}

/**
 * The Land of a district key (Kreisschlüssel) or municipality key (AGS): its first two digits, 01 SH … 16 TH.
 * Undefined for anything else.
 */
export function landOfDistrictKey(key: string): Land | undefined {
  if (!/^\d{5}(\d{3})?$/.test(key)) return undefined;
  return LANDS[Number(key.slice(0, 2)) - 1];
}

/**
 * Turns the rows of the export into one point per postal code. The rules, for the export's known quirks:
 * - The Land comes from the district key's first two digits, never from `state`/`state_code`.
 * - A code with several rows (several places, or companies and authorities with their own code, which the export
 *   often files under their head office's district far away) gets one point: the mean of its rows in the district
 *   that holds most of them (a tie goes to the district of the first row). Rows elsewhere are left out of the mean,
 *   so a company registered in Stuttgart cannot pull a Berlin code to Stuttgart. Its place is the first of those
 *   rows whose name does not look like an organisation (else the first of them), with mis-decoded umlauts repaired.
 * - A code without a district key (only 87491 Jungholz, an Austrian municipality reached through a German code)
 *   is kept; its Land is the one most codes with the same first three digits (its postal region) have, 874.. → BY.
 *   Without such neighbours it is skipped and reported.
 * - Rows with a malformed code or coordinates are skipped and reported, never guessed.
 */
export function postalCodePoints(records: Iterable<PostalCodeRecord>): PostalCodeImport {
  const skipped: SkippedPostalCodeRecord[] = [];
  const byCode = new Map<PostalCode, ValidRow[]>();
  let position = 0;
  for (const record of records) {
    position += 1;
    const row = validRow(record, position);
    if (typeof row === 'string') {
      skipped.push({ record: position, reason: row });
      continue;
    }
    const rows = byCode.get(row.code);
    if (rows) rows.push(row);
    else byCode.set(row.code, [row]);
  }

  const points = new Map<PostalCode, Omit<PostalCodePoint, 'land'> & { land: Land | undefined }>();
  for (const [code, rows] of byCode) points.set(code, pointOf(code, rows));

  const result: PostalCodePoint[] = [];
  for (const point of points.values()) {
    const land = point.land ?? landOfRegion(point.code, points.values());
    if (land === undefined) {
      skipped.push({
        record: byCode.get(point.code)?.[0]?.position ?? 0,
        reason: `${point.code} has no district key and no neighbour to take the Land from`,
      });
      continue;
    }
    result.push({ ...point, land });
  }
  result.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { points: result, skipped };
}

interface ValidRow {
  readonly position: number;
  readonly code: PostalCode;
  readonly place: string;
  readonly district: string;
  readonly land: Land | undefined;
  readonly latitude: number;
  readonly longitude: number;
}

function validRow(record: PostalCodeRecord, position: number): ValidRow | string {
  const code = record.zipcode.trim();
  if (!isPostalCodeFormat(code)) return `"${record.zipcode}" is no postal code of five digits`;
  const latitude = Number(record.latitude);
  const longitude = Number(record.longitude);
  // Germany (with Jungholz and Büsingen) lies within 47–56° N and 5–16° E.
  if (record.latitude.trim() === '' || !(latitude >= 47 && latitude <= 56)) {
    return `${code}: latitude "${record.latitude}" is not in Germany`;
  }
  if (record.longitude.trim() === '' || !(longitude >= 5 && longitude <= 16)) {
    return `${code}: longitude "${record.longitude}" is not in Germany`;
  }
  const district = record.community_code.trim();
  const land = landOfDistrictKey(district);
  if (district !== '' && land === undefined) return `${code}: district key "${record.community_code}" is unknown`;
  return {
    position,
    code,
    place: repairMojibake(record.place.trim()),
    district,
    land,
    latitude,
    longitude,
  };
}

function pointOf(
  code: PostalCode,
  rows: readonly ValidRow[],
): Omit<PostalCodePoint, 'land'> & { land: Land | undefined } {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.district, (counts.get(row.district) ?? 0) + 1);
  let district = rows[0]?.district ?? '';
  for (const [candidate, count] of counts) if (count > (counts.get(district) ?? 0)) district = candidate;
  const chosen = rows.filter((row) => row.district === district);
  const first = chosen[0] as ValidRow;
  const place = (chosen.find((row) => !looksLikeOrganisation(row.place)) ?? first).place;
  const mean = (pick: (row: ValidRow) => number): number =>
    Math.round((chosen.reduce((sum, row) => sum + pick(row), 0) / chosen.length) * 10_000) / 10_000;
  return {
    code,
    place,
    land: first.land,
    latitude: mean((row) => row.latitude),
    longitude: mean((row) => row.longitude),
  };
}

function landOfRegion(
  code: PostalCode,
  points: Iterable<{ readonly code: PostalCode; readonly land: Land | undefined }>,
): Land | undefined {
  const region = code.slice(0, 3);
  const counts = new Map<Land, number>();
  for (const point of points) {
    if (point.land !== undefined && point.code !== code && point.code.startsWith(region)) {
      counts.set(point.land, (counts.get(point.land) ?? 0) + 1);
    }
  }
  let best: Land | undefined;
  for (const [land, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = land;
  return best;
}

/** Legal forms and words of authorities: such rows name a company or an office, not a place. */
const ORGANISATION =
  /(\bGmbH\b|\bmbH\b|\bAG\b|\bKG\b|\bOHG\b|\beG\b|\bSE\b|\be\.\s?V\.|\bLtd\b|\bInc\b|&|\bCo\b|verwaltung|amt\b|ämter|ministerium|behörde|\bbank\b|sparkasse|versicherung|agentur|verlag|\bklinik|krankenhaus|universität)/i;

export function looksLikeOrganisation(place: string): boolean {
  return ORGANISATION.test(place);
}

/**
 * "KÃ¶ln" is "Köln" whose UTF-8 bytes were read as Latin-1: each umlaut became a pair of characters (lead byte
 * C2 or C3, then a continuation byte). Only such pairs are decoded again, so correct text stays as it is.
 */
export function repairMojibake(text: string): string {
  return text.replace(/([\u00c2\u00c3])([\u0080-\u00bf])/g, (_pair, lead: string, next: string) =>
    String.fromCharCode(((lead.charCodeAt(0) & 0x1f) << 6) | (next.charCodeAt(0) & 0x3f)),
  );
}
