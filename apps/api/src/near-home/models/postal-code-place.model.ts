import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('PostalCodePlace', { description: 'A German postal code with the point distances are measured from.' })
export class PostalCodePlace {
  @Field({ description: 'Five digits.' })
  code!: string;

  @Field({ description: 'The (first) place the code serves.' })
  place!: string;

  @Field({ description: 'Land, two letters (e.g. BY).' })
  land!: string;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}
