import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { OrganisationPeopleArgs } from './dto/organisation-people.args.js';
import { RoleInput } from './dto/role.input.js';
import { Member } from './models/member.model.js';
import { Organisation } from './models/organisation.model.js';
import { Team } from './models/team.model.js';
import { RolesService } from './roles.service.js';

@Resolver(() => Member)
@RequiresRole('ORGANISATION_ADMIN')
export class RolesResolver {
  constructor(private readonly roles: RolesService) {}

  @Query(() => [Organisation], { description: 'All organisations, to share an office with. Admins only.' })
  organisations(): Promise<Organisation[]> {
    return this.roles.organisations();
  }

  @Query(() => [Member], { description: 'People of the organisations you administer, with their roles.' })
  organisationPeople(@Args() args: OrganisationPeopleArgs, @CurrentCaller() caller: Caller): Promise<Member[]> {
    return this.roles.people(caller, args);
  }

  @Query(() => [Team], { description: 'Teams of the organisations you administer.' })
  organisationTeams(@CurrentCaller() caller: Caller): Promise<Team[]> {
    return this.roles.teams(caller);
  }

  @Mutation(() => Member)
  grantRole(@Args('input') input: RoleInput, @CurrentCaller() caller: Caller): Promise<Member> {
    return this.roles.grant(caller, input);
  }

  @Mutation(() => Member)
  revokeRole(@Args('input') input: RoleInput, @CurrentCaller() caller: Caller): Promise<Member> {
    return this.roles.revoke(caller, input);
  }
}
