import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('MapConfiguration', {
  description: 'Where maps take their background tiles from. Both null: this server shows no map, only lists.',
})
export class MapConfiguration {
  @Field(() => String, { nullable: true, description: 'Leaflet tile URL template with {z}, {x}, {y}.' })
  tileUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Credit the tile provider requires, plain text.' })
  attribution!: string | null;
}
