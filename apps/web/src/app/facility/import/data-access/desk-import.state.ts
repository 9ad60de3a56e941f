import { activeLanguage, formatNumber, inLanguage } from '../../../core/i18n/language';
import type { DeskImportColumn, DeskImportLineError, DeskImportProgress, DeskImportReport } from './desk-import.api';

/** The column of a line error as the template names it, in the active language. */
export function columnLabel(column: DeskImportColumn | null): string {
  switch (column) {
    case 'OFFICE':
      return $localize`Büro`;
    case 'ADDRESS':
      return $localize`Adresse`;
    case 'MUNICIPALITY_AGS':
      return $localize`Gemeindeschlüssel (AGS)`;
    case 'OPENING_WEEKDAYS':
      return $localize`Öffnungstage`;
    case 'AREA':
      return $localize`Bereich`;
    case 'DESK':
      return $localize`Platz`;
    case 'EQUIPMENT':
      return $localize`Ausstattung`;
    case 'ACCESSIBLE':
      return $localize`Barrierefrei`;
    case 'ACTIVE':
      return $localize`Aktiv`;
    case null:
      return $localize`ganze Zeile`;
  }
}

/** Why a line is faulty, in the active language. */
export function lineErrorText(error: DeskImportLineError): string {
  return inLanguage(error.messages, activeLanguage());
}

/** What the bar shows and says: a percentage and a sentence. */
export interface ProgressView {
  readonly percent: number;
  readonly text: string;
}

function percent(done: number, total: number): number {
  return total <= 0 ? 100 : Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

export function uploadProgress(sent: number, total: number): ProgressView {
  const value = percent(sent, total);
  return { percent: value, text: $localize`Datei wird übertragen: ${formatNumber(value)}:percent: %` };
}

export function serverProgress(progress: DeskImportProgress): ProgressView {
  const value = percent(progress.done, progress.total);
  const done = formatNumber(progress.done);
  const total = formatNumber(progress.total);
  switch (progress.phase) {
    case 'CHECKING':
      return { percent: value, text: $localize`Zeilen werden geprüft: ${done}:done: von ${total}:total:` };
    case 'WRITING':
      return { percent: value, text: $localize`Plätze werden gespeichert: ${done}:done: von ${total}:total:` };
    case 'DONE':
      return { percent: 100, text: $localize`Fertig: ${total}:total: Zeilen verarbeitet` };
  }
}

/** "1 neues Büro, 2 neue Bereiche, 40 neue Plätze, 3 Plätze geändert, 5 Plätze unverändert." */
export function changesText(report: DeskImportReport): string {
  const n = formatNumber;
  const offices =
    report.officesCreated === 1 ? $localize`1 neues Büro` : $localize`${n(report.officesCreated)}:count: neue Büros`;
  const areas =
    report.areasCreated === 1 ? $localize`1 neuer Bereich` : $localize`${n(report.areasCreated)}:count: neue Bereiche`;
  const created =
    report.desksCreated === 1 ? $localize`1 neuer Platz` : $localize`${n(report.desksCreated)}:count: neue Plätze`;
  const updated =
    report.desksUpdated === 1
      ? $localize`1 Platz geändert`
      : $localize`${n(report.desksUpdated)}:count: Plätze geändert`;
  const unchanged =
    report.desksUnchanged === 1
      ? $localize`1 Platz unverändert`
      : $localize`${n(report.desksUnchanged)}:count: Plätze unverändert`;
  return `${offices}, ${areas}, ${created}, ${updated}, ${unchanged}.`;
}

/** The summary of a dry run. */
export function dryRunText(report: DeskImportReport): string {
  const rows = formatNumber(report.rows);
  if (!report.valid) {
    const errors = formatNumber(report.errors.length);
    return report.errors.length === 1
      ? $localize`Die Datei hat 1 Fehler (${rows}:rows: Zeilen geprüft). Korrigieren Sie ihn und wählen Sie die Datei erneut; importiert wird erst eine fehlerfreie Datei.`
      : $localize`Die Datei hat ${errors}:errors: Fehler (${rows}:rows: Zeilen geprüft). Korrigieren Sie sie und wählen Sie die Datei erneut; importiert wird erst eine fehlerfreie Datei.`;
  }
  return $localize`Die Datei ist fehlerfrei (${rows}:rows: Zeilen). Beim Import: ${changesText(report)}:changes:`;
}

/** The summary of a finished import. */
export function importedText(report: DeskImportReport): string {
  return $localize`Import abgeschlossen: ${changesText(report)}:changes:`;
}
