import type { LocalizedText } from './localized-text.js';

/**
 * Desk lists from spreadsheets (issue 7): one row per desk, with its office and area. This file checks the rows of a
 * parsed file on their own (no database): header, values, and consistency within the file. What the rows mean for the
 * offices a caller runs is `planDeskImport` (desk-import-plan.ts); turning bytes into text is desk-import-text.ts.
 *
 * Line numbers are the spreadsheet's row numbers: the header is line 1, the first desk line 2, and empty lines count
 * (a spreadsheet shows them as empty rows).
 */

/** The columns of the file, in the template's order. */
export const DESK_IMPORT_COLUMNS = [
  'office',
  'address',
  'municipalityAgs',
  'openingWeekdays',
  'area',
  'desk',
  'equipment',
  'accessible',
  'active',
] as const;
export type DeskImportColumn = (typeof DESK_IMPORT_COLUMNS)[number];

/** Columns every file must have; the office columns besides the name are needed only for new offices. */
export const DESK_IMPORT_REQUIRED_COLUMNS: readonly DeskImportColumn[] = ['office', 'area', 'desk'];

/** The headers of the template (German) and their English equivalents; both are accepted, as are the aliases. */
export const DESK_IMPORT_HEADERS: Readonly<Record<DeskImportColumn, LocalizedText>> = {
  office: { de: 'Büro', en: 'Office' },
  address: { de: 'Adresse', en: 'Address' },
  municipalityAgs: { de: 'Gemeindeschlüssel (AGS)', en: 'Municipality key (AGS)' },
  openingWeekdays: { de: 'Öffnungstage', en: 'Opening days' },
  area: { de: 'Bereich', en: 'Area' },
  desk: { de: 'Platz', en: 'Desk' },
  equipment: { de: 'Ausstattung', en: 'Equipment' },
  accessible: { de: 'Barrierefrei', en: 'Accessible' },
  active: { de: 'Aktiv', en: 'Active' },
};

/** Other headers people write for the same column (compared after `headerKey`). */
const HEADER_ALIASES: Readonly<Record<DeskImportColumn, readonly string[]>> = {
  office: ['buero', 'standort', 'satellitenbuero', 'officename', 'buroname', 'bueroname'],
  address: ['anschrift', 'strasse', 'adresse'],
  municipalityAgs: [
    'gemeindeschluessel',
    'ags',
    'amtlichergemeindeschluessel',
    'municipalitykey',
    'municipalityags',
    'municipality',
    'gemeinde',
  ],
  openingWeekdays: ['oeffnungstage', 'openingdays', 'openingweekdays', 'wochentage', 'geoeffnet'],
  area: ['bereich', 'area', 'etage', 'zone', 'geschoss'],
  desk: ['platz', 'desk', 'arbeitsplatz', 'platznummer', 'platzkennung', 'desk code', 'deskcode', 'code'],
  equipment: ['ausstattung', 'equipment'],
  accessible: ['barrierefrei', 'accessible', 'rollstuhlgerecht'],
  active: ['aktiv', 'active', 'buchbar', 'bookable'],
};

/** Equipment nahbar knows, in the order it is stored. */
export const DESK_EQUIPMENT = ['MONITOR', 'DOCKING_STATION', 'HEIGHT_ADJUSTABLE'] as const;
export type DeskEquipment = (typeof DESK_EQUIPMENT)[number];

export const DESK_EQUIPMENT_LABELS: Readonly<Record<DeskEquipment, LocalizedText>> = {
  MONITOR: { de: 'Monitor', en: 'Monitor' },
  DOCKING_STATION: { de: 'Dockingstation', en: 'Docking station' },
  HEIGHT_ADJUSTABLE: { de: 'Höhenverstellbar', en: 'Height-adjustable' },
};

const EQUIPMENT_WORDS: Readonly<Record<string, DeskEquipment>> = {
  monitor: 'MONITOR',
  bildschirm: 'MONITOR',
  screen: 'MONITOR',
  dockingstation: 'DOCKING_STATION',
  docking: 'DOCKING_STATION',
  dock: 'DOCKING_STATION',
  hoehenverstellbar: 'HEIGHT_ADJUSTABLE',
  hoehenverstellbarertisch: 'HEIGHT_ADJUSTABLE',
  heightadjustable: 'HEIGHT_ADJUSTABLE',
  heightadjustabledesk: 'HEIGHT_ADJUSTABLE',
};

/** Most desk lines in one file: a Land's offices fit; larger lists are split. */
export const DESK_IMPORT_MAX_ROWS = 20_000;
/** Most characters of one file's text (about 180 bytes a line at the row limit). */
export const DESK_IMPORT_MAX_CHARS = 4_000_000;

export const DESK_IMPORT_MAX_LENGTH: Readonly<Record<'office' | 'address' | 'area' | 'desk', number>> = {
  office: 200,
  address: 300,
  area: 100,
  desk: 50,
};

/** Stable codes of what can be wrong with a file or a line. */
export const DESK_IMPORT_PROBLEM_CODES = [
  'EMPTY_FILE',
  'TOO_MANY_ROWS',
  'UNREADABLE',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'MISSING_COLUMN',
  'FIELD_COUNT',
  'MISSING_VALUE',
  'TOO_LONG',
  'BAD_AGS',
  'BAD_WEEKDAYS',
  'BAD_EQUIPMENT',
  'BAD_YES_NO',
  'DUPLICATE_DESK',
  'OFFICE_CONFLICT',
  'UNKNOWN_OFFICE',
  'AMBIGUOUS_OFFICE',
  'NEW_OFFICE_INCOMPLETE',
  'UNKNOWN_MUNICIPALITY',
  'BLOCK_IN_OPERATIONS',
] as const;
export type DeskImportProblemCode = (typeof DESK_IMPORT_PROBLEM_CODES)[number];

/** One thing wrong with the file: where (line, and column when it is one value) and why, in German and English. */
export interface DeskImportProblem {
  readonly line: number;
  readonly column: DeskImportColumn | null;
  readonly code: DeskImportProblemCode;
  readonly message: LocalizedText;
}

/** A desk line whose values are all well-formed. */
export interface DeskImportRow {
  readonly line: number;
  readonly office: string;
  readonly address: string | null;
  /** 8 digits (a 7-digit key lost its leading zero in a spreadsheet and got it back). */
  readonly municipalityAgs: string | null;
  /** ISO weekdays (1 = Monday), ascending; null when the line leaves them out. */
  readonly openingWeekdays: readonly number[] | null;
  readonly area: string;
  readonly desk: string;
  readonly equipment: readonly DeskEquipment[];
  readonly accessible: boolean;
  readonly active: boolean;
}

export interface DeskImportValidation {
  /** Lines that are well-formed (lines with a problem are left out). */
  readonly rows: readonly DeskImportRow[];
  /** Every problem, by line; file-level problems on line 1. */
  readonly problems: readonly DeskImportProblem[];
  /** Desk lines in the file (not counting empty lines). */
  readonly dataRows: number;
}

/** Lower case, umlauts spelt out, only letters and digits: "Gemeindeschlüssel (AGS)" → "gemeindeschluesselags". */
export function headerKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_LOOKUP: ReadonlyMap<string, DeskImportColumn> = (() => {
  const lookup = new Map<string, DeskImportColumn>();
  for (const column of DESK_IMPORT_COLUMNS) {
    const { de, en } = DESK_IMPORT_HEADERS[column];
    for (const name of [de, en, column, ...HEADER_ALIASES[column]]) lookup.set(headerKey(name), column);
  }
  return lookup;
})();

/** The column a header names, or undefined. */
export function columnOfHeader(header: string): DeskImportColumn | undefined {
  return HEADER_LOOKUP.get(headerKey(header));
}

/** The header of a column in a language, for messages. */
export function columnName(column: DeskImportColumn, language: 'de' | 'en'): string {
  return DESK_IMPORT_HEADERS[column][language];
}

function problem(
  line: number,
  column: DeskImportColumn | null,
  code: DeskImportProblemCode,
  de: string,
  en: string,
): DeskImportProblem {
  return { line, column, code, message: { de, en } };
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'wahr', 'true', 'w']);
const NO = new Set(['nein', 'n', 'no', '0', 'falsch', 'false', 'f', '-']);

/** "ja", "x", "1", "yes", "wahr" … → true; "nein", "0", "no" … → false; empty → `empty`; else undefined. */
export function parseYesNo(value: string, empty: boolean): boolean | undefined {
  const key = value.trim().toLowerCase();
  if (key === '') return empty;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** "Monitor, Dockingstation" → ['MONITOR', 'DOCKING_STATION']; the words that are not equipment in `unknown`. */
export function parseEquipment(value: string): { equipment: DeskEquipment[]; unknown: string[] } {
  const found = new Set<DeskEquipment>();
  const unknown: string[] = [];
  for (const part of value.split(/[,;|+/]/)) {
    const word = part.trim();
    if (word === '') continue;
    const item = EQUIPMENT_WORDS[headerKey(word)];
    if (item) found.add(item);
    else unknown.push(word);
  }
  return { equipment: DESK_EQUIPMENT.filter((item) => found.has(item)), unknown };
}

const WEEKDAY_WORDS: Readonly<Record<string, number>> = {
  mo: 1,
  mon: 1,
  montag: 1,
  monday: 1,
  di: 2,
  tu: 2,
  tue: 2,
  dienstag: 2,
  tuesday: 2,
  mi: 3,
  we: 3,
  wed: 3,
  mittwoch: 3,
  wednesday: 3,
  do: 4,
  th: 4,
  thu: 4,
  donnerstag: 4,
  thursday: 4,
  fr: 5,
  fri: 5,
  freitag: 5,
  friday: 5,
  sa: 6,
  sat: 6,
  samstag: 6,
  sonnabend: 6,
  saturday: 6,
  so: 7,
  su: 7,
  sun: 7,
  sonntag: 7,
  sunday: 7,
};

function weekdayNumber(word: string): number | undefined {
  const key = headerKey(word);
  if (/^[1-7]$/.test(key)) return Number(key);
  return WEEKDAY_WORDS[key];
}

/**
 * "Mo-Fr", "Mo, Di, Do", "Mon–Thu", "1-5" → ISO weekdays, ascending; empty → null; undefined when not weekdays.
 * A range runs forwards within a week (Mo-Fr, not Fr-Mo).
 */
export function parseWeekdays(value: string): number[] | null | undefined {
  const text = value.trim().replace(/\s*(?:[-–—]|\bbis\b|\bto\b)\s*/g, '-');
  if (text === '') return null;
  const days = new Set<number>();
  for (const part of text.split(/[,;/\s]+/)) {
    if (part === '' || part === 'und' || part === 'and' || part === '&') continue;
    const range = part.split('-');
    if (range.length === 1) {
      const day = weekdayNumber(part);
      if (day === undefined) return undefined;
      days.add(day);
    } else if (range.length === 2) {
      const from = weekdayNumber(range[0] ?? '');
      const to = weekdayNumber(range[1] ?? '');
      if (from === undefined || to === undefined || to < from) return undefined;
      for (let day = from; day <= to; day += 1) days.add(day);
    } else {
      return undefined;
    }
  }
  return days.size === 0 ? undefined : [...days].sort((a, b) => a - b);
}

/** An AGS with spaces removed and a lost leading zero restored (7 digits → 8); undefined when it is none. */
export function parseAgs(value: string): string | null | undefined {
  const digits = value.replace(/\s/g, '');
  if (digits === '') return null;
  const ags = /^\d{7}$/.test(digits) ? `0${digits}` : digits;
  if (!/^\d{8}$/.test(ags)) return undefined;
  const land = Number(ags.slice(0, 2));
  return land >= 1 && land <= 16 ? ags : undefined;
}

/** Offices are the same when their names are, ignoring case and runs of spaces. */
export function officeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

function isBlank(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/**
 * Checks a parsed file: `records[0]` is the header, every further record one line of the spreadsheet (empty records
 * included, so that line numbers match). Returns the well-formed desk lines and every problem.
 */
export function validateDeskImport(records: readonly (readonly string[])[]): DeskImportValidation {
  const problems: DeskImportProblem[] = [];
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const header = records[headerIndex];
  if (header === undefined) {
    problems.push(
      problem(
        1,
        null,
        'EMPTY_FILE',
        'Die Datei ist leer. Laden Sie die Vorlage herunter und tragen Sie je Zeile einen Platz ein.',
        'The file is empty. Download the template and enter one desk per line.',
      ),
    );
    return { rows: [], problems, dataRows: 0 };
  }
  const headerLine = headerIndex + 1;
  const positions = new Map<DeskImportColumn, number>();
  header.forEach((name, index) => {
    if (name.trim() === '') return;
    const column = columnOfHeader(name);
    if (column === undefined) {
      const known = DESK_IMPORT_COLUMNS.map((c) => DESK_IMPORT_HEADERS[c].de).join(', ');
      const knownEn = DESK_IMPORT_COLUMNS.map((c) => DESK_IMPORT_HEADERS[c].en).join(', ');
      problems.push(
        problem(
          headerLine,
          null,
          'UNKNOWN_COLUMN',
          `Unbekannte Spalte „${name.trim()}“. Erlaubt sind: ${known}.`,
          `Unknown column "${name.trim()}". Allowed are: ${knownEn}.`,
        ),
      );
    } else if (positions.has(column)) {
      problems.push(
        problem(
          headerLine,
          column,
          'DUPLICATE_COLUMN',
          `Die Spalte „${columnName(column, 'de')}“ kommt zweimal vor.`,
          `The column "${columnName(column, 'en')}" appears twice.`,
        ),
      );
    } else {
      positions.set(column, index);
    }
  });
  for (const column of DESK_IMPORT_REQUIRED_COLUMNS) {
    if (!positions.has(column)) {
      problems.push(
        problem(
          headerLine,
          column,
          'MISSING_COLUMN',
          `Die Spalte „${columnName(column, 'de')}“ fehlt. Die erste Zeile muss die Spaltennamen der Vorlage enthalten.`,
          `The column "${columnName(column, 'en')}" is missing. The first line must hold the template's column names.`,
        ),
      );
    }
  }
  const dataRows = records.slice(headerIndex + 1).filter((record) => !isBlank(record)).length;
  if (problems.length > 0) return { rows: [], problems, dataRows };
  if (dataRows === 0) {
    problems.push(
      problem(
        headerLine,
        null,
        'EMPTY_FILE',
        'Die Datei enthält keine Plätze: Tragen Sie unter der Kopfzeile je Zeile einen Platz ein.',
        'The file holds no desks: enter one desk per line below the header.',
      ),
    );
    return { rows: [], problems, dataRows };
  }
  if (dataRows > DESK_IMPORT_MAX_ROWS) {
    problems.push(
      problem(
        headerLine,
        null,
        'TOO_MANY_ROWS',
        `Die Datei hat ${dataRows} Plätze; höchstens ${DESK_IMPORT_MAX_ROWS} gehen in einem Import. Teilen Sie die Datei auf.`,
        `The file has ${dataRows} desks; at most ${DESK_IMPORT_MAX_ROWS} fit in one import. Split the file.`,
      ),
    );
    return { rows: [], problems, dataRows };
  }

  const rows: DeskImportRow[] = [];
  /** The first line naming each office, with the office values it gave. */
  const offices = new Map<string, { line: number; address: string | null; ags: string | null; days: string | null }>();
  /** The first line of each desk code per office. */
  const desks = new Map<string, number>();
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index] ?? [];
    if (isBlank(record)) continue;
    const line = index + 1;
    const before = problems.length;
    const value = (column: DeskImportColumn): string => {
      const position = positions.get(column);
      return position === undefined ? '' : (record[position] ?? '').trim();
    };
    if (record.length > header.length && record.slice(header.length).some((field) => field.trim() !== '')) {
      problems.push(
        problem(
          line,
          null,
          'FIELD_COUNT',
          `Die Zeile hat ${record.length} Felder, die Kopfzeile nur ${header.length}. Steht ein Trennzeichen (; oder ,) in einem Wert? Dann setzen Sie den Wert in Anführungszeichen.`,
          `The line has ${record.length} fields, the header only ${header.length}. Is there a separator (; or ,) inside a value? Then put the value in quotes.`,
        ),
      );
      continue;
    }
    const required = (column: 'office' | 'area' | 'desk'): string => {
      const text = value(column).replace(/\s+/g, ' ');
      if (text === '') {
        problems.push(
          problem(
            line,
            column,
            'MISSING_VALUE',
            `„${columnName(column, 'de')}“ fehlt.`,
            `"${columnName(column, 'en')}" is missing.`,
          ),
        );
      } else if (text.length > DESK_IMPORT_MAX_LENGTH[column]) {
        problems.push(
          problem(
            line,
            column,
            'TOO_LONG',
            `„${columnName(column, 'de')}“ ist länger als ${DESK_IMPORT_MAX_LENGTH[column]} Zeichen.`,
            `"${columnName(column, 'en')}" is longer than ${DESK_IMPORT_MAX_LENGTH[column]} characters.`,
          ),
        );
      }
      return text;
    };
    const office = required('office');
    const area = required('area');
    const desk = required('desk');

    const address = value('address').replace(/\s+/g, ' ');
    if (address.length > DESK_IMPORT_MAX_LENGTH.address) {
      problems.push(
        problem(
          line,
          'address',
          'TOO_LONG',
          `„Adresse“ ist länger als ${DESK_IMPORT_MAX_LENGTH.address} Zeichen.`,
          `"Address" is longer than ${DESK_IMPORT_MAX_LENGTH.address} characters.`,
        ),
      );
    }
    const agsText = value('municipalityAgs');
    const ags = parseAgs(agsText);
    if (ags === undefined) {
      problems.push(
        problem(
          line,
          'municipalityAgs',
          'BAD_AGS',
          `„${agsText}“ ist kein Amtlicher Gemeindeschlüssel: Er hat 8 Ziffern, z. B. 09563000 für Fürth.`,
          `"${agsText}" is no official municipality key (AGS): it has 8 digits, e.g. 09563000 for Fürth.`,
        ),
      );
    }
    const daysText = value('openingWeekdays');
    const days = parseWeekdays(daysText);
    if (days === undefined) {
      problems.push(
        problem(
          line,
          'openingWeekdays',
          'BAD_WEEKDAYS',
          `„${daysText}“ sind keine Wochentage. Schreiben Sie z. B. „Mo-Fr“ oder „Mo, Di, Do“.`,
          `"${daysText}" are no weekdays. Write e.g. "Mon-Fri" or "Mon, Tue, Thu".`,
        ),
      );
    }
    const equipmentText = value('equipment');
    const { equipment, unknown } = parseEquipment(equipmentText);
    if (unknown.length > 0) {
      const allowed = DESK_EQUIPMENT.map((item) => DESK_EQUIPMENT_LABELS[item].de).join(', ');
      const allowedEn = DESK_EQUIPMENT.map((item) => DESK_EQUIPMENT_LABELS[item].en).join(', ');
      problems.push(
        problem(
          line,
          'equipment',
          'BAD_EQUIPMENT',
          `Unbekannte Ausstattung „${unknown.join(', ')}“. Möglich sind: ${allowed} (mit Komma getrennt).`,
          `Unknown equipment "${unknown.join(', ')}". Possible are: ${allowedEn} (separated by commas).`,
        ),
      );
    }
    const yesNo = (column: 'accessible' | 'active', empty: boolean): boolean => {
      const text = value(column);
      const parsed = parseYesNo(text, empty);
      if (parsed === undefined) {
        problems.push(
          problem(
            line,
            column,
            'BAD_YES_NO',
            `„${columnName(column, 'de')}“ ist „${text}“; erlaubt sind „ja“ und „nein“.`,
            `"${columnName(column, 'en')}" is "${text}"; allowed are "yes" and "no".`,
          ),
        );
      }
      return parsed ?? empty;
    };
    const accessible = yesNo('accessible', false);
    const active = yesNo('active', true);

    if (office !== '') {
      const key = officeKey(office);
      const first = offices.get(key);
      const daysKey = days ? days.join(',') : null;
      if (first === undefined) {
        offices.set(key, { line, address: address || null, ags: ags ?? null, days: daysKey });
      } else {
        const conflict = (
          column: DeskImportColumn,
          mine: string | null | undefined,
          theirs: string | null,
        ): boolean => {
          if (mine === null || mine === undefined || theirs === null || mine === theirs) return false;
          problems.push(
            problem(
              line,
              column,
              'OFFICE_CONFLICT',
              `„${columnName(column, 'de')}“ weicht von Zeile ${first.line} für dasselbe Büro ab. Ein Büro hat überall dieselben Angaben.`,
              `"${columnName(column, 'en')}" differs from line ${first.line} for the same office. An office has the same details on every line.`,
            ),
          );
          return true;
        };
        conflict('address', address || null, first.address);
        conflict('municipalityAgs', ags, first.ags);
        conflict('openingWeekdays', daysKey, first.days);
        // Later lines may fill in what the first left out.
        first.address ??= address || null;
        first.ags ??= ags ?? null;
        first.days ??= daysKey;
      }
      if (desk !== '') {
        const deskKey = `${key}\u0000${desk}`;
        const firstDesk = desks.get(deskKey);
        if (firstDesk === undefined) {
          desks.set(deskKey, line);
        } else {
          problems.push(
            problem(
              line,
              'desk',
              'DUPLICATE_DESK',
              `Platz „${desk}“ steht für dieses Büro schon in Zeile ${firstDesk}. Jeder Platz eines Büros hat eine eigene Kennung.`,
              `Desk "${desk}" is already in line ${firstDesk} for this office. Every desk of an office has its own code.`,
            ),
          );
        }
      }
    }

    if (problems.length > before) continue;
    rows.push({
      line,
      office,
      address: address || null,
      municipalityAgs: ags ?? null,
      openingWeekdays: days ?? null,
      area,
      desk,
      equipment,
      accessible,
      active,
    });
  }
  // The office details may come from any of its lines: every row carries what its office's lines gave together.
  const completed = rows.map((row) => {
    const details = offices.get(officeKey(row.office));
    return {
      ...row,
      address: row.address ?? details?.address ?? null,
      municipalityAgs: row.municipalityAgs ?? details?.ags ?? null,
      openingWeekdays: row.openingWeekdays ?? (details?.days ? details.days.split(',').map(Number) : null),
    };
  });
  return { rows: completed, problems: sortProblems(problems), dataRows };
}

/** By line, then in the columns' order (file-level problems first within a line). */
export function sortProblems(problems: readonly DeskImportProblem[]): DeskImportProblem[] {
  const order = (column: DeskImportColumn | null): number =>
    column === null ? -1 : DESK_IMPORT_COLUMNS.indexOf(column);
  return [...problems].sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
}
