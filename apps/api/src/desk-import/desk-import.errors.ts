import type { DeskImportProblem } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';
import { toLineError } from './models/desk-import-report.model.js';

export const DeskImportErrorCode = {
  /** The file has faulty lines: nothing was written; `extensions.errors` lists every one. */
  ImportInvalid: 'IMPORT_INVALID',
} as const;

/**
 * A refused import: every faulty line travels in `extensions.errors` ({ line, column, code, messages }), the same
 * list a dry run returns. Only the caller's own file and offices are described: nothing they may not see.
 */
export class ImportInvalidError extends DomainError {
  constructor(problems: readonly DeskImportProblem[]) {
    const count = problems.length;
    const en =
      count === 1
        ? 'The file has 1 error; nothing was imported. Correct the line and import the file again.'
        : `The file has ${count} errors; nothing was imported. Correct the lines and import the file again.`;
    const de =
      count === 1
        ? 'Die Datei hat 1 Fehler; es wurde nichts importiert. Korrigieren Sie die Zeile und importieren Sie die Datei erneut.'
        : `Die Datei hat ${count} Fehler; es wurde nichts importiert. Korrigieren Sie die Zeilen und importieren Sie die Datei erneut.`;
    super(DeskImportErrorCode.ImportInvalid, en, { de, en }, { errors: problems.map(toLineError) });
  }
}
