import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AvailabilityEvents } from './availability-events.js';
import { LiveConnections } from './live-connections.js';
import { MyBookingEvents } from './my-booking-events.js';
import { PostgresPubSub } from './postgres-pub-sub.js';
import { PUB_SUB } from './pub-sub.token.js';
import { TeamPresenceEvents } from './team-presence-events.js';

/**
 * One PubSub provider for the whole API. With a PostgreSQL server it is LISTEN/NOTIFY, so several API instances
 * share events; the embedded PGlite is one process and cannot carry NOTIFY between its connections, so there an
 * in-process bus stands behind the same interface.
 */
@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [APP_CONFIG, DataSource, LiveConnections],
      useFactory: async (config: AppConfig, dataSource: DataSource, live: LiveConnections): Promise<PubSubEngine> => {
        if (config.databaseUrl === undefined) return new PubSub();
        const pubSub = new PostgresPubSub(config.databaseUrl, (sql, parameters) => dataSource.query(sql, parameters));
        // Events published while the LISTEN connection was down never reach this process: its clients re-read.
        pubSub.onReconnected(() => live.closeAll());
        await pubSub.connect();
        return pubSub;
      },
    },
    LiveConnections,
    AvailabilityEvents,
    MyBookingEvents,
    TeamPresenceEvents,
  ],
  exports: [PUB_SUB, AvailabilityEvents, MyBookingEvents, TeamPresenceEvents, LiveConnections],
})
export class RealtimeModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof PostgresPubSub) await this.pubSub.close();
  }
}
