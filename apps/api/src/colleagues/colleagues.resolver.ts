import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Booking } from '../bookings/models/booking.model.js';
import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { ColleaguesService } from './colleagues.service.js';
import { BookNextToInput } from './dto/book-next-to.input.js';
import { ColleagueIdArgs } from './dto/colleague-id.args.js';
import { ColleagueSearchArgs } from './dto/colleague-search.args.js';
import { FavouriteDeskArgs } from './dto/desk-id.args.js';
import { WhosInArgs } from './dto/whos-in.args.js';
import { Colleague } from './models/colleague.model.js';
import { ColleagueInOffice } from './models/colleague-in-office.model.js';
import { FavouriteColleague } from './models/favourite-colleague.model.js';
import { FavouriteDesk } from './models/favourite-desk.model.js';

@Resolver()
export class ColleaguesResolver {
  constructor(private readonly colleagues: ColleaguesService) {}

  @Query(() => [ColleagueInOffice], {
    description:
      'Who is in: colleagues who let you see it and have booked a desk at the office on the date (today or later; ' +
      'a past date gives an empty list), your favourites first. Follow deskAvailabilityChanged for the office and ' +
      'date to re-read it live.',
  })
  whosIn(@Args() { officeId, date }: WhosInArgs, @CurrentCaller() caller: Caller): Promise<ColleagueInOffice[]> {
    return this.colleagues.whosIn(caller, officeId, date);
  }

  @Query(() => [Colleague], {
    description: 'Colleagues who let you see when they are in, by part of their name (at least 2 letters), at most 20.',
  })
  colleagueSearch(@Args() { query }: ColleagueSearchArgs, @CurrentCaller() caller: Caller): Promise<Colleague[]> {
    return this.colleagues.search(caller, query);
  }

  @Query(() => [FavouriteDesk], { description: 'Your favourite desks at offices you may book.' })
  myFavouriteDesks(@CurrentCaller() caller: Caller): Promise<FavouriteDesk[]> {
    return this.colleagues.favouriteDesks(caller);
  }

  @Query(() => [FavouriteColleague], {
    description: 'Your favourite colleagues, with where they are in over the next 14 days while they let you see it.',
  })
  myFavouriteColleagues(@CurrentCaller() caller: Caller): Promise<FavouriteColleague[]> {
    return this.colleagues.favouriteColleagues(caller);
  }

  @Mutation(() => FavouriteDesk, { description: 'Marks a desk as a favourite (only you see it).' })
  addFavouriteDesk(@Args() { deskId }: FavouriteDeskArgs, @CurrentCaller() caller: Caller): Promise<FavouriteDesk> {
    return this.colleagues.addFavouriteDesk(caller, deskId);
  }

  @Mutation(() => Boolean, { description: 'Removes a favourite desk; false when it was none.' })
  removeFavouriteDesk(@Args() { deskId }: FavouriteDeskArgs, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.colleagues.removeFavouriteDesk(caller, deskId);
  }

  @Mutation(() => Colleague, {
    description: 'Marks a colleague who lets you see when they are in as a favourite (they are not told).',
  })
  addFavouriteColleague(@Args() { colleagueId }: ColleagueIdArgs, @CurrentCaller() caller: Caller): Promise<Colleague> {
    return this.colleagues.addFavouriteColleague(caller, colleagueId);
  }

  @Mutation(() => Boolean, { description: 'Removes a favourite colleague; false when it was none.' })
  removeFavouriteColleague(
    @Args() { colleagueId }: ColleagueIdArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    return this.colleagues.removeFavouriteColleague(caller, colleagueId);
  }

  @Mutation(() => Booking, {
    description:
      "Books the free desk nearest to a colleague's desk on the date (same area first), with every rule of an " +
      'ordinary booking. COLLEAGUE_NOT_FOUND when they do not let you see them, COLLEAGUE_NOT_IN when they have ' +
      'no desk that day at an office you may book, NO_FREE_DESK when the office has none left.',
  })
  bookNextTo(@Args('input') input: BookNextToInput, @CurrentCaller() caller: Caller): Promise<Booking> {
    return this.colleagues.bookNextTo(caller, input);
  }
}
