/**
 * Test helpers: what `fetch` resolves to for a GraphQL answer. jsdom has no
 * Response class, so this builds the little of it the client reads.
 */
export function graphqlResponse(body: unknown, status = 200): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
  } as Response;
}

/** A response whose body is not JSON, e.g. a proxy's error page. */
export function htmlResponse(status: number): Response {
  return {
    ok: false,
    status,
    json: async (): Promise<unknown> => {
      throw new SyntaxError('Unexpected token <');
    },
  } as Response;
}
