import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Public } from '../identity/public.decorator.js';
import { AccessibilityFeedback } from './models/accessibility-feedback.model.js';

@Resolver(() => AccessibilityFeedback)
export class AccessibilityFeedbackResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Query(() => AccessibilityFeedback, {
    description: 'The feedback contact of the accessibility statement; open to everybody, also before signing in.',
  })
  accessibilityFeedback(): AccessibilityFeedback {
    return { contactEmail: this.config.accessibilityContact ?? null };
  }
}
