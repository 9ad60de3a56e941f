import { computed, inject, Injectable, resource } from '@angular/core';

import type { Person } from '../graphql/api.types';
import { GraphqlHttpClient } from '../graphql/graphql-http.client';
import { graphqlOperation } from '../graphql/graphql-operation';
import { errorCodeOf } from '../graphql/graphql-request.error';
import { DemoIdentity } from './demo-identity';

export const ME = graphqlOperation<{ me: Person }>('query Me { me { id displayName organisation { id name } } }');

/** The person the app acts for, as the API knows them (`me`). */
@Injectable({ providedIn: 'root' })
export class CurrentPerson {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly identity = inject(DemoIdentity);

  private readonly me = resource({
    params: () => this.identity.personId() ?? undefined,
    loader: async ({ abortSignal }) => (await this.graphql.request(ME, {}, abortSignal)).me,
  });

  /** Null while nobody is chosen, while loading, or when the API does not know the person. */
  readonly person = computed(() => (this.me.hasValue() ? (this.me.value() ?? null) : null));

  /** True when the stored person is unknown to the API (e.g. after the demo data was reset). */
  readonly isUnknown = computed(() => errorCodeOf(this.me.error()) === 'UNAUTHENTICATED');
}
