import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { RevokeSharingInput, ShareOfficeInput } from './dto/sharing.input.js';
import { OfficeSharing, RevokeSharingResult } from './models/office-sharing.model.js';
import { SharingService } from './sharing.service.js';

@Resolver(() => OfficeSharing)
@RequiresRole('ORGANISATION_ADMIN')
export class SharingResolver {
  constructor(private readonly sharing: SharingService) {}

  @Query(() => [OfficeSharing], { description: 'Offices your organisations run, with whom each is shared.' })
  officeSharings(@CurrentCaller() caller: Caller): Promise<OfficeSharing[]> {
    return this.sharing.administered(caller);
  }

  @Mutation(() => OfficeSharing, { description: "Opens an office to another organisation's staff." })
  shareOffice(@Args('input') input: ShareOfficeInput, @CurrentCaller() caller: Caller): Promise<OfficeSharing> {
    return this.sharing.share(caller, input);
  }

  @Mutation(() => RevokeSharingResult, { description: 'Closes an office to an organisation again.' })
  revokeOfficeSharing(
    @Args('input') input: RevokeSharingInput,
    @CurrentCaller() caller: Caller,
  ): Promise<RevokeSharingResult> {
    return this.sharing.revoke(caller, input);
  }
}
