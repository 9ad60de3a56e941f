import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { DataSource } from 'typeorm';

import { AccessibilityModule } from './accessibility/accessibility.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ColleaguesModule } from './colleagues/colleagues.module.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { FacilityModule } from './facility/facility.module.js';
import { Authenticator } from './identity/authenticator.js';
import { createGraphqlContext } from './identity/graphql-context.js';
import { IdentityGuard } from './identity/identity.guard.js';
import { IdentityModule } from './identity/identity.module.js';
import { webSocketAuthentication } from './identity/ws-connection.js';
import { NearHomeModule } from './near-home/near-home.module.js';
import { OccupancyModule } from './occupancy/occupancy.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PlacesModule } from './places/places.module.js';
import { PresenceDaysModule } from './presence/days/presence-days.module.js';
import { TeamsModule } from './presence/teams/teams.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SharingModule } from './sharing/sharing.module.js';
import { WaitlistModule } from './waitlist/waitlist.module.js';

export const GRAPHQL_PATH = '/graphql';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        AccessibilityModule,
        IdentityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Authenticator],
          useFactory: (authenticator: Authenticator): ApolloDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: true,
            sortSchema: true,
            subscriptions: { 'graphql-ws': { path: GRAPHQL_PATH, ...webSocketAuthentication(authenticator) } },
            context: createGraphqlContext,
            introspection: !config.production,
            graphiql: false,
            includeStacktraceInErrorResponses: false,
          }),
        }),
        RealtimeModule,
        OrganisationsModule,
        PlacesModule,
        BookingsModule,
        ColleaguesModule,
        SharingModule,
        WaitlistModule,
        TeamsModule,
        PresenceDaysModule,
        CalendarModule,
        NearHomeModule,
        OccupancyModule,
        FacilityModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: IdentityGuard }],
    };
  }
}
