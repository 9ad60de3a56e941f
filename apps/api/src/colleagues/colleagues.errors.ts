import { type CivilDate, formatCivilDate } from '@nahbar/domain';

import { DomainError } from '../common/domain-error.js';

/** Stable codes of the colleagues context (who is in, favourites, booking next to a colleague). */
export const ColleaguesErrorCode = {
  ColleagueNotFound: 'COLLEAGUE_NOT_FOUND',
  ColleagueNotIn: 'COLLEAGUE_NOT_IN',
  NoFreeDesk: 'NO_FREE_DESK',
  SearchTooShort: 'SEARCH_TOO_SHORT',
} as const;

/**
 * No such person, or one who does not let the caller see when they are in: the two read the same, so that the
 * answer never tells whether someone exists or what they chose.
 */
export class ColleagueNotFoundError extends DomainError {
  constructor() {
    super(ColleaguesErrorCode.ColleagueNotFound, 'There is no colleague by that id who shares when they are in.', {
      de: 'Diese Person teilt nicht mit Ihnen, wann sie im Büro ist.',
      en: 'This colleague does not share with you when they are in.',
    });
  }
}

/** The colleague has no desk on that day at an office the caller may book. */
export class ColleagueNotInError extends DomainError {
  constructor(name: string, date: CivilDate) {
    const en = `${name} has no desk on ${formatCivilDate(date, 'en')} at an office you may book.`;
    super(ColleaguesErrorCode.ColleagueNotIn, en, {
      de: `${name} hat am ${formatCivilDate(date, 'de')} keinen Platz in einem Büro gebucht, das Sie buchen können.`,
      en,
    });
  }
}

/** Nothing left to book next to the colleague: no free desk in the office for that part of the day. */
export class NoFreeDeskError extends DomainError {
  constructor() {
    super(ColleaguesErrorCode.NoFreeDesk, 'There is no free desk left in this office for that part of the day.', {
      de: 'In diesem Büro ist für diese Tageszeit kein Platz mehr frei.',
      en: 'There is no free desk left in this office for that part of the day.',
    });
  }
}

export const MIN_SEARCH_LENGTH = 2;

export class SearchTooShortError extends DomainError {
  constructor() {
    super(ColleaguesErrorCode.SearchTooShort, `Please type at least ${MIN_SEARCH_LENGTH} letters of the name.`, {
      de: `Bitte geben Sie mindestens ${MIN_SEARCH_LENGTH} Buchstaben des Namens ein.`,
      en: `Please type at least ${MIN_SEARCH_LENGTH} letters of the name.`,
    });
  }
}
