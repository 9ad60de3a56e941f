import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('FavouriteDesk', { description: 'A desk you marked as a favourite. Only you see your favourites.' })
export class FavouriteDesk {
  @Field(() => ID)
  deskId!: string;

  @Field()
  code!: string;

  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field({ description: 'Blocked by the facility management for now: it cannot be booked until unblocked.' })
  blocked!: boolean;
}
