import { MAX_UTILISATION_RANGE_DAYS } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';

/** Stable codes of the reports context. Unknown or invisible offices are the places context's OFFICE_NOT_FOUND. */
export const ReportsErrorCode = {
  Forbidden: 'FORBIDDEN',
  InvalidDate: 'INVALID_DATE',
  InvalidRange: 'INVALID_RANGE',
} as const;

/** Someone who can see the office, but neither manages it nor administers the organisation that runs it. */
export class ReportsForbiddenError extends DomainError {
  constructor() {
    const en =
      "Only the office's facility managers and the admins of the organisation that runs it see its utilisation.";
    super(ReportsErrorCode.Forbidden, en, {
      de: 'Die Auslastung eines Büros sehen nur seine Standortverwaltung und die Administration der Organisation, die es betreibt.',
      en,
    });
  }
}

export class ReportsInvalidDateError extends DomainError {
  constructor(date: string) {
    const en = `"${date}" is not a real date in the form YYYY-MM-DD, for example 2027-03-15.`;
    super(ReportsErrorCode.InvalidDate, en, {
      de: `„${date}“ ist kein gültiges Datum der Form JJJJ-MM-TT, zum Beispiel 2027-03-15.`,
      en,
    });
  }
}

/** A range whose end is before its start, or longer than a year. */
export class ReportsInvalidRangeError extends DomainError {
  constructor(reason: 'REVERSED' | 'TOO_LONG') {
    const texts =
      reason === 'REVERSED'
        ? { de: 'Das Ende des Zeitraums liegt vor seinem Anfang.', en: 'The end of the range is before its start.' }
        : {
            de: `Ein Zeitraum umfasst höchstens ${MAX_UTILISATION_RANGE_DAYS} Tage. Wählen Sie einen kürzeren.`,
            en: `A range covers at most ${MAX_UTILISATION_RANGE_DAYS} days. Choose a shorter one.`,
          };
    super(ReportsErrorCode.InvalidRange, texts.en, texts);
  }
}
