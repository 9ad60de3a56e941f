import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import type { Caller } from '../../identity/caller.js';
import { CurrentCaller } from '../../identity/current-person.decorator.js';
import type { GraphqlContext } from '../../identity/graphql-context.js';
import { Person } from '../../organisations/models/person.model.js';
import { Team } from '../../organisations/models/team.model.js';
import { BatchLoader, loaderOf } from './batch-loader.js';
import { CreateTeamInput } from './dto/create-team.input.js';
import { RenameTeamArgs } from './dto/rename-team.args.js';
import { TeamCandidatesArgs } from './dto/team-candidates.args.js';
import { TeamIdArgs } from './dto/team-id.args.js';
import { TeamMemberInput } from './dto/team-member.input.js';
import { PresencePolicy } from './models/presence-policy.model.js';
import { TeamMember } from './models/team-member.model.js';
import { NO_DETAILS, type TeamDetails, TeamsService } from './teams.service.js';

const detailLoaders = new WeakMap<object, BatchLoader<string, TeamDetails>>();

/**
 * Teams and their members. The fields a team gains here (viewerIsLead, viewerIsMember, viewerCanManage, members,
 * policy) are loaded in one batch per
 * request for every team of a list (no N+1), and only for teams the caller may see.
 */
@Resolver(() => Team)
export class TeamsResolver {
  constructor(private readonly teams: TeamsService) {}

  @Query(() => [Team], { description: 'The teams you are a member of (as lead or not).' })
  myTeams(@CurrentCaller() caller: Caller): Promise<Team[]> {
    return this.teams.myTeams(caller);
  }

  @Query(() => Team, { description: "A team of yours: for its members, leads and its organisation's admins." })
  team(@Args() args: TeamIdArgs, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.teams.team(caller, args.id);
  }

  @Query(() => [Person], {
    description: "People of the team's organisation who are not in it (at most 20): for its leads and admins.",
  })
  teamCandidates(@Args() args: TeamCandidatesArgs, @CurrentCaller() caller: Caller): Promise<Person[]> {
    return this.teams.candidates(caller, args.teamId, args.search);
  }

  @Mutation(() => Team, { description: 'Creates a team of an organisation you administer.' })
  createTeam(@Args('input') input: CreateTeamInput, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.teams.create(caller, input);
  }

  @Mutation(() => Team, { description: 'Renames a team you lead or whose organisation you administer.' })
  renameTeam(@Args() args: RenameTeamArgs, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.teams.rename(caller, args.id, args.name);
  }

  @Mutation(() => Boolean, {
    description: "Deletes a team (its organisation's admins): its coming team days and their bookings are cancelled.",
  })
  deleteTeam(@Args() args: TeamIdArgs, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.teams.delete(caller, args.id);
  }

  @Mutation(() => Team, { description: "Adds a person of the team's organisation to the team." })
  addTeamMember(@Args('input') input: TeamMemberInput, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.teams.addMember(caller, input);
  }

  @Mutation(() => Team, {
    description: 'Removes a member: their team-day bookings of this team from today on are cancelled.',
  })
  removeTeamMember(@Args('input') input: TeamMemberInput, @CurrentCaller() caller: Caller): Promise<Team> {
    return this.teams.removeMember(caller, input);
  }

  @ResolveField(() => Boolean, {
    description:
      "You lead the team (you are a member marked as lead): you plan its team days and see each member's answers.",
  })
  async viewerIsLead(
    @Parent() team: Team,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    return (await this.details(team, caller, context)).viewerIsLead;
  }

  @ResolveField(() => Boolean, {
    description: 'You are a member of the team (a lead is one too): you see its team days and calendar and answer.',
  })
  async viewerIsMember(
    @Parent() team: Team,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    return (await this.details(team, caller, context)).viewerIsMember;
  }

  @ResolveField(() => Boolean, {
    description:
      'You lead the team or administer its organisation: you may rename it, keep its members and its policy.',
  })
  async viewerCanManage(
    @Parent() team: Team,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphqlContext,
  ): Promise<boolean> {
    return (await this.details(team, caller, context)).viewerCanManage;
  }

  @ResolveField(() => [TeamMember], { description: 'Leads first, then by name.' })
  async members(
    @Parent() team: Team,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphqlContext,
  ): Promise<TeamMember[]> {
    return (await this.details(team, caller, context)).members;
  }

  @ResolveField(() => PresencePolicy, { nullable: true, description: "The team's presence policy, if it has one." })
  async policy(
    @Parent() team: Team,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphqlContext,
  ): Promise<PresencePolicy | null> {
    return (await this.details(team, caller, context)).policy;
  }

  private details(team: Team, caller: Caller, context: GraphqlContext): Promise<TeamDetails> {
    return loaderOf(
      detailLoaders,
      context,
      () =>
        new BatchLoader(
          (ids) => this.teams.details(caller, ids),
          () => NO_DETAILS,
        ),
    ).load(team.id);
  }
}
