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

/** A member (not a lead) of the team asked to plan its team days, see each member's answers or best days. */
export class NotTeamLeadError extends DomainError {
  constructor() {
    const en = 'Only the team’s leads may plan team days and see how each member answered.';
    super(PresenceErrorCode.Forbidden, en, {
      de: 'Teamtage planen und sehen, wie jedes Mitglied geantwortet hat, dürfen nur die Leitungen des Teams.',
      en,
    });
  }
}

/** A member (not a lead) of the team asked to rename it, keep its members or its policy. */
export class NotTeamManagerError extends DomainError {
  constructor() {
    const en = 'Only the team’s leads and its organisation’s admins may do this.';
    super(PresenceErrorCode.Forbidden, en, {
      de: 'Das dürfen nur die Leitungen des Teams und die Administration der Organisation.',
      en,
    });
  }
}

/**
 * An admin of the team's organisation who is not in the team asked for its team days, their answers, its calendar
 * or best days: those are for the team (DESIGN.md §5). The admin knows the team exists, so this is no TEAM_NOT_FOUND.
 */
export class TeamDaysForTeamError extends DomainError {
  constructor() {
    const en =
      'Team days are for the team’s members and leads only. As an admin you keep its members and its presence policy.';
    super(PresenceErrorCode.Forbidden, en, {
      de: 'Teamtage sind nur für die Mitglieder und Leitungen des Teams. Als Administration pflegen Sie seine Mitglieder und seine Anwesenheitsregel.',
      en,
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
