import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Organisation } from '../../organisations/models/organisation.model.js';
import { Municipality } from './municipality.model.js';

@ObjectType('Office', { description: 'A satellite office or co-working space.' })
export class Office {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  address!: string;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => Organisation, { description: 'The organisation that runs the office.' })
  operator!: Organisation;

  @Field(() => Int, { description: 'Active desks.' })
  deskCount!: number;
}
