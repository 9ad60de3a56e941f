import { DomainError } from '../common/domain-error.js';

/** Stable codes of the data-protection context. */
export const PrivacyErrorCode = {
  ErasureNotConfirmed: 'ERASURE_NOT_CONFIRMED',
  /** The same code as revoking the last admin's role (organisations/roles.service.ts). */
  LastAdmin: 'LAST_ADMIN',
  InvalidDate: 'INVALID_DATE',
  InvalidRange: 'INVALID_RANGE',
} as const;

/** The words that confirm an erasure, in either language of the client; compared without case and outer spaces. */
export const ERASURE_CONFIRMATIONS = ['LÖSCHEN', 'DELETE'] as const;

export class ErasureNotConfirmedError extends DomainError {
  constructor() {
    const en = 'To erase your account, type DELETE (or LÖSCHEN) into the confirmation field.';
    super(PrivacyErrorCode.ErasureNotConfirmed, en, {
      de: 'Um Ihr Konto zu löschen, geben Sie LÖSCHEN in das Bestätigungsfeld ein.',
      en,
    });
  }
}

/** The last admin of an organisation: without one nobody could give roles or share its offices any more. */
export class LastAdminErasureError extends DomainError {
  constructor() {
    const en =
      'You are the last admin of your organisation. Make someone else admin first; then you can erase your account.';
    super(PrivacyErrorCode.LastAdmin, en, {
      de: 'Sie sind die letzte Administration Ihrer Organisation. Ernennen Sie zuerst eine andere Person; danach können Sie Ihr Konto löschen.',
      en,
    });
  }
}

export class AuditInvalidDateError extends DomainError {
  constructor(date: string) {
    const en = `"${date}" is not a real date in the form YYYY-MM-DD, for example 2027-03-15.`;
    super(PrivacyErrorCode.InvalidDate, en, {
      de: `„${date}“ ist kein gültiges Datum der Form JJJJ-MM-TT, zum Beispiel 2027-03-15.`,
      en,
    });
  }
}

export class AuditInvalidRangeError extends DomainError {
  constructor() {
    const en = 'The end of the range must not be before its start, and the range must not exceed 366 days.';
    super(PrivacyErrorCode.InvalidRange, en, {
      de: 'Das Ende des Zeitraums darf nicht vor seinem Anfang liegen, und der Zeitraum darf höchstens 366 Tage umfassen.',
      en,
    });
  }
}
