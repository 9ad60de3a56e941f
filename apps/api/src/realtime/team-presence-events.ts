import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

import { PUB_SUB } from './pub-sub.token.js';

export const PRESENCE_DAY_CHANGE_REASONS = ['CREATED', 'MOVED', 'CANCELLED', 'ANSWERED', 'MEMBERS_CHANGED'] as const;
export type PresenceDayChangeReason = (typeof PRESENCE_DAY_CHANGE_REASONS)[number];

/** A team day of a team changed. Ids only: every subscriber re-reads it through its own authorisation. */
export interface TeamPresenceChanged {
  readonly teamId: string;
  readonly presenceDayId: string;
  readonly reason: PresenceDayChangeReason;
}

const trigger = (teamId: string): string => `team-presence:${teamId}`;

/** Tells a team's members, leads and admins live that a team day was planned, moved, cancelled or answered. */
@Injectable()
export class TeamPresenceEvents {
  private readonly logger = new Logger('TeamPresenceEvents');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  /** Call only after the change has committed. */
  async changed(event: TeamPresenceChanged): Promise<void> {
    try {
      await this.pubSub.publish(trigger(event.teamId), event);
    } catch (error) {
      this.logger.warn(`Could not publish a team presence change: ${(error as Error).message}`);
    }
  }

  listen(teamId: string): AsyncIterableIterator<TeamPresenceChanged> {
    return this.pubSub.asyncIterableIterator<TeamPresenceChanged>(trigger(teamId));
  }
}
