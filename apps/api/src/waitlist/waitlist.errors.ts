import { DomainError } from '../common/domain-error.js';

export const WaitlistErrorCode = {
  DesksAvailable: 'DESKS_AVAILABLE',
  AlreadyWaiting: 'ALREADY_WAITING',
  WaitlistEntryNotFound: 'WAITLIST_ENTRY_NOT_FOUND',
} as const;

export class DesksAvailableError extends DomainError {
  constructor() {
    const messages = {
      de: 'Es sind noch Plätze frei – bitte direkt buchen.',
      en: 'There are still desks free – please book one directly.',
    };
    super(WaitlistErrorCode.DesksAvailable, messages.en, messages);
  }
}

export class AlreadyWaitingError extends DomainError {
  constructor() {
    const messages = {
      de: 'Sie stehen für diesen Tag und diese Tageszeit schon auf der Warteliste.',
      en: 'You are on the waitlist for this day and part of the day already.',
    };
    super(WaitlistErrorCode.AlreadyWaiting, messages.en, messages);
  }
}

export class WaitlistEntryNotFoundError extends DomainError {
  constructor() {
    const messages = {
      de: 'Sie warten nicht auf diesen Platz (mehr).',
      en: 'There is no such waitlist entry of yours that is still waiting.',
    };
    super(WaitlistErrorCode.WaitlistEntryNotFound, messages.en, messages);
  }
}
