import { Args, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../../identity/caller.js';
import { CurrentCaller } from '../../identity/current-person.decorator.js';
import { BestDaysService } from './best-days.service.js';
import { BestPresenceDaysInput } from './dto/best-presence-days.input.js';
import { PresenceDaySuggestion } from './models/presence-day-suggestion.model.js';

@Resolver(() => PresenceDaySuggestion)
export class BestDaysResolver {
  constructor(private readonly bestDays: BestDaysService) {}

  @Query(() => [PresenceDaySuggestion], {
    description:
      'Dates and offices where most members of the team can be together, best first, with counts only ' +
      '(the team’s leads; at most 62 days and 50 named offices).',
  })
  bestPresenceDays(
    @Args('input') input: BestPresenceDaysInput,
    @CurrentCaller() caller: Caller,
  ): Promise<PresenceDaySuggestion[]> {
    return this.bestDays.bestDays(caller, input);
  }
}
