import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

import { GraphqlLimitCode, type GraphqlLimits } from './graphql-limits.js';
import { containsNul, NUL_REFUSAL } from './text-input.js';

/** A refusal in the shape of a GraphQL response, so a client reads `errors[0].extensions.code` as for any other. */
function refuse(response: Response, status: number, code: string, message: string): void {
  response
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The HTTP side of the request limits (issue 9), registered before anything reads a body:
 * - the JSON and form body parsers with the body limit (Nest's own parsers are switched off for this), their errors
 *   answered as typed GraphQL errors (REQUEST_TOO_LARGE, BAD_USER_INPUT) instead of an HTML page;
 * - on the GraphQL path: POST with `application/json` only (UNSUPPORTED_CONTENT_TYPE, 415), never GET, so that no
 *   link or image tag can run an operation (METHOD_NOT_ALLOWED, 405), and one operation per request
 *   (BATCH_NOT_ALLOWED, 400) whose text is at most `maxQueryChars` long (QUERY_TOO_LARGE, 413): the body may be
 *   larger for the variables (a desk list to import), never the text the GraphQL parser reads.
 */
export function installHttpLimits(app: NestExpressApplication, graphqlPath: string, limits: GraphqlLimits): void {
  // NUL in a path or query string (`%00`) would reach the database as text it cannot store (see text-input.ts).
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (/%00/.test(request.url)) return refuse(response, 400, NUL_REFUSAL.code, NUL_REFUSAL.message);
    next();
  });
  app.use(graphqlPath, (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      response.setHeader('Allow', 'POST');
      return refuse(response, 405, 'METHOD_NOT_ALLOWED', 'Send GraphQL operations with POST.');
    }
    if (request.method === 'POST' && !request.is('application/json')) {
      return refuse(
        response,
        415,
        GraphqlLimitCode.UnsupportedContentType,
        'Send GraphQL operations as JSON (Content-Type: application/json).',
      );
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      return refuse(response, 413, GraphqlLimitCode.RequestTooLarge, tooLarge(limits));
    }
    next();
  });
  app.use(express.json({ limit: limits.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: limits.maxBodyBytes }));
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const type = (error as { type?: unknown } | undefined)?.type;
    if (type === 'entity.too.large') return refuse(response, 413, GraphqlLimitCode.RequestTooLarge, tooLarge(limits));
    if (type === 'entity.parse.failed')
      return refuse(response, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON.');
    next(error);
  });
  app.use(graphqlPath, (request: Request, response: Response, next: NextFunction) => {
    const body: unknown = request.body;
    if (Array.isArray(body)) {
      return refuse(response, 400, GraphqlLimitCode.BatchNotAllowed, 'Send one GraphQL operation per request.');
    }
    const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
    if (typeof query === 'string' && query.length > limits.maxQueryChars) {
      return refuse(
        response,
        413,
        GraphqlLimitCode.QueryTooLarge,
        `The operation is longer than ${limits.maxQueryChars} characters.`,
      );
    }
    const variables =
      typeof body === 'object' && body !== null ? (body as { variables?: unknown }).variables : undefined;
    if (containsNul(variables)) return refuse(response, 400, NUL_REFUSAL.code, NUL_REFUSAL.message);
    next();
  });
}

function tooLarge(limits: GraphqlLimits): string {
  return `The request is larger than ${Math.round(limits.maxBodyBytes / 1024)} KiB.`;
}
