import { type DeskImportProblem, detectDelimiter, hasReplacementCharacter, stripByteOrderMark } from '@nahbar/domain';
import { CsvError, parse } from 'csv-parse/sync';

export type ParsedDeskImport =
  | { readonly ok: true; readonly records: string[][] }
  | { readonly ok: false; readonly problem: DeskImportProblem };

/**
 * The records of a desk list as spreadsheet programs save it: with or without a byte-order mark, ";" or "," (or tab)
 * as separator (found in the header), CRLF or LF, quoted fields with separators, quotes and line breaks inside.
 * Empty lines stay records, so that a record's index + 1 is its line in the spreadsheet. Text decoded in the wrong
 * encoding (replacement characters) is refused rather than imported garbled.
 */
export function parseDeskImportCsv(text: string): ParsedDeskImport {
  if (hasReplacementCharacter(text)) {
    return {
      ok: false,
      problem: {
        line: 1,
        column: null,
        code: 'UNREADABLE',
        message: {
          de: 'Die Datei enthält unlesbare Zeichen (�). Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.',
          en: 'The file contains unreadable characters (�). Save it as "CSV UTF-8" and try again.',
        },
      },
    };
  }
  const body = stripByteOrderMark(text);
  try {
    const records: string[][] = parse(body, {
      delimiter: detectDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    });
    return { ok: true, records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error['lines'] === 'number' ? error['lines'] : 1;
    return {
      ok: false,
      problem: {
        line: Math.max(1, line),
        column: null,
        code: 'UNREADABLE',
        message: {
          de: `Die Datei ist ab Zeile ${line} nicht lesbar (${error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'ein Anführungszeichen wird nicht geschlossen' : 'falsch gesetzte Anführungszeichen'}). Prüfen Sie die Anführungszeichen in dieser Zeile.`,
          en: `The file cannot be read from line ${line} on (${error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote is not closed' : 'misplaced quotes'}). Check the quotes in that line.`,
        },
      },
    };
  }
}
