import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

import { PUB_SUB } from './pub-sub.token.js';

/** A desk's availability on a date changed. Ids only: subscribers re-read through their own authorisation. */
export interface DeskAvailabilityChanged {
  readonly officeId: string;
  readonly date: string;
  readonly deskId: string;
}

const trigger = (officeId: string, date: string): string => `desk-availability:${officeId}:${date}`;

@Injectable()
export class AvailabilityEvents {
  private readonly logger = new Logger('AvailabilityEvents');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  /** Call only after the change has committed: an event must never announce a rolled-back change. */
  async deskChanged(event: DeskAvailabilityChanged): Promise<void> {
    try {
      await this.pubSub.publish(trigger(event.officeId, event.date), event);
    } catch (error) {
      // The change is committed; a lost event is healed by clients re-reading on reconnect.
      this.logger.warn(`Could not publish an availability change: ${(error as Error).message}`);
    }
  }

  listen(officeId: string, date: string): AsyncIterableIterator<DeskAvailabilityChanged> {
    return this.pubSub.asyncIterableIterator<DeskAvailabilityChanged>(trigger(officeId, date));
  }
}
