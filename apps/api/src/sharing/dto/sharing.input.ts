import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsUUID } from 'class-validator';

@InputType('ShareOfficeInput')
export class ShareOfficeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'officeId must be an office id (a UUID).' })
  officeId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId must be an organisation id (a UUID).' })
  organisationId!: string;
}

@InputType('RevokeSharingInput')
export class RevokeSharingInput extends ShareOfficeInput {
  @Field({
    defaultValue: false,
    description: 'Also cancel the bookings from today on of that organisation’s people (they are told live).',
  })
  @IsBoolean()
  cancelBookings!: boolean;
}
