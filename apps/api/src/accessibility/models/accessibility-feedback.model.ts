import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AccessibilityFeedback', {
  description: 'Where people report barriers in nahbar: the contact of the accessibility statement (BITV 2.0).',
})
export class AccessibilityFeedback {
  @Field(() => String, {
    nullable: true,
    description: 'E-mail address for feedback on accessibility (NAHBAR_ACCESSIBILITY_CONTACT); null when not set.',
  })
  contactEmail!: string | null;
}
