import { registerEnumType } from '@nestjs/graphql';

import { PRESENCE_DAY_CHANGE_REASONS, type PresenceDayChangeReason } from '../../../realtime/team-presence-events.js';
import { PRESENCE_ANSWERS, type PresenceAnswer } from '../presence-answer.entity.js';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const PresenceAnswerEnum = enumOf<PresenceAnswer>(PRESENCE_ANSWERS);
export const PresenceDayChangeReasonEnum = enumOf<PresenceDayChangeReason>(PRESENCE_DAY_CHANGE_REASONS);

registerEnumType(PresenceAnswerEnum, {
  name: 'PresenceAnswer',
  description: "A member's answer to a team day; no reason is asked or stored.",
  valuesMap: {
    ATTENDING: { description: 'I will be there (a desk next to the team is booked when one is free).' },
    AWAY: { description: 'I will not be there (my desk of the team day is given back).' },
  },
});

registerEnumType(PresenceDayChangeReasonEnum, {
  name: 'PresenceDayChangeReason',
  valuesMap: {
    CREATED: { description: 'A lead planned the team day.' },
    MOVED: { description: 'A lead moved it to another date, office or part of the day.' },
    CANCELLED: { description: 'A lead cancelled it.' },
    ANSWERED: { description: 'A member answered.' },
    MEMBERS_CHANGED: { description: 'A person joined or left the team: its counts changed.' },
  },
});
