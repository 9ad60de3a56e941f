import { type CivilDate, formatCivilDate } from '@nahbar/domain';

import { DomainError } from '../../common/domain-error.js';
import { PresenceErrorCode } from '../presence.errors.js';

/** A team day that does not exist or belongs to a team the caller may not see (never reveal which). */
export class PresenceDayNotFoundError extends DomainError {
  constructor() {
    const en = 'There is no such team day of your teams.';
    super(PresenceErrorCode.PresenceDayNotFound, en, {
      de: 'Diesen Präsenztag gibt es in Ihren Teams nicht.',
      en,
    });
  }
}

/** Fewer desks are free than members to seat, and the lead did not accept that. */
export class PresenceDayShortOfDesksError extends DomainError {
  constructor(missing: number, toSeat: number) {
    const en =
      `${missing === 1 ? '1 desk is' : `${missing} desks are`} missing to seat ${toSeat === 1 ? 'the member' : `all ${toSeat} members`}. ` +
      'Choose another date or office, or save anyway: members are then seated in order of name.';
    super(PresenceErrorCode.PresenceDayShortOfDesks, en, {
      de:
        `Es ${missing === 1 ? 'fehlt 1 Platz' : `fehlen ${missing} Plätze`}, um ${toSeat === 1 ? 'das Mitglied' : `alle ${toSeat} Mitglieder`} zu setzen. ` +
        'Bitte wählen Sie einen anderen Tag oder Standort, oder speichern Sie trotzdem: Dann werden die Mitglieder ' +
        'in der Reihenfolge ihrer Namen gesetzt.',
      en,
    });
  }
}

/** The team has a planned team day on that date already (one per team and date). */
export class PresenceDayExistsError extends DomainError {
  constructor(date: CivilDate) {
    const en = `Your team has a team day on ${formatCivilDate(date, 'en')} already. Move that one, or choose another date.`;
    super(PresenceErrorCode.PresenceDayExists, en, {
      de:
        `Ihr Team hat am ${formatCivilDate(date, 'de')} schon einen Präsenztag. ` +
        'Verschieben Sie diesen, oder wählen Sie einen anderen Tag.',
      en,
    });
  }
}

/** Moving or answering a team day that was cancelled. */
export class PresenceDayCancelledError extends DomainError {
  constructor() {
    const en = 'This team day was cancelled. Ask your team lead to plan a new one.';
    super(PresenceErrorCode.PresenceDayCancelled, en, {
      de: 'Dieser Präsenztag wurde abgesagt. Bitten Sie Ihre Teamleitung, einen neuen zu planen.',
      en,
    });
  }
}

/** Answering a team day of a team one sees (as its organisation's admin) but is not a member of. */
export class NotAMemberError extends DomainError {
  constructor() {
    const en = 'Only members of the team answer its team days.';
    super(PresenceErrorCode.NotAMember, en, {
      de: 'Auf Präsenztage antworten nur Mitglieder des Teams.',
      en,
    });
  }
}
