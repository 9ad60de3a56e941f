import { inject, Injectable } from '@angular/core';

import type { JoinWaitlistInput, WaitlistEntry } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

const WAITLIST_FIELDS = `
  id date part status position
  office { id name address deskCount municipality { ags name land } operator { id name } }
  booking { id date part status deskId deskCode areaName createdAt
    office { id name address deskCount municipality { ags name land } operator { id name } } }
`;

export const MY_WAITLIST = graphqlOperation<{ myWaitlist: WaitlistEntry[] }>(
  `query MyWaitlist { myWaitlist { ${WAITLIST_FIELDS} } }`,
);

export const JOIN_WAITLIST = graphqlOperation<{ joinWaitlist: WaitlistEntry }, { input: JoinWaitlistInput }>(
  `mutation JoinWaitlist($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { ${WAITLIST_FIELDS} } }`,
);

export const LEAVE_WAITLIST = graphqlOperation<{ leaveWaitlist: WaitlistEntry }, { id: string }>(
  `mutation LeaveWaitlist($id: ID!) { leaveWaitlist(id: $id) { ${WAITLIST_FIELDS} } }`,
);

/** The current person's places on waitlists of full offices. */
@Injectable({ providedIn: 'root' })
export class WaitlistApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async myWaitlist(signal?: AbortSignal): Promise<WaitlistEntry[]> {
    const data = await this.graphql.request(MY_WAITLIST, {}, signal);
    return data.myWaitlist;
  }

  async join(input: JoinWaitlistInput): Promise<WaitlistEntry> {
    const data = await this.graphql.request(JOIN_WAITLIST, { input });
    return data.joinWaitlist;
  }

  async leave(id: string): Promise<WaitlistEntry> {
    const data = await this.graphql.request(LEAVE_WAITLIST, { id });
    return data.leaveWaitlist;
  }
}
