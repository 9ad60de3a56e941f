import { Module } from '@nestjs/common';

import { AccessibilityFeedbackResolver } from './accessibility-feedback.resolver.js';

/** What the accessibility statement needs from the server: its feedback contact. */
@Module({ providers: [AccessibilityFeedbackResolver] })
export class AccessibilityModule {}
