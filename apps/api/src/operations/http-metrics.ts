import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

import type { Metrics } from './metrics.js';

const GROUPS = ['graphql', 'calendar', 'reports', 'health', 'metrics'] as const;

/** A route group for labels: the first path segment when it is an API's, else "web" (pages and files). */
export function routeGroup(path: string): string {
  const first = path.split('/')[1] ?? '';
  return (GROUPS as readonly string[]).includes(first) ? first : 'web';
}

/** Counts and times every HTTP request by method, route group and status, once its answer is sent. */
export function installHttpMetrics(app: NestExpressApplication, metrics: Metrics): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const route = routeGroup(request.path);
    const stop = metrics.httpDuration.startTimer({ route });
    response.once('finish', () => {
      stop();
      metrics.httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  });
}
