import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class AuditLogArgs {
  @Field(() => ID, { nullable: true, description: 'Only entries of this office.' })
  @IsOptional()
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First civil date YYYY-MM-DD (Europe/Berlin); default 30 days ago.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last civil date YYYY-MM-DD (Europe/Berlin); default today.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string | null;

  @Field(() => Int, { defaultValue: 100, description: 'Most entries, newest first (1 to 500).' })
  @IsInt()
  @Min(1)
  @Max(500)
  take!: number;
}
