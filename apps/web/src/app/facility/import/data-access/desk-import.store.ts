import { computed, inject, Injectable, signal } from '@angular/core';
import { decodeSpreadsheetBytes, DESK_IMPORT_MAX_CHARS, type SpreadsheetEncoding } from '@nahbar/domain';

import { errorMessageFor } from '../../../core/errors/error-messages';
import type { StatusNote } from '../../../shared/ui/status-message';
import {
  DeskImportApi,
  type DeskImportLineError,
  DeskImportRefusedError,
  type DeskImportReport,
} from './desk-import.api';
import { dryRunText, importedText, type ProgressView, serverProgress, uploadProgress } from './desk-import.state';

/** empty: no file; checking/importing: waiting for the API; checked: a dry run answered; imported: done. */
export type ImportStage = 'empty' | 'reading' | 'checking' | 'checked' | 'importing' | 'imported';

export interface ChosenFile {
  readonly name: string;
  readonly text: string;
  readonly encoding: SpreadsheetEncoding;
}

/**
 * The import page's state. Choosing a file reads it (UTF-8 with or without BOM, or Windows-1252 as Excel saves "CSV"
 * on a German computer) and checks it at once (a dry run). Importing is possible only after a clean dry run of that
 * same file's text; any other file, or a refused import, needs a new check.
 */
@Injectable()
export class DeskImportStore {
  private readonly api = inject(DeskImportApi);

  private readonly chosen = signal<ChosenFile | null>(null);
  private readonly currentStage = signal<ImportStage>('empty');
  private readonly currentProgress = signal<ProgressView | null>(null);
  private readonly lastDryRun = signal<DeskImportReport | null>(null);
  /** The text the last clean dry run checked: the only text the import sends. */
  private readonly checkedText = signal<string | null>(null);
  private readonly lastResult = signal<DeskImportReport | null>(null);
  private readonly refusedLines = signal<readonly DeskImportLineError[] | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);

  readonly file = this.chosen.asReadonly();
  readonly stage = this.currentStage.asReadonly();
  readonly progress = this.currentProgress.asReadonly();
  readonly dryRun = this.lastDryRun.asReadonly();
  readonly result = this.lastResult.asReadonly();
  readonly note = this.lastNote.asReadonly();
  readonly busy = computed(() => ['reading', 'checking', 'importing'].includes(this.currentStage()));
  /** Faulty lines: from the dry run, or from an import the API refused. */
  readonly errors = computed(() => this.refusedLines() ?? this.lastDryRun()?.errors ?? []);
  readonly canImport = computed(() => {
    const file = this.chosen();
    return (
      this.currentStage() === 'checked' &&
      file !== null &&
      this.lastDryRun()?.valid === true &&
      this.checkedText() === file.text
    );
  });

  /** Reads a chosen file and checks it. */
  async choose(file: File): Promise<void> {
    this.reset();
    this.currentStage.set('reading');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      this.fail($localize`Die Datei „${file.name}:name:“ konnte nicht gelesen werden.`);
      return;
    }
    await this.chooseBytes(file.name, bytes);
  }

  async chooseBytes(name: string, bytes: Uint8Array): Promise<void> {
    this.reset();
    const decoded = decodeSpreadsheetBytes(bytes);
    if (!decoded) {
      this.fail(
        $localize`„${name}:name:“ ist keine CSV-Datei, die nahbar lesen kann. Speichern Sie die Tabelle als „CSV UTF-8 (durch Trennzeichen getrennt)“.`,
      );
      return;
    }
    if (decoded.text.length > DESK_IMPORT_MAX_CHARS) {
      this.fail($localize`„${name}:name:“ ist zu groß. Teilen Sie die Liste auf mehrere Dateien auf.`);
      return;
    }
    this.chosen.set({ name, text: decoded.text, encoding: decoded.encoding });
    await this.check();
  }

  /** The dry run of the chosen file. */
  async check(): Promise<void> {
    const file = this.chosen();
    if (!file) return;
    this.currentStage.set('checking');
    this.lastNote.set(null);
    this.refusedLines.set(null);
    this.currentProgress.set(uploadProgress(0, 1));
    try {
      const report = await this.api.run(file.text, true, this.listener());
      if (this.chosen() !== file) return;
      this.lastDryRun.set(report);
      this.checkedText.set(report.valid ? file.text : null);
      this.lastNote.set({ tone: report.valid ? 'success' : 'error', text: dryRunText(report) });
      this.currentStage.set('checked');
    } catch (error) {
      this.fail(errorMessageFor(error));
    } finally {
      this.currentProgress.set(null);
    }
  }

  /** Imports the checked file: all or nothing. */
  async runImport(): Promise<void> {
    const file = this.chosen();
    if (!file || !this.canImport()) return;
    this.currentStage.set('importing');
    this.lastNote.set(null);
    this.currentProgress.set(uploadProgress(0, 1));
    try {
      const report = await this.api.run(file.text, false, this.listener());
      this.lastResult.set(report);
      this.lastNote.set({ tone: 'success', text: importedText(report) });
      this.currentStage.set('imported');
    } catch (error) {
      // Something changed since the check (another import, a desk blocked): nothing was written, check again.
      this.checkedText.set(null);
      if (error instanceof DeskImportRefusedError) {
        this.refusedLines.set(error.errors);
        this.lastNote.set({
          tone: 'error',
          text: $localize`Nichts wurde importiert: Seit der Prüfung hat sich etwas geändert. Die Fehler stehen unten; korrigieren Sie die Datei und wählen Sie sie erneut.`,
        });
        this.currentStage.set('checked');
      } else {
        this.fail(errorMessageFor(error));
      }
    } finally {
      this.currentProgress.set(null);
    }
  }

  private listener() {
    return {
      upload: (sent: number, total: number) => this.currentProgress.set(uploadProgress(sent, total)),
      progress: (progress: Parameters<typeof serverProgress>[0]) => this.currentProgress.set(serverProgress(progress)),
    };
  }

  private reset(): void {
    this.chosen.set(null);
    this.lastDryRun.set(null);
    this.checkedText.set(null);
    this.lastResult.set(null);
    this.refusedLines.set(null);
    this.lastNote.set(null);
    this.currentProgress.set(null);
    this.currentStage.set('empty');
  }

  private fail(text: string): void {
    this.lastNote.set({ tone: 'error', text });
    this.currentStage.set(this.chosen() === null ? 'empty' : 'checked');
    this.currentProgress.set(null);
  }
}
