import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Colleague', {
  description:
    'A colleague who lets you see when they are in (their visibility is TEAMS and you share a team, or ORGANISATION ' +
    'and you share their organisation). Name only: no e-mail, no booking history.',
})
export class Colleague {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'You marked this colleague as a favourite.' })
  favourite!: boolean;
}
