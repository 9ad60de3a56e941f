import { inject, Injectable } from '@angular/core';

import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

export const ACCESSIBILITY_FEEDBACK = graphqlOperation<{ accessibilityFeedback: { contactEmail: string | null } }>(
  'query AccessibilityFeedback { accessibilityFeedback { contactEmail } }',
);

/** The feedback contact of the accessibility statement, as the operator configured it (open to everybody). */
@Injectable({ providedIn: 'root' })
export class AccessibilityFeedbackApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async contactEmail(signal?: AbortSignal): Promise<string | null> {
    const data = await this.graphql.request(ACCESSIBILITY_FEEDBACK, {}, signal);
    return data.accessibilityFeedback.contactEmail;
  }
}
