import { Field, Int, ObjectType } from '@nestjs/graphql';

import { Office } from '../../../places/models/office.model.js';
import { LocalizedText } from '../../models/localized-text.model.js';

@ObjectType('PresenceDaySuggestion', {
  description: 'A date and office where many members of a team can be together, with counts only.',
})
export class PresenceDaySuggestion {
  @Field({ description: 'Civil date YYYY-MM-DD (Europe/Berlin).' })
  date!: string;

  @Field(() => Office)
  office!: Office;

  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members who can be there together (free that day, and a desk for each).' })
  canCome!: number;

  @Field(() => Int, { description: 'Members booked at another office that day.' })
  bookedElsewhere!: number;

  @Field(() => Int, { description: 'Members who answered away to a team day of this team that day.' })
  away!: number;

  @Field(() => Int, { description: 'Desks still free for the part of the day (within the capacity cap).' })
  freeDesks!: number;

  @Field(() => LocalizedText)
  explanation!: LocalizedText;
}
