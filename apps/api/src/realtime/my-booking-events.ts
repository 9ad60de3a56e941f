import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

import { PUB_SUB } from './pub-sub.token.js';

export const BOOKING_CHANGE_REASONS = [
  'BOOKED',
  'CANCELLED',
  'SHARING_REVOKED',
  'WAITLIST_ASSIGNED',
  'CHECKED_IN',
  'RELEASED_NO_SHOW',
  'TEAM_DAY_BOOKED',
  'TEAM_DAY_MOVED',
  'TEAM_DAY_CANCELLED',
  'DESK_BLOCKED',
  'OFFICE_CLOSED',
  'CAPACITY_REDUCED',
] as const;
export type BookingChangeReason = (typeof BOOKING_CHANGE_REASONS)[number];

/** One of a person's bookings changed. Ids only: the person's subscription re-reads the booking. */
export interface MyBookingChanged {
  readonly personId: string;
  readonly bookingId: string;
  readonly reason: BookingChangeReason;
}

const trigger = (personId: string): string => `my-bookings:${personId}`;

/** Tells a person live what happened to their bookings, including what others did to them (a revoked share). */
@Injectable()
export class MyBookingEvents {
  private readonly logger = new Logger('MyBookingEvents');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  /** Call only after the change has committed. */
  async changed(events: readonly MyBookingChanged[]): Promise<void> {
    for (const event of events) {
      try {
        await this.pubSub.publish(trigger(event.personId), event);
      } catch (error) {
        this.logger.warn(`Could not publish a booking change: ${(error as Error).message}`);
      }
    }
  }

  listen(personId: string): AsyncIterableIterator<MyBookingChanged> {
    return this.pubSub.asyncIterableIterator<MyBookingChanged>(trigger(personId));
  }
}
