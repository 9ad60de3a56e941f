import { DomainError } from '../common/domain-error.js';

/** Stable codes of the "near home" context (postal codes, offices ranked by distance). */
export const NearHomeErrorCode = {
  InvalidPostalCode: 'INVALID_POSTAL_CODE',
  HomePostalCodeMissing: 'HOME_POSTAL_CODE_MISSING',
  InvalidRadius: 'INVALID_RADIUS',
} as const;

/** Five digits, but no German postal code (e.g. 00000 or 99999). Nothing is changed. */
export class InvalidPostalCodeError extends DomainError {
  constructor(code: string) {
    super(NearHomeErrorCode.InvalidPostalCode, `${code} is not a German postal code. Please check the five digits.`, {
      de: `${code} ist keine deutsche Postleitzahl. Bitte prüfen Sie die fünf Ziffern.`,
      en: `${code} is not a German postal code. Please check the five digits.`,
    });
  }
}

/**
 * The caller has no home postal code (or one that is no longer in the postal-code data): nothing to measure from.
 * An error rather than an empty list, so a client can tell "set your postal code" from "no office within reach".
 */
export class HomePostalCodeMissingError extends DomainError {
  constructor() {
    super(
      NearHomeErrorCode.HomePostalCodeMissing,
      'Offices near home need your home postal code. Please enter it in your profile.',
      {
        de: 'Für Büros in Ihrer Nähe brauchen wir Ihre Postleitzahl. Bitte tragen Sie sie in Ihrem Profil ein.',
        en: 'Offices near home need your home postal code. Please enter it in your profile.',
      },
    );
  }
}

export const MIN_RADIUS_KM = 1;
export const MAX_RADIUS_KM = 500;

/** A radius outside 1..500 km (a typed refusal rather than a bare BAD_USER_INPUT, so the client can name it). */
export class InvalidRadiusError extends DomainError {
  constructor() {
    super(
      NearHomeErrorCode.InvalidRadius,
      `The radius must be a whole number of kilometres from ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM}; leave it out for all offices.`,
      {
        de: `Der Umkreis muss zwischen ${MIN_RADIUS_KM} und ${MAX_RADIUS_KM} km liegen. Ohne Umkreis sehen Sie alle Büros.`,
        en: `The radius must be a whole number of kilometres from ${MIN_RADIUS_KM} to ${MAX_RADIUS_KM}; leave it out for all offices.`,
      },
    );
  }
}
