import { inject, Injectable } from '@angular/core';

import { Identity } from '../identity/identity';
import { FETCH, GRAPHQL_PATH } from './graphql-endpoint';
import type { GraphqlOperation } from './graphql-operation';
import { errorCodeOf, errorFromGraphqlErrors, GraphqlRequestError } from './graphql-request.error';

interface GraphqlResponseBody {
  readonly data?: unknown;
  readonly errors?: unknown;
}

function isResponseBody(value: unknown): value is GraphqlResponseBody {
  return typeof value === 'object' && value !== null;
}

/**
 * Queries and mutations over HTTP POST with fetch. Failures become a
 * GraphqlRequestError carrying the API's `extensions.code`. Credentials come
 * from `Identity` for every request; when the API refuses them, the request is
 * sent once more after `Identity` renewed them (an access token that expired
 * while the computer slept).
 */
@Injectable({ providedIn: 'root' })
export class GraphqlHttpClient {
  private readonly fetch = inject(FETCH);
  private readonly identity = inject(Identity);

  async request<TData, TVariables>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    try {
      return await this.send(operation, variables, signal);
    } catch (error) {
      if (errorCodeOf(error) === 'UNAUTHENTICATED' && !signal?.aborted && (await this.identity.renew())) {
        return this.send(operation, variables, signal);
      }
      throw error;
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
