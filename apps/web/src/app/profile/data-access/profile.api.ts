import { inject, Injectable } from '@angular/core';

import type { Profile, Visibility } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { PROFILE_FIELDS } from '../../core/identity/current-person';

/** Fields left out stay as they are; an empty postal code removes it. */
export interface UpdateProfileInput {
  readonly homePostalCode?: string;
  readonly visibility?: Visibility;
}

export const UPDATE_PROFILE = graphqlOperation<{ updateProfile: Profile }, { input: UpdateProfileInput }>(
  `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PROFILE_FIELDS} } }`,
);

/** Changes the signed-in person's own settings. */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async updateProfile(input: UpdateProfileInput): Promise<Profile> {
    const data = await this.graphql.request(UPDATE_PROFILE, { input });
    return data.updateProfile;
  }
}
