import { inject, Injectable } from '@angular/core';

import type { Booking, CheckInDesk } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { BOOKING_FIELDS } from '../../shared/data-access/bookings.api';

const OFFICE_FIELDS = 'id name address deskCount municipality { ags name land } operator { id name }';

/** The desk behind a QR code's token; DESK_NOT_FOUND for an unknown token or an office not open to the person. */
export const DESK_BY_CHECK_IN_TOKEN = graphqlOperation<{ deskByCheckInToken: CheckInDesk }, { token: string }>(
  `query DeskByCheckInToken($token: String!) {
    deskByCheckInToken(token: $token) {
      deskId code areaName office { ${OFFICE_FIELDS} } myBookingToday { ${BOOKING_FIELDS} checkedInAt }
    }
  }`,
);

/** Checks the person in at the desk of the token: NO_BOOKING_TO_CHECK_IN, CHECK_IN_NOT_OPEN, CHECK_IN_CLOSED. */
export const CHECK_IN = graphqlOperation<{ checkIn: Booking }, { token: string }>(
  `mutation CheckIn($token: String!) { checkIn(token: $token) { ${BOOKING_FIELDS} checkedInAt } }`,
);

/** Check-in at a desk, from the link of its QR code. */
@Injectable({ providedIn: 'root' })
export class CheckInApi {
  private readonly graphql = inject(GraphqlHttpClient);

  async deskByToken(token: string, signal?: AbortSignal): Promise<CheckInDesk> {
    return (await this.graphql.request(DESK_BY_CHECK_IN_TOKEN, { token }, signal)).deskByCheckInToken;
  }

  async checkIn(token: string): Promise<Booking> {
    return (await this.graphql.request(CHECK_IN, { token })).checkIn;
  }
}
