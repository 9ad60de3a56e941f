import { inject, Injectable } from '@angular/core';

import { Identity } from '../identity/identity';
import { FETCH, GRAPHQL_PATH } from './graphql-endpoint';
import type { GraphqlOperation } from './graphql-operation';
import {
  errorCodeOf,
  errorFromGraphqlErrors,
  GraphqlRequestError,
  retryAfterSecondsFrom,
} from './graphql-request.error';
import { ServerPauses } from './server-pauses';

interface GraphqlResponseBody {
  readonly data?: unknown;
  readonly errors?: unknown;
}

function isResponseBody(value: unknown): value is GraphqlResponseBody {
  return typeof value === 'object' && value !== null;
}

/** Refusals for too many requests (RATE_LIMITED) that a request waits out and is sent again after. */
export const RATE_LIMIT_RETRIES = 3;
/** The wait when the API names none. */
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 30;
/** A longer wait is not waited out: the person is told to try again later. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;

/** Seconds to wait before sending a request the API refused for too many requests; undefined for other errors. */
function rateLimitWaitSeconds(error: unknown): number | undefined {
  if (!(error instanceof GraphqlRequestError) || error.code !== 'RATE_LIMITED') return undefined;
  return error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
}

/**
 * Queries and mutations over HTTP POST with fetch. Failures become a
 * GraphqlRequestError carrying the API's `extensions.code`. Credentials come
 * from `Identity` for every request; when the API refuses them, the request is
 * sent once more after `Identity` renewed them (an access token that expired
 * while the computer slept).
 *
 * When the API refuses for too many requests (HTTP 429, RATE_LIMITED), the client pauses every request for as long
 * as its Retry-After says (ServerPauses, whose notice tells the person) and then sends the refused one again, up to
 * RATE_LIMIT_RETRIES times. That is safe for mutations too: the API refuses before it reads the request.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlHttpClient {
  private readonly fetch = inject(FETCH);
  private readonly identity = inject(Identity);
  private readonly pauses = inject(ServerPauses);

  request<TData, TVariables>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    return this.attempt(operation, variables, signal, 0);
  }

  /** One sending of the request; `refusals` counts the RATE_LIMITED refusals it has waited out so far. */
  private async attempt<TData, TVariables>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    signal: AbortSignal | undefined,
    refusals: number,
  ): Promise<TData> {
    // Only then: a request that needs no wait is sent at once, as it always was.
    if (this.pauses.isPaused('requests')) await this.pauses.until('requests', signal);
    try {
      return await this.send(operation, variables, signal);
    } catch (error) {
      if (errorCodeOf(error) === 'UNAUTHENTICATED' && !signal?.aborted && (await this.identity.renew())) {
        return this.send(operation, variables, signal);
      }
      const wait = rateLimitWaitSeconds(error);
      if (wait === undefined || wait > MAX_RATE_LIMIT_WAIT_SECONDS || signal?.aborted) throw error;
      // Also when this request gives up: the others wait instead of prolonging the refusal.
      this.pauses.pause('requests', wait * 1000);
      if (refusals >= RATE_LIMIT_RETRIES) throw error;
      return this.attempt(operation, variables, signal, refusals + 1);
    }
  }

  private async send<TData, TVariables>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    const credentials = await this.identity.requestHeaders();
    let response: Response;
    try {
      response = await this.fetch(GRAPHQL_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...credentials,
        },
        body: JSON.stringify({ query: operation.document, variables }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new GraphqlRequestError('NETWORK', String(error));
    }

    const body = await response.json().catch(() => undefined);
    if (response.status === 429) throw rateLimitedError(response, body);
    if (!isResponseBody(body)) {
      throw new GraphqlRequestError(
        response.ok ? 'UNKNOWN' : 'NETWORK',
        `HTTP ${response.status} without a GraphQL body`,
      );
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      throw errorFromGraphqlErrors(body.errors);
    }
    if (body.data === undefined || body.data === null) {
      throw new GraphqlRequestError('UNKNOWN', 'GraphQL response without data');
    }
    return body.data as TData;
  }
}

/**
 * HTTP 429, from the API (with a GraphQL body) or from a proxy in front of it (any body). The wait comes from the
 * Retry-After header, else from the body's `retryAfterSeconds` (a browser hides Retry-After from a cross-origin
 * page unless the API exposes it).
 */
function rateLimitedError(response: Response, body: unknown): GraphqlRequestError {
  const fromBody = isResponseBody(body) ? errorFromGraphqlErrors(body.errors) : undefined;
  const seconds = retryAfterSecondsFrom(response.headers.get('retry-after')) ?? fromBody?.retryAfterSeconds;
  return new GraphqlRequestError('RATE_LIMITED', fromBody?.message ?? 'HTTP 429', undefined, seconds);
}
