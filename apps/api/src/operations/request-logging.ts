import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

import { routeGroup } from './http-metrics.js';

/** The request a piece of work belongs to, for every log line written while it runs. */
const requestContext = new AsyncLocalStorage<{ readonly requestId: string }>();

/** Header that carries the request id in and out (a proxy's id is kept when it is a plain token). */
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/**
 * Nest's console logger in JSON (one object per line), with the id of the request under way: what log collectors
 * read. Messages are the application's own; they carry ids and codes, never names, e-mail addresses or tokens.
 */
export class JsonLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ json: true, logLevels: levels });
  }

  protected override getJsonLogObject(
    message: unknown,
    options: Parameters<ConsoleLogger['getJsonLogObject']>[1],
  ): ReturnType<ConsoleLogger['getJsonLogObject']> {
    const object = super.getJsonLogObject(message, options);
    const requestId = currentRequestId();
    return requestId === undefined ? object : { ...object, requestId };
  }
}

const accessLog = new Logger('HTTP');

/**
 * Gives every HTTP request an id (the proxy's X-Request-Id when it is a plain token, else a new UUID), returns it in
 * X-Request-Id, keeps it for the log lines written while the request runs, and logs one line per request when its
 * answer is sent (with `accessLog`: JSON logs only, a text console stays quiet): method, route group (never the
 * path: it may hold a calendar or check-in token), GraphQL operation name, status and duration.
 */
export function installRequestLogging(app: NestExpressApplication, options: { accessLog: boolean }): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Taken now: routers further on rewrite the path relative to their mount point.
    const route = routeGroup(request.path);
    if (options.accessLog)
      response.once('finish', () => {
        const operation = (request.body as { operationName?: unknown } | undefined)?.operationName;
        requestContext.run({ requestId }, () =>
          accessLog.log({
            message: `${request.method} ${route} ${response.statusCode}`,
            method: request.method,
            route,
            ...(typeof operation === 'string' && SAFE_ID.test(operation) ? { operation } : {}),
            status: response.statusCode,
            durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          }),
        );
      });
    requestContext.run({ requestId }, next);
  });
}
