import 'reflect-metadata';

import type { AddressInfo } from 'node:net';

import { Logger, type LogLevel, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule, GRAPHQL_PATH } from './app.module.js';
import { CALENDAR_PATH } from './calendar/calendar-feeds.service.js';
import { GraphqlErrorFilter } from './common/graphql-error.filter.js';
import type { AppConfig } from './config/app-config.js';
import { PublicUrl } from './config/public-url.js';
import { Database } from './database/database.js';
import { Authenticator } from './identity/authenticator.js';
import { installHttpMetrics } from './operations/http-metrics.js';
import { Metrics } from './operations/metrics.js';
import { installRequestLogging, JsonLogger } from './operations/request-logging.js';
import { REPORTS_PATH } from './reports/reports.controller.js';
import { installCors } from './security/cors.js';
import { installHttpLimits } from './security/http-limits.js';
import { installRateLimits } from './security/rate-limits.js';
import { installSecurityHeaders } from './security/security-headers.js';
import { serveWebClient } from './web/serve-web-client.js';

export interface RunningApi {
  readonly app: NestExpressApplication;
  readonly database: Database;
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly port: number;
  readonly servesWebClient: boolean;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, then starts API and web client on one port. Used by main and tests. */
export async function startApi(config: AppConfig, logLevels?: LogLevel[]): Promise<RunningApi> {
  const levels: LogLevel[] = logLevels ?? ['log', 'warn', 'error'];
  const logger = config.logFormat === 'json' ? new JsonLogger(levels) : undefined;
  if (logger) Logger.overrideLogger(logger);
  else if (logLevels) Logger.overrideLogger(logLevels);
  const database = await Database.open(config);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.dataSource), {
      logger: logger ?? levels,
      // The body parsers come with the request limits (installHttpLimits), before anything reads a body.
      bodyParser: false,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  installRequestLogging(app, { accessLog: config.logFormat === 'json' });
  installHttpMetrics(app, app.get(Metrics));
  installSecurityHeaders(app, config);
  installCors(app, config.corsOrigins);
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  installRateLimits(app, config.rateLimits, app.get(Authenticator));
  installHttpLimits(app, GRAPHQL_PATH, config.graphqlLimits);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new GraphqlErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  app.disable('x-powered-by');
  // No ETag from every answer's body: GraphQL answers are personal and never cached (no-store), and hashing each (an
  // office's availability is about 30 KB) cost a tenth of a millisecond per request (issue 8, figure 1). The pages of
  // the web client set their own (serve-web-client), its files get theirs from express.static.
  app.set('etag', false);
  const servesWebClient = config.webDir
    ? serveWebClient(app, config.webDir, [GRAPHQL_PATH, CALENDAR_PATH, REPORTS_PATH, '/health', '/metrics'])
    : false;
  await app.listen(config.port, config.host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  // Without NAHBAR_PUBLIC_URL the check-in links point at this port: the one bound, not a configured 0.
  app.get(PublicUrl).listening(port);
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    port,
    servesWebClient,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
