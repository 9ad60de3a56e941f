import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';

import { BOOKING_OPERATIONS, type Metrics } from './metrics.js';

/** The stable code of an error as clients see it. */
function codeOf(error: { extensions?: Record<string, unknown> } | undefined): string {
  const code = error?.extensions?.['code'];
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/**
 * Counts every GraphQL operation over HTTP by type and outcome, every error by code, and the outcomes of the booking
 * operations (the root fields in BOOKING_OPERATIONS). Refusals before execution (a limit, a parse error) count as
 * type "unknown".
 */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(context: GraphQLRequestContextWillSendResponse<Record<string, unknown>>) {
          const body = context.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const outcome = errors.length === 0 ? 'ok' : codeOf(errors[0]);
          metrics.graphqlOperations.inc({ type: context.operation?.operation ?? 'unknown', outcome });
          for (const error of errors) metrics.graphqlErrors.inc({ code: codeOf(error) });
          const fields = context.operation?.selectionSet.selections ?? [];
          for (const field of fields) {
            if (field.kind !== 'Field' || !BOOKING_OPERATIONS.has(field.name.value)) continue;
            const name = field.alias?.value ?? field.name.value;
            const failed = errors.find((error) => error.path?.[0] === name);
            metrics.bookingOutcomes.inc({ operation: field.name.value, outcome: failed ? codeOf(failed) : 'ok' });
          }
        },
      };
    },
  };
}
