import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../../identity/caller.js';
import { CurrentCaller } from '../../identity/current-person.decorator.js';
import { Team } from '../../organisations/models/team.model.js';
import { PresencePolicyInput } from './dto/presence-policy.input.js';
import { TeamIdOnlyArgs } from './dto/team-id.args.js';
import { PresenceProgress } from './models/presence-progress.model.js';
import { TeamPolicySummary } from './models/team-policy-summary.model.js';
import { PresencePoliciesService } from './presence-policies.service.js';

@Resolver(() => PresenceProgress)
export class PresencePoliciesResolver {
  constructor(private readonly policies: PresencePoliciesService) {}

  @Query(() => [PresenceProgress], {
    description: 'How your own planned bookings meet the policy of each of your teams that has one. Only you see it.',
  })
  myPresenceProgress(@CurrentCaller() caller: Caller): Promise<PresenceProgress[]> {
    return this.policies.myProgress(caller);
  }

  @Query(() => TeamPolicySummary, {
    nullable: true,
    description: 'How many members meet the policy this period, counts only (leads and admins); null without policy.',
  })
  teamPolicySummary(@Args() args: TeamIdOnlyArgs, @CurrentCaller() caller: Caller): Promise<TeamPolicySummary | null> {
    return this.policies.summary(caller, args.teamId);
  }

  @Mutation(() => Team, { description: "Sets the team's presence policy (leads and admins)." })
  setPresencePolicy(@Args('input') input: PresencePolicyInput, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.policies.set(caller, input);
  }

  @Mutation(() => Team, { description: "Removes the team's presence policy (leads and admins)." })
  clearPresencePolicy(@Args() args: TeamIdOnlyArgs, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.policies.clear(caller, args.teamId);
  }
}
