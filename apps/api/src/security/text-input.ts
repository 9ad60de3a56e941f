import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Text with the character NUL (U+0000) is refused at the edge (issue 9, found by fuzzing): PostgreSQL cannot store
 * it in `text` and fails the whole statement, which reached clients as an internal error. No form of the web client
 * can produce it, so it is refused outright as BAD_USER_INPUT, before anything runs.
 */
export const NUL_REFUSAL = {
  code: 'BAD_USER_INPUT',
  message: 'Text must not contain the character NUL (U+0000).',
} as const;

/** Whether a string anywhere in a JSON value (GraphQL variables) holds NUL. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/** The same for string literals written into the operation's text (`"\u0000"`), over HTTP and WebSocket. */
export function noNulInStringsRule(context: ValidationContext): ReturnType<ValidationRule> {
  return {
    StringValue(node) {
      if (node.value.includes('\u0000')) {
        context.reportError(
          new GraphQLError(NUL_REFUSAL.message, { nodes: node, extensions: { code: NUL_REFUSAL.code } }),
        );
      }
    },
  };
}
