import { inject, Injectable } from '@angular/core';

import type { Booking, DayPart } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { GraphqlLiveClient } from '../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';
import { BOOKING_FIELDS } from '../../shared/data-access/bookings.api';

/** A colleague who lets the person see when they are in: a name, never more. */
export interface Colleague {
  readonly id: string;
  readonly displayName: string;
  /** The person marked this colleague as a favourite. */
  readonly favourite: boolean;
}

/** A colleague who allows it and has booked a desk at the office on the day ("Wer ist da?"). */
export interface ColleagueInOffice {
  readonly colleague: Colleague;
  readonly part: DayPart;
  readonly deskId: string;
  readonly deskCode: string;
  readonly areaId: string;
  readonly areaName: string;
}

/** Where a favourite colleague has booked a desk on a day. */
export interface ColleagueDay {
  /** Civil date "YYYY-MM-DD" (Europe/Berlin). */
  readonly date: string;
  readonly part: DayPart;
  readonly officeId: string;
  readonly officeName: string;
  readonly deskId: string;
  readonly deskCode: string;
  readonly areaName: string;
}

/** A favourite colleague with their days over the next two weeks; none while they do not let the person see it. */
export interface FavouriteColleague {
  readonly id: string;
  readonly displayName: string;
  /** They currently let the person see when they are in; false: `upcoming` is empty. */
  readonly visible: boolean;
  readonly upcoming: readonly ColleagueDay[];
}

/** A desk the person marked as a favourite. */
export interface FavouriteDesk {
  readonly deskId: string;
  readonly code: string;
  readonly areaId: string;
  readonly areaName: string;
  readonly officeId: string;
  readonly officeName: string;
  /** Blocked by the facility management for now. */
  readonly blocked: boolean;
}

export interface BookNextToInput {
  readonly colleagueId: string;
  readonly date: string;
  readonly part: DayPart;
}

/** The API's smallest search (SEARCH_TOO_SHORT below it): checked here first, so the person is told at once. */
export const MIN_SEARCH_LENGTH = 2;

const COLLEAGUE_FIELDS = 'id displayName favourite';
const FAVOURITE_DESK_FIELDS = 'deskId code areaId areaName officeId officeName blocked';

export const WHOS_IN = graphqlOperation<{ whosIn: ColleagueInOffice[] }, { officeId: string; date: string }>(
  `query WhosIn($officeId: ID!, $date: String!) {
    whosIn(officeId: $officeId, date: $date) {
      colleague { ${COLLEAGUE_FIELDS} } part deskId deskCode areaId areaName
    }
  }`,
);

export const COLLEAGUE_SEARCH = graphqlOperation<{ colleagueSearch: Colleague[] }, { query: string }>(
  `query ColleagueSearch($query: String!) { colleagueSearch(query: $query) { ${COLLEAGUE_FIELDS} } }`,
);

export const MY_FAVOURITE_DESKS = graphqlOperation<{ myFavouriteDesks: FavouriteDesk[] }>(
  `query MyFavouriteDesks { myFavouriteDesks { ${FAVOURITE_DESK_FIELDS} } }`,
);

export const MY_FAVOURITE_COLLEAGUES = graphqlOperation<{ myFavouriteColleagues: FavouriteColleague[] }>(
  `query MyFavouriteColleagues {
    myFavouriteColleagues {
      id displayName visible
      upcoming { date part officeId officeName deskId deskCode areaName }
    }
  }`,
);

export const ADD_FAVOURITE_DESK = graphqlOperation<{ addFavouriteDesk: FavouriteDesk }, { deskId: string }>(
  `mutation AddFavouriteDesk($deskId: ID!) { addFavouriteDesk(deskId: $deskId) { ${FAVOURITE_DESK_FIELDS} } }`,
);

export const REMOVE_FAVOURITE_DESK = graphqlOperation<{ removeFavouriteDesk: boolean }, { deskId: string }>(
  `mutation RemoveFavouriteDesk($deskId: ID!) { removeFavouriteDesk(deskId: $deskId) }`,
);

export const ADD_FAVOURITE_COLLEAGUE = graphqlOperation<{ addFavouriteColleague: Colleague }, { colleagueId: string }>(
  `mutation AddFavouriteColleague($colleagueId: ID!) {
    addFavouriteColleague(colleagueId: $colleagueId) { ${COLLEAGUE_FIELDS} }
  }`,
);

export const REMOVE_FAVOURITE_COLLEAGUE = graphqlOperation<
  { removeFavouriteColleague: boolean },
  { colleagueId: string }
>(`mutation RemoveFavouriteColleague($colleagueId: ID!) { removeFavouriteColleague(colleagueId: $colleagueId) }`);

export const BOOK_NEXT_TO = graphqlOperation<{ bookNextTo: Booking }, { input: BookNextToInput }>(
  `mutation BookNextTo($input: BookNextToInput!) { bookNextTo(input: $input) { ${BOOKING_FIELDS} } }`,
);

/** Who is in, favourite desks and colleagues, and booking next to a colleague (issue 6). */
@Injectable({ providedIn: 'root' })
export class ColleaguesApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly live = inject(GraphqlLiveClient);

  /** Colleagues who allow it and have booked at the office on the date; favourites first. */
  async whosIn(officeId: string, date: string): Promise<ColleagueInOffice[]> {
    const data = await this.graphql.request(WHOS_IN, { officeId, date });
    return data.whosIn;
  }

  async search(query: string): Promise<Colleague[]> {
    const data = await this.graphql.request(COLLEAGUE_SEARCH, { query });
    return data.colleagueSearch;
  }

  async favouriteDesks(signal?: AbortSignal): Promise<FavouriteDesk[]> {
    const data = await this.graphql.request(MY_FAVOURITE_DESKS, {}, signal);
    return data.myFavouriteDesks;
  }

  async favouriteColleagues(): Promise<FavouriteColleague[]> {
    const data = await this.graphql.request(MY_FAVOURITE_COLLEAGUES, {});
    return data.myFavouriteColleagues;
  }

  async addFavouriteDesk(deskId: string): Promise<FavouriteDesk> {
    const data = await this.graphql.request(ADD_FAVOURITE_DESK, { deskId });
    return data.addFavouriteDesk;
  }

  async removeFavouriteDesk(deskId: string): Promise<boolean> {
    const data = await this.graphql.request(REMOVE_FAVOURITE_DESK, { deskId });
    return data.removeFavouriteDesk;
  }

  async addFavouriteColleague(colleagueId: string): Promise<Colleague> {
    const data = await this.graphql.request(ADD_FAVOURITE_COLLEAGUE, { colleagueId });
    return data.addFavouriteColleague;
  }

  async removeFavouriteColleague(colleagueId: string): Promise<boolean> {
    const data = await this.graphql.request(REMOVE_FAVOURITE_COLLEAGUE, { colleagueId });
    return data.removeFavouriteColleague;
  }

  /** Books the free desk nearest to the colleague's desk on the date, for `part`. */
  async bookNextTo(input: BookNextToInput): Promise<Booking> {
    const data = await this.graphql.request(BOOK_NEXT_TO, { input });
    return data.bookNextTo;
  }

  /** Calls `listener` after every (re)connection of the live socket. */
  onLiveConnected(listener: () => void): () => void {
    return this.live.onConnected(listener);
  }
}
