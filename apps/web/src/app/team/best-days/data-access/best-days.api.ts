import { inject, Injectable } from '@angular/core';

import type { DayPart, Office, PresenceDaySuggestion } from '../../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';

export interface BestPresenceDaysInput {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
  /** Left out: every office the team may book. */
  readonly officeIds?: readonly string[];
  readonly part: DayPart;
  readonly limit?: number;
}

export type OfficeChoice = Pick<Office, 'id' | 'name'>;

export const BEST_PRESENCE_DAYS = graphqlOperation<
  { bestPresenceDays: PresenceDaySuggestion[] },
  { input: BestPresenceDaysInput }
>(
  `query BestPresenceDays($input: BestPresenceDaysInput!) {
    bestPresenceDays(input: $input) {
      date office { id name } members canCome bookedElsewhere away freeDesks explanation { de en }
    }
  }`,
);

export const BEST_DAYS_OFFICES = graphqlOperation<{ offices: OfficeChoice[] }>(
  'query BestDaysOffices { offices { id name } }',
);

/** Days when most of a team can come in; for its leads and its organisation's admins. */
@Injectable({ providedIn: 'root' })
export class BestDaysApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async offices(signal?: AbortSignal): Promise<OfficeChoice[]> {
    return (await this.graphql.request(BEST_DAYS_OFFICES, {}, signal)).offices;
  }

  /** Ranked best first. */
  async bestDays(input: BestPresenceDaysInput, signal?: AbortSignal): Promise<PresenceDaySuggestion[]> {
    return (await this.graphql.request(BEST_PRESENCE_DAYS, { input }, signal)).bestPresenceDays;
  }
}
