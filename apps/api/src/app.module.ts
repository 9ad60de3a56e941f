import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import type { DataSource } from 'typeorm';

import { AccessibilityModule } from './accessibility/accessibility.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ColleaguesModule } from './colleagues/colleagues.module.js';
import { CompiledQueries } from './common/compiled-queries.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { DeskImportModule } from './desk-import/desk-import.module.js';
import { FacilityModule } from './facility/facility.module.js';
import { Authenticator } from './identity/authenticator.js';
import { createGraphqlContext } from './identity/graphql-context.js';
import { IdentityGuard } from './identity/identity.guard.js';
import { IdentityModule } from './identity/identity.module.js';
import { webSocketAuthentication } from './identity/ws-connection.js';
import { NearHomeModule } from './near-home/near-home.module.js';
import { OccupancyModule } from './occupancy/occupancy.module.js';
import { graphqlMetricsPlugin } from './operations/graphql-metrics.plugin.js';
import { Metrics } from './operations/metrics.js';
import { OperationsModule } from './operations/operations.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PlacesModule } from './places/places.module.js';
import { PresenceDaysModule } from './presence/days/presence-days.module.js';
import { TeamsModule } from './presence/teams/teams.module.js';
import { AuditModule } from './privacy/audit.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { LiveConnections } from './realtime/live-connections.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { sharedDocuments, subscribeSharingViews } from './realtime/shared-views.js';
import { ReportsModule } from './reports/reports.module.js';
import { graphqlLimitRules, keepLimitCode, validateWithLimits } from './security/graphql-limits.js';
import { SharingModule } from './sharing/sharing.module.js';
import { WaitlistModule } from './waitlist/waitlist.module.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * graphql-ws's options. `validate` is not in Nest's type of them, but Nest hands every option on to graphql-ws's
 * `useServer`: subscriptions are held to the same limits as HTTP requests (Apollo's `validationRules` cover HTTP only).
 * The connection hooks authenticate and hold the WebSocket rate limits (connections per person, subscriptions per
 * connection).
 */
function graphqlWsOptions(
  authenticator: Authenticator,
  live: LiveConnections,
  config: AppConfig,
): GraphQLWsSubscriptionsConfig {
  const options: GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'parse' | 'validate' | 'subscribe'> = {
    path: GRAPHQL_PATH,
    // Tracked, so that an instance that may have missed events can send its clients away to re-read.
    ...live.track(webSocketAuthentication(authenticator, config.rateLimits)),
    // One parsed and validated document per operation text, one execution per shared view (realtime/shared-views).
    ...sharedDocuments(validateWithLimits(config.graphqlLimits)),
    subscribe: subscribeSharingViews,
  };
  return options;
}

/** GraphQL answers are personal: no cache keeps them. */
const NO_STORE: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        AuditModule,
        AccessibilityModule,
        IdentityModule,
        OperationsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [Authenticator, LiveConnections, Metrics],
          useFactory: (authenticator: Authenticator, live: LiveConnections, metrics: Metrics): ApolloDriverConfig => {
            metrics.observeLive(live);
            // Queries over HTTP run compiled (common/compiled-queries). Nest's type leaves `gateway` out, but hands
            // every option on to Apollo Server, which then takes schema and executor from it.
            const compiled = new CompiledQueries();
            const options: ApolloDriverConfig & { gateway: ReturnType<CompiledQueries['gateway']> } = {
              path: GRAPHQL_PATH,
              autoSchemaFile: true,
              sortSchema: true,
              subscriptions: { 'graphql-ws': graphqlWsOptions(authenticator, live, config) },
              validationRules: graphqlLimitRules(config.graphqlLimits),
              formatError: keepLimitCode,
              // One operation per request: a batch would multiply every limit above (refused as BATCH_NOT_ALLOWED).
              allowBatchedHttpRequests: false,
              context: createGraphqlContext,
              introspection: !config.production,
              graphiql: false,
              includeStacktraceInErrorResponses: false,
              // Apollo's cache-control plugin wraps every field's resolver to collect hints nahbar never gives (a
              // few % of a large answer's time, issue 8); its one effect, `no-store` on every answer, is kept here.
              plugins: [graphqlMetricsPlugin(metrics), ApolloServerPluginCacheControlDisabled(), NO_STORE],
              transformSchema: compiled.keepSchema,
              gateway: compiled.gateway(),
            };
            return options;
          },
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
        DeskImportModule,
        ReportsModule,
        PrivacyModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: IdentityGuard }],
    };
  }
}
