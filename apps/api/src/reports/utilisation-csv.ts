import { deskDaysText, type Language, percentText } from '@nahbar/domain';

import type { DeskHeatmap } from './models/desk-heatmap.model.js';
import type { OfficeUtilisation, UtilisationOverview } from './models/office-utilisation.model.js';
import type { UtilisationFigures } from './models/utilisation-figures.model.js';
import type { ReportRange } from './utilisation.reader.js';

/**
 * Utilisation figures as CSV for spreadsheet programs (issue 7).
 *
 * - UTF-8 with a byte order mark: Excel reads a CSV without one in the machine's ANSI code page and garbles umlauts
 *   ("BÃ¼ro"); with it, Excel, LibreOffice and Numbers read UTF-8.
 * - German: fields separated by ";" and decimal comma ("57,5"). Excel opens a CSV with the list separator and number
 *   format of the Windows region: in Germany ";" and ",". A German Excel shown "57.5" reads a date or text, and
 *   one shown "," as separator puts each line in one cell. (A "sep=;" first line would force the separator but makes
 *   Excel ignore the BOM, so it is not used.)
 * - English: "," and decimal point, what Excel and LibreOffice in English regions expect.
 * - Dates as ISO 8601 (2026-11-23), which spreadsheets in both languages recognise; rates as percentages with one
 *   decimal; lines end in CRLF (RFC 4180); fields with the separator, quotes or line breaks are quoted, and text
 *   that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export const CSV_FORMATS: Readonly<Record<Language, { readonly separator: ';' | ','; readonly decimal: ',' | '.' }>> = {
  de: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

export const CSV_BOM = '\uFEFF';

const HEADERS: Readonly<Record<Language, readonly string[]>> = {
  de: [
    'Büro',
    'Von',
    'Bis',
    'Gliederung',
    'Bezeichnung',
    'Öffnungstage',
    'Verfügbare Platztage',
    'Gebuchte Platztage',
    'Auslastung (%)',
    'Fällige Buchungen',
    'Eingecheckt',
    'Check-in-Quote (%)',
    'Nicht erschienen',
    'No-Show-Quote (%)',
    'Spitzentage',
  ],
  en: [
    'Office',
    'From',
    'To',
    'Breakdown',
    'Label',
    'Open days',
    'Available desk-days',
    'Booked desk-days',
    'Utilisation (%)',
    'Due bookings',
    'Checked in',
    'Check-in rate (%)',
    'No-shows',
    'No-show rate (%)',
    'Peak weekdays',
  ],
};

const TEXTS = {
  de: { office: 'Büro gesamt', area: 'Bereich', weekday: 'Wochentag', desk: 'Platz', blocked: 'gesperrt', yes: 'ja' },
  en: { office: 'Whole office', area: 'Area', weekday: 'Weekday', desk: 'Desk', blocked: 'blocked', yes: 'yes' },
} as const;

const WEEKDAY_NAMES: Readonly<Record<Language, readonly string[]>> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function csvHeaders(language: Language): readonly string[] {
  return HEADERS[language];
}

export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAY_NAMES[language][weekday - 1] ?? String(weekday);
}

export function utilisationCsvFileName(range: ReportRange, language: Language): string {
  return `nahbar-${language === 'de' ? 'auslastung' : 'utilisation'}-${range.from}-${range.to}.csv`;
}

/** One office: the whole office, its areas, its opening weekdays and its desks. */
export function officeUtilisationCsv(report: OfficeUtilisation, heatmap: DeskHeatmap, language: Language): string {
  const texts = TEXTS[language];
  const { decimal } = CSV_FORMATS[language];
  const lead = [report.officeName, report.from, report.to];
  const rows: string[][] = [
    [
      ...lead,
      texts.office,
      '',
      String(report.openDays),
      ...figureFields(report.figures, language),
      peakNames(report.peakWeekdays, language),
    ],
    ...report.areas.map((area) => [
      ...lead,
      texts.area,
      area.areaName,
      String(report.openDays),
      ...figureFields(area.figures, language),
      '',
    ]),
    ...report.weekdays.map((day) => [
      ...lead,
      texts.weekday,
      weekdayName(day.weekday, language),
      String(day.openDays),
      ...figureFields(day.figures, language),
      day.peak ? texts.yes : '',
    ]),
    ...heatmap.areas.flatMap((area) =>
      area.desks.map((desk) => [
        ...lead,
        texts.desk,
        `${area.areaName}: ${desk.code}${desk.blocked ? ` (${texts.blocked})` : ''}`,
        '',
        String(desk.availableDeskDays),
        deskDaysText(desk.bookedDeskDays, decimal),
        percentText(desk.utilisationRate, decimal),
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ),
  ];
  return csvDocument(rows, language);
}

/** Every office the caller sees, one line each. */
export function overviewCsv(overview: UtilisationOverview, language: Language): string {
  const rows = overview.offices.map((office) => [
    office.officeName,
    overview.from,
    overview.to,
    TEXTS[language].office,
    '',
    String(office.openDays),
    ...figureFields(office.figures, language),
    peakNames(office.peakWeekdays, language),
  ]);
  return csvDocument(rows, language);
}

function figureFields(figures: UtilisationFigures, language: Language): string[] {
  const { decimal } = CSV_FORMATS[language];
  return [
    String(figures.availableDeskDays),
    deskDaysText(figures.bookedDeskDays, decimal),
    percentText(figures.utilisationRate, decimal),
    String(figures.dueBookings),
    String(figures.checkedIn),
    percentText(figures.checkInRate, decimal),
    String(figures.noShows),
    percentText(figures.noShowRate, decimal),
  ];
}

function peakNames(weekdays: readonly number[], language: Language): string {
  return weekdays.map((weekday) => weekdayName(weekday, language)).join(', ');
}

function csvDocument(rows: readonly (readonly string[])[], language: Language): string {
  const { separator } = CSV_FORMATS[language];
  const lines = [HEADERS[language], ...rows].map((row) =>
    row.map((field) => csvField(field, separator)).join(separator),
  );
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** A field as RFC 4180 wants it, defused against formula injection (OWASP "CSV injection"). */
export function csvField(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
