import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class OfficeOccupancyArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Civil date YYYY-MM-DD (Europe/Berlin); today there when left out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  date?: string | null;
}
