import { DomainError } from '../common/domain-error.js';

/** Stable codes of the occupancy context. Unknown or invisible offices are the places context's OFFICE_NOT_FOUND. */
export const OccupancyErrorCode = {
  Forbidden: 'FORBIDDEN',
  InvalidDate: 'INVALID_DATE',
} as const;

/** Someone who can see the office, but neither manages it nor administers the organisation that runs it. */
export class OccupancyForbiddenError extends DomainError {
  constructor() {
    const en = "Only the office's facility managers and the admins of the organisation that runs it see its occupancy.";
    super(OccupancyErrorCode.Forbidden, en, {
      de: 'Die Belegung eines Büros sehen nur seine Standortverwaltung und die Administration der Organisation, die es betreibt.',
      en,
    });
  }
}

export class OccupancyInvalidDateError extends DomainError {
  constructor(date: string) {
    const en = `"${date}" is not a real date in the form YYYY-MM-DD, for example 2027-03-15.`;
    super(OccupancyErrorCode.InvalidDate, en, {
      de: `„${date}“ ist kein gültiges Datum der Form JJJJ-MM-TT, zum Beispiel 2027-03-15.`,
      en,
    });
  }
}
