import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsUUID } from 'class-validator';

@InputType('OfficeCapacityInput')
export class OfficeCapacityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  /** Checked by the service (INVALID_CAPACITY: 0.01 … 1 in steps of 0.01). */
  @Field(() => Float, {
    nullable: true,
    description: 'Share (0.01 … 1, in steps of 0.01) of the active desks bookable per half-day; null: no cap.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  capacityShare!: number | null;

  @Field({
    defaultValue: false,
    description: 'Only count what the new cap would cancel (cancelledBookings); nothing is changed.',
  })
  @IsBoolean()
  dryRun!: boolean;
}
