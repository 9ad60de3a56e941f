import { inject, Injectable } from '@angular/core';

import { DemoIdentity } from '../identity/demo-identity';
import { FETCH, GRAPHQL_PATH } from './graphql-endpoint';
import type { GraphqlOperation } from './graphql-operation';
import { errorFromGraphqlErrors, GraphqlRequestError } from './graphql-request.error';

interface GraphqlResponseBody {
  readonly data?: unknown;
  readonly errors?: unknown;
}

function isResponseBody(value: unknown): value is GraphqlResponseBody {
  return typeof value === 'object' && value !== null;
}

/**
 * Queries and mutations over HTTP POST with fetch. Failures become a
 * GraphqlRequestError carrying the API's `extensions.code`.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlHttpClient {
  private readonly fetch = inject(FETCH);
  private readonly identity = inject(DemoIdentity);

  async request<TData, TVariables>(
    operation: GraphqlOperation<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    let response: Response;
    try {
      response = await this.fetch(GRAPHQL_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...this.identity.requestHeaders(),
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
