import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  specifiedRules,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

import { noNulInStringsRule, NUL_REFUSAL } from './text-input.js';

/**
 * How big a GraphQL request may be (issue 9). The web client's largest operation stays well below each limit (the
 * browser tests run every page through them); a request above one is refused before anything runs.
 */
export interface GraphqlLimits {
  /** Nesting of fields, fragments included. */
  readonly maxDepth: number;
  /** Aliases in one operation: each is one more run of a resolver. */
  readonly maxAliases: number;
  /** graphql-armor's cost: 2 per object, 1 per scalar, growing ×1.5 per level. */
  readonly maxCost: number;
  readonly maxDirectives: number;
  /**
   * Bytes of a request body (HTTP POST). Large enough for a desk list imported as a mutation's variable
   * (DESK_IMPORT_MAX_CHARS characters, JSON-escaped); the operation's text itself is held to `maxQueryBytes`.
   */
  readonly maxBodyBytes: number;
  /** Characters of the operation's text (`query`): what the GraphQL parser has to read. */
  readonly maxQueryChars: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 20,
  maxBodyBytes: 10 * 1024 * 1024,
  maxQueryChars: 100 * 1024,
};

/** Stable codes of refused requests, as clients see them in `extensions.code`. */
export const GraphqlLimitCode = {
  QueryTooDeep: 'QUERY_TOO_DEEP',
  TooManyAliases: 'TOO_MANY_ALIASES',
  QueryTooCostly: 'QUERY_TOO_COSTLY',
  TooManyDirectives: 'TOO_MANY_DIRECTIVES',
  RequestTooLarge: 'REQUEST_TOO_LARGE',
  QueryTooLarge: 'QUERY_TOO_LARGE',
  BatchNotAllowed: 'BATCH_NOT_ALLOWED',
  UnsupportedContentType: 'UNSUPPORTED_CONTENT_TYPE',
} as const;

const LIMIT_CODES: ReadonlySet<string> = new Set<string>([...Object.values(GraphqlLimitCode), NUL_REFUSAL.code]);

/**
 * Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; a refusal by a limit keeps its own code (the
 * original error, which Apollo keeps, carries it). For Apollo's `formatError`.
 */
export function keepLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const code = original instanceof GraphQLError ? original.extensions['code'] : undefined;
  if (typeof code !== 'string' || !LIMIT_CODES.has(code)) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code } };
}

/** graphql-armor reports through this instead of throwing, so that every refusal carries its own stable code. */
function refuse(code: string, message: string): (context: ValidationContext | null) => void {
  return (context) => context?.reportError(new GraphQLError(message, { extensions: { code } }));
}

/** The validation rules that enforce the limits, for HTTP (Apollo) and WebSocket (graphql-ws) requests alike. */
export function graphqlLimitRules(limits: GraphqlLimits): ValidationRule[] {
  return [
    noNulInStringsRule,
    maxDepthRule({
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [
        refuse(GraphqlLimitCode.QueryTooDeep, `The query is nested more than ${limits.maxDepth} levels deep.`),
      ],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [refuse(GraphqlLimitCode.TooManyAliases, `The query uses more than ${limits.maxAliases} aliases.`)],
    }),
    costLimitRule({
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: [
        refuse(GraphqlLimitCode.QueryTooCostly, `The query asks for too much at once (cost above ${limits.maxCost}).`),
      ],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        refuse(GraphqlLimitCode.TooManyDirectives, `The query uses more than ${limits.maxDirectives} directives.`),
      ],
    }),
  ] as ValidationRule[];
}

/** graphql-ws validates with this: the specified rules plus the limits (Apollo's `validationRules` cover HTTP only). */
export function validateWithLimits(
  limits: GraphqlLimits,
): (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[] {
  const rules = [...specifiedRules, ...graphqlLimitRules(limits)];
  return (schema, document) => validate(schema, document, rules);
}
