import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Municipality')
export class Municipality {
  @Field({ description: 'Amtlicher Gemeindeschlüssel (8 digits).' })
  ags!: string;

  @Field()
  name!: string;

  @Field({ description: 'Federal state as two letters, e.g. BY.' })
  land!: string;
}
