import type { GraphqlContext } from './graphql-context.js';

/**
 * The demo mode's stand-in for sign-in: the client names the person it acts as in this header (HTTP) or in the
 * same key of the graphql-ws connection parameters. Sign-in (a later issue) replaces this one file.
 */
export const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person id the caller claims, or undefined when absent or not a UUID. */
export function claimedDemoPersonId(context: GraphqlContext): string | undefined {
  const raw = context.connectionParams
    ? context.connectionParams[DEMO_PERSON_HEADER]
    : context.req?.headers[DEMO_PERSON_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase() : undefined;
}
