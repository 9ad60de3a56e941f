import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('OfficeClosureInput')
export class OfficeClosureInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  /** Checked by the service (INVALID_CLOSURE); only the shape is bounded here. */
  @Field({ description: 'First closed day, civil date YYYY-MM-DD (Europe/Berlin); today or later.' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @Field({ description: 'Last closed day (inclusive), civil date YYYY-MM-DD; not before `from`.' })
  @IsString()
  @MaxLength(40)
  to!: string;

  @Field({ description: 'Why the office is closed; the people whose bookings are cancelled are told it.' })
  @IsString()
  @MaxLength(1000)
  reason!: string;

  @Field({
    defaultValue: false,
    description: 'Only count what the closure would cancel (cancelledBookings); nothing is changed.',
  })
  @IsBoolean()
  dryRun!: boolean;
}
