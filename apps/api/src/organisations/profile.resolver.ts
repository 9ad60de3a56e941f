import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { Profile } from './models/profile.model.js';
import { ProfileService } from './profile.service.js';

@Resolver(() => Profile)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Query(() => Profile, { description: 'The person this request acts for, with their roles.' })
  me(@CurrentCaller() caller: Caller): Promise<Profile> {
    return this.profiles.profile(caller);
  }

  @Mutation(() => Profile, { description: 'Changes your own home postal code and visibility.' })
  updateProfile(@Args('input') input: UpdateProfileInput, @CurrentCaller() caller: Caller): Promise<Profile> {
    return this.profiles.update(caller, input);
  }
}
