import { inject, Injectable } from '@angular/core';

import type { Person } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

export const DEMO_PEOPLE = graphqlOperation<{ demoPeople: Person[] }>(
  'query DemoPeople { demoPeople { id displayName organisation { id name } } }',
);

/** The people one can act as in demo mode (no identity needed to ask). */
@Injectable({ providedIn: 'root' })
export class DemoPeopleApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async demoPeople(signal?: AbortSignal): Promise<Person[]> {
    const data = await this.graphql.request(DEMO_PEOPLE, {}, signal);
    return data.demoPeople;
  }
}
