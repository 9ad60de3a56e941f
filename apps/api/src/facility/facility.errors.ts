import { DomainError } from '../common/domain-error.js';

/** Stable codes of the facility operations (blocking desks, closures, the capacity cap). */
export const FacilityErrorCode = {
  OfficeNotFound: 'OFFICE_NOT_FOUND',
  DeskNotFound: 'DESK_NOT_FOUND',
  ClosureNotFound: 'CLOSURE_NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  InvalidClosure: 'INVALID_CLOSURE',
  ClosureEnded: 'CLOSURE_ENDED',
  InvalidCapacity: 'INVALID_CAPACITY',
  InvalidReason: 'INVALID_REASON',
} as const;

/** Longest reason of a block or closure: a sentence people read in a notice, not a document. */
export const MAX_REASON_LENGTH = 200;
/** Longest closure: a year. Longer ones are a different office, not a closure. */
export const MAX_CLOSURE_DAYS = 366;

/** An office the caller neither manages nor sees reads as one that does not exist (DESIGN.md §3.4). */
export class FacilityOfficeNotFoundError extends DomainError {
  constructor() {
    const en = 'There is no such office. Choose an office from the list.';
    super(FacilityErrorCode.OfficeNotFound, en, {
      de: 'Dieses Büro gibt es nicht. Wählen Sie ein Büro aus der Liste.',
      en,
    });
  }
}

export class FacilityDeskNotFoundError extends DomainError {
  constructor() {
    const en = 'There is no such desk. Choose a desk from the list of the office.';
    super(FacilityErrorCode.DeskNotFound, en, {
      de: 'Diesen Platz gibt es nicht. Wählen Sie einen Platz aus der Liste des Büros.',
      en,
    });
  }
}

export class ClosureNotFoundError extends DomainError {
  constructor() {
    const en = 'There is no such closure. Reload the list of closures.';
    super(FacilityErrorCode.ClosureNotFound, en, {
      de: 'Diese Schließung gibt es nicht. Laden Sie die Liste der Schließungen neu.',
      en,
    });
  }
}

/** Staff who see the office but neither manage it nor administer the organisation that runs it. */
export class NotFacilityManagerError extends DomainError {
  constructor() {
    const en =
      "Only the office's facility managers and the admins of the organisation that runs it can block desks, close " +
      'the office or change its capacity.';
    super(FacilityErrorCode.Forbidden, en, {
      de:
        'Plätze sperren, das Büro schließen oder seine Kapazität ändern dürfen nur die Standortverantwortlichen des ' +
        'Büros und die Administration der Organisation, die es betreibt.',
      en,
    });
  }
}

export class InvalidClosureError extends DomainError {
  constructor(de: string, en: string) {
    super(FacilityErrorCode.InvalidClosure, en, { de, en });
  }
}

/** A closure that is over is history: it stays, so that past bookings keep their explanation. */
export class ClosureEndedError extends DomainError {
  constructor() {
    const en = 'This closure is over already; it is kept as history and cannot be removed.';
    super(FacilityErrorCode.ClosureEnded, en, {
      de: 'Diese Schließung ist schon vorbei; sie bleibt als Verlauf erhalten und kann nicht entfernt werden.',
      en,
    });
  }
}

export class InvalidCapacityError extends DomainError {
  constructor() {
    const en =
      'The capacity cap must be a share between 0.01 and 1 in steps of 0.01 (1 % to 100 % of the active desks), ' +
      'or empty for no cap.';
    super(FacilityErrorCode.InvalidCapacity, en, {
      de:
        'Die Kapazitätsgrenze muss ein Anteil zwischen 0,01 und 1 in Schritten von 0,01 sein (1 % bis 100 % der ' +
        'aktiven Plätze) – oder leer für keine Grenze.',
      en,
    });
  }
}

export class InvalidReasonError extends DomainError {
  constructor() {
    const en = `Please give a reason (1 to ${MAX_REASON_LENGTH} characters): the people affected are told it.`;
    super(FacilityErrorCode.InvalidReason, en, {
      de: `Bitte geben Sie einen Grund an (1 bis ${MAX_REASON_LENGTH} Zeichen): Die Betroffenen erfahren ihn.`,
      en,
    });
  }
}
