import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { type PostalCodeImport, postalCodePoints, type PostalCodeRecord } from '@nahbar/domain';
import { parse } from 'csv-parse/sync';

/** Columns the file must have (GeoNames export as CSV; see apps/api/data/README.md). */
const REQUIRED_COLUMNS = ['zipcode', 'place', 'community_code', 'latitude', 'longitude'] as const;

/**
 * The postal-code file shipped with the API: apps/api/data in the source tree, dist/apps/api/data in a build (the
 * build copies it beside main.js).
 */
export function defaultPostalCodeFile(): string {
  const candidates = [
    resolve(import.meta.dirname, '../data/de-postal-codes.csv'),
    resolve(import.meta.dirname, '../../data/de-postal-codes.csv'),
  ];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

/**
 * Parses the CSV text (RFC 4180: quoted fields with commas, doubled quotes and line breaks inside) into records,
 * by column name. Throws when a required column is missing or a line is malformed.
 */
export function parsePostalCodeCsv(text: string | Buffer): PostalCodeRecord[] {
  const records: Record<string, string>[] = parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: false,
  });
  const first = records[0];
  if (first) {
    const missing = REQUIRED_COLUMNS.filter((column) => !(column in first));
    if (missing.length > 0) throw new Error(`postal-code file lacks the column(s) ${missing.join(', ')}`);
  }
  return records.map((record) => ({
    zipcode: record['zipcode'] ?? '',
    place: record['place'] ?? '',
    community_code: record['community_code'] ?? '',
    latitude: record['latitude'] ?? '',
    longitude: record['longitude'] ?? '',
  }));
}

export async function readPostalCodeFile(path: string = defaultPostalCodeFile()): Promise<PostalCodeImport> {
  return postalCodePoints(parsePostalCodeCsv(await readFile(path)));
}
