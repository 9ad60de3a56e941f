import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TeamMember', { description: 'A member of a team: name and role in it, nothing about their bookings.' })
export class TeamMember {
  @Field(() => ID)
  personId!: string;

  @Field()
  displayName!: string;

  @Field()
  isLead!: boolean;
}
