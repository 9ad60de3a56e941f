import { DomainError } from '../common/domain-error.js';

/** Stable codes of the presence context (teams, policies, team days). */
export const PresenceErrorCode = {
  TeamNotFound: 'TEAM_NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  PresenceDayNotFound: 'PRESENCE_DAY_NOT_FOUND',
  PresenceDayShortOfDesks: 'PRESENCE_DAY_SHORT_OF_DESKS',
  PresenceDayExists: 'PRESENCE_DAY_EXISTS',
  PresenceDayCancelled: 'PRESENCE_DAY_CANCELLED',
  NotAMember: 'NOT_A_MEMBER',
  InvalidPolicy: 'INVALID_POLICY',
  InvalidDateRange: 'INVALID_DATE_RANGE',
  TeamNameTaken: 'TEAM_NAME_TAKEN',
  AlreadyAMember: 'ALREADY_A_MEMBER',
  InvalidName: 'INVALID_NAME',
} as const;

/** A team the caller may not see reads as one that does not exist (DESIGN.md §3.4). */
export class TeamNotFoundError extends DomainError {
  constructor() {
    super(PresenceErrorCode.TeamNotFound, 'There is no such team of yours.', {
      de: 'Dieses Team gibt es nicht, oder Sie gehören nicht dazu.',
      en: 'There is no such team of yours.',
    });
  }
}

/** A member (not a lead) of the team asked for something only its leads and admins may do. */
export class NotTeamLeadError extends DomainError {
  constructor() {
    super(PresenceErrorCode.Forbidden, 'Only the team’s leads and its organisation’s admins may do this.', {
      de: 'Das dürfen nur die Leitungen des Teams und die Administration der Organisation.',
      en: 'Only the team’s leads and its organisation’s admins may do this.',
    });
  }
}

/** A range of dates that is malformed, reversed or longer than a query allows (shared by the team queries). */
export class InvalidDateRangeError extends DomainError {
  constructor(maxDays: number) {
    const en = `Choose a range from a first to a last date (YYYY-MM-DD), the last not before the first, at most ${maxDays} days.`;
    super(PresenceErrorCode.InvalidDateRange, en, {
      de: `Bitte wählen Sie einen Zeitraum von einem ersten bis zu einem letzten Tag (JJJJ-MM-TT), der letzte nicht vor dem ersten, höchstens ${maxDays} Tage.`,
      en,
    });
  }
}
