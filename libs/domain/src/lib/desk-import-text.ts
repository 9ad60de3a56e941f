import { DESK_IMPORT_COLUMNS, DESK_IMPORT_HEADERS } from './desk-import.js';

/**
 * What spreadsheet programs write when they save a CSV file, turned into text: Excel's "CSV UTF-8" (with a byte-order
 * mark), LibreOffice's UTF-8 (without one), and Excel's plain "CSV" on a German Windows, which is Windows-1252. Bytes
 * that are valid UTF-8 are read as UTF-8; anything else as Windows-1252, which has a character for every byte but five
 * (those five make it unreadable). UTF-16 with a byte-order mark (Excel's "Unicode text") is read too.
 */
export type SpreadsheetEncoding = 'UTF-8' | 'WINDOWS-1252' | 'UTF-16LE' | 'UTF-16BE';

export interface DecodedSpreadsheet {
  readonly text: string;
  readonly encoding: SpreadsheetEncoding;
}

/**
 * The WHATWG decoder, global in browsers and Node (with its full ICU data, the default); declared here because the
 * library compiles without the DOM's and Node's types.
 */
declare const TextDecoder: new (
  label?: string,
  options?: { readonly fatal?: boolean },
) => { decode(input: Uint8Array): string };

/** Bytes Windows-1252 leaves undefined: a file with them is not text in it. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeSpreadsheetBytes(bytes: Uint8Array): DecodedSpreadsheet | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    if (body.some((byte) => UNDEFINED_IN_1252.has(byte) || byte === 0)) return undefined;
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'WINDOWS-1252' };
  }
}

/** The text without a leading byte-order mark (a file read as text keeps it). */
export function stripByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export type CsvDelimiter = ';' | ',' | '\t';

/**
 * The separator of a CSV text, from its first non-empty line (the header), counting outside quotes: German Excel
 * writes ";", most others ",", "Unicode text" a tab. Ties go to ";" (a German list rarely has commas in headers).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let seen = false;
  for (const char of stripByteOrderMark(text)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seen) break;
    } else if (!quoted && (char === ';' || char === ',' || char === '\t')) {
      counts[char] += 1;
      seen = true;
    } else if (char.trim() !== '') {
      seen = true;
    }
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/** Characters that turn a text a spreadsheet program saved in another encoding into unreadable text. */
export function hasReplacementCharacter(text: string): boolean {
  return text.includes('\uFFFD');
}

/** The examples of the template: one office with two desks in one area. */
const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  [
    'Bürgerbüro Beispielstadt',
    'Marktplatz 1, 90762 Fürth',
    '09563000',
    'Mo-Fr',
    'Erdgeschoss',
    'EG-01',
    'Monitor, Dockingstation, Höhenverstellbar',
    'ja',
    'ja',
  ],
  ['Bürgerbüro Beispielstadt', '', '', '', 'Erdgeschoss', 'EG-02', 'Monitor', 'nein', 'ja'],
];

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV lines (CRLF, as spreadsheet programs write them) of a header and rows, separated by `delimiter`. */
export function toCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ';'): string {
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/**
 * The template to download: the German headers and two example lines, separated by ";" and with a UTF-8 byte-order
 * mark, so that Excel on a German computer opens it in columns and with its umlauts.
 */
export function deskImportTemplate(language: 'de' | 'en' = 'de'): string {
  const header = DESK_IMPORT_COLUMNS.map((column) => DESK_IMPORT_HEADERS[column][language]);
  return `\uFEFF${toCsv([header, ...TEMPLATE_ROWS])}`;
}
