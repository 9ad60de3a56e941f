import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', {
  description:
    'One admin or facility action: what was done to which object, when, and at which office. Who did it is named ' +
    "only to admins of that person's organisation.",
})
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When (ISO 8601 instant).' })
  at!: string;

  @Field({ description: 'What was done, e.g. DESK_BLOCKED, ROLE_GRANTED, OFFICE_SHARED, ACCOUNT_ERASED.' })
  action!: string;

  @Field({ description: 'Kind of object: DESK, CLOSURE, OFFICE, PERSON, TEAM, TEAM_MEMBER, ORGANISATION.' })
  objectType!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The object; for PERSON and TEAM_MEMBER shown to admins of the organisation only (else null).',
  })
  objectId!: string | null;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true })
  officeId!: string | null;

  @Field(() => String, { nullable: true })
  officeName!: string | null;

  @Field(() => String, {
    description:
      "Name of who did it, for admins of that person's organisation; null for everyone else, and once the person's account is erased.",
    nullable: true,
  })
  actorName!: string | null;

  @Field({ description: 'Whether the caller did it.' })
  byYou!: boolean;

  @Field({ description: 'Figures and codes of the action as a JSON object (never names or free texts).' })
  details!: string;
}
