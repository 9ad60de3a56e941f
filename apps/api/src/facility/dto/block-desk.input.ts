import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('BlockDeskInput')
export class BlockDeskInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'deskId must be a desk id (a UUID).' })
  deskId!: string;

  /** Checked by the service (INVALID_REASON: 1 to 200 characters after trimming); only the shape is bounded here. */
  @Field({ description: 'Why the desk is blocked; the people whose bookings are cancelled are told it.' })
  @IsString()
  @MaxLength(1000)
  reason!: string;

  @Field({
    defaultValue: false,
    description: 'Only count what the block would cancel (cancelledBookings); nothing is changed.',
  })
  @IsBoolean()
  dryRun!: boolean;
}
