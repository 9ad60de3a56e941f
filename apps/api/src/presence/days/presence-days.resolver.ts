import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';

import type { Caller } from '../../identity/caller.js';
import { CurrentCaller } from '../../identity/current-person.decorator.js';
import type { GraphqlContext } from '../../identity/graphql-context.js';
import { type TeamPresenceChanged, TeamPresenceEvents } from '../../realtime/team-presence-events.js';
import { AnswerPresenceDayArgs } from './dto/answer-presence-day.args.js';
import { MovePresenceDayInput } from './dto/move-presence-day.input.js';
import { PresenceDayInput } from './dto/presence-day.input.js';
import { PresenceDayIdArgs } from './dto/presence-day-id.args.js';
import { PresenceDayPreviewArgs } from './dto/presence-day-preview.args.js';
import { TeamPresenceArgs } from './dto/team-presence.args.js';
import { TeamRangeArgs } from './dto/team-range.args.js';
import { PresenceDay } from './models/presence-day.model.js';
import { PresenceDayChange } from './models/presence-day-change.model.js';
import { PresenceDayPreview } from './models/presence-day-preview.model.js';
import { TeamCalendarDay } from './models/team-calendar-day.model.js';
import { PresenceDaysService } from './presence-days.service.js';
import { TeamCalendarService } from './team-calendar.service.js';

@Resolver(() => PresenceDay)
export class PresenceDaysResolver {
  constructor(
    private readonly days: PresenceDaysService,
    private readonly calendar: TeamCalendarService,
    private readonly events: TeamPresenceEvents,
  ) {}

  @Query(() => [PresenceDay], {
    description: "The team's planned team days in a range of at most 62 days, by date (its members).",
  })
  presenceDays(@Args() { teamId, from, to }: TeamRangeArgs, @CurrentCaller() caller: Caller): Promise<PresenceDay[]> {
    return this.calendar.presenceDays(caller, teamId, from, to);
  }

  @Query(() => PresenceDayPreview, {
    description: "What saving the team day would book, and whether desks are short (the team's leads).",
  })
  presenceDayPreview(
    @Args() { input, movingId }: PresenceDayPreviewArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<PresenceDayPreview> {
    return this.days.preview(caller, input, movingId ?? null);
  }

  @Query(() => [TeamCalendarDay], {
    description: "One entry per date (at most 62): the team's days and, from today on, who of the team is in where.",
  })
  teamCalendar(
    @Args() { teamId, from, to }: TeamRangeArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<TeamCalendarDay[]> {
    return this.calendar.calendar(caller, teamId, from, to);
  }

  @Mutation(() => PresenceDay, {
    description: 'Plans a team day and books desks side by side for its members (the team’s leads).',
  })
  createPresenceDay(@Args('input') input: PresenceDayInput, @CurrentCaller() caller: Caller): Promise<PresenceDay> {
    return this.days.create(caller, input);
  }

  @Mutation(() => PresenceDay, { description: 'Moves a team day; its desks are booked again at the new place.' })
  movePresenceDay(@Args('input') input: MovePresenceDayInput, @CurrentCaller() caller: Caller): Promise<PresenceDay> {
    return this.days.move(caller, input);
  }

  @Mutation(() => PresenceDay, { description: 'Cancels a team day and the desk bookings made for it.' })
  cancelPresenceDay(@Args() { id }: PresenceDayIdArgs, @CurrentCaller() caller: Caller): Promise<PresenceDay> {
    return this.days.cancel(caller, id);
  }

  @Mutation(() => PresenceDay, {
    description: 'Answers a team day of your team: attending books you a desk next to the team, away gives it back.',
  })
  answerPresenceDay(
    @Args() { id, answer }: AnswerPresenceDayArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<PresenceDay> {
    return this.days.answer(caller, id, answer);
  }

  @Subscription(() => PresenceDayChange, {
    description: "Pushes every change of the team's days: planned, moved, cancelled, answered.",
    // Access is checked again for every event: a member who left the team hears nothing more (and an admin who is
    // not in the team is refused from the start)...
    async filter(this: PresenceDaysResolver, event: TeamPresenceChanged, _args: unknown, context: GraphqlContext) {
      return context.caller !== undefined && this.calendar.canFollow(context.caller, event.teamId);
    },
    // ...and the event carries ids only: the day is read as the subscriber's own query would read it.
    async resolve(
      this: PresenceDaysResolver,
      event: TeamPresenceChanged,
      _args: unknown,
      context: GraphqlContext,
    ): Promise<PresenceDayChange | undefined> {
      if (!context.caller) return undefined;
      return this.calendar.change(context.caller, event);
    },
  })
  async teamPresenceChanged(
    @Args() { teamId }: TeamPresenceArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<TeamPresenceChanged>> {
    await this.calendar.requireMember(caller, teamId);
    return this.events.listen(teamId);
  }
}
