import { type LocalizedText } from '@nahbar/domain';

import { DomainError } from '../../common/domain-error.js';
import { PresenceErrorCode } from '../presence.errors.js';

/** Creating or deleting a team is for the admins of its organisation. */
export class NotOrganisationAdminError extends DomainError {
  constructor() {
    const en = 'Only admins of the team’s organisation may create or delete teams.';
    super(PresenceErrorCode.Forbidden, en, {
      de: 'Teams anlegen und löschen darf nur die Administration der Organisation des Teams.',
      en,
    });
  }
}

/** A team name that is empty, too long or made of spaces. */
export class InvalidTeamNameError extends DomainError {
  constructor(maxLength: number) {
    const en = `Give the team a name of 1 to ${maxLength} characters.`;
    super(PresenceErrorCode.InvalidName, en, {
      de: `Bitte geben Sie dem Team einen Namen mit 1 bis ${maxLength} Zeichen.`,
      en,
    });
  }
}

export class TeamNameTakenError extends DomainError {
  constructor(name: string) {
    const en = `The organisation has a team called "${name}" already. Choose another name.`;
    super(PresenceErrorCode.TeamNameTaken, en, {
      de: `Die Organisation hat schon ein Team „${name}“. Bitte wählen Sie einen anderen Namen.`,
      en,
    });
  }
}

export class AlreadyAMemberError extends DomainError {
  constructor() {
    const en = 'This person is a member of the team already.';
    super(PresenceErrorCode.AlreadyAMember, en, { de: 'Diese Person gehört schon zum Team.', en });
  }
}

/** Removing someone who is not in the team. */
export class NotTeamMemberError extends DomainError {
  constructor() {
    const en = 'This person is not a member of the team.';
    super(PresenceErrorCode.NotAMember, en, { de: 'Diese Person gehört nicht zum Team.', en });
  }
}

/** A person who is not in the team's organisation (or does not exist): never say which. */
export class TeamPersonNotFoundError extends DomainError {
  constructor() {
    const en = 'There is no such person in the organisation of the team.';
    super('PERSON_NOT_FOUND', en, { de: 'Diese Person gibt es in der Organisation des Teams nicht.', en });
  }
}

/** A policy the domain library refused (`checkPresencePolicy`), with its German and English texts. */
export class InvalidPolicyError extends DomainError {
  constructor(messages: LocalizedText) {
    super(PresenceErrorCode.InvalidPolicy, messages.en, messages);
  }
}

/** Best days over more offices than one query may name. */
export class TooManyOfficesError extends DomainError {
  constructor(maxOffices: number) {
    const en = `Choose at most ${maxOffices} offices, or none to consider all offices your team may book.`;
    super(PresenceErrorCode.InvalidDateRange, en, {
      de: `Bitte wählen Sie höchstens ${maxOffices} Standorte, oder keinen, um alle buchbaren Standorte zu prüfen.`,
      en,
    });
  }
}
