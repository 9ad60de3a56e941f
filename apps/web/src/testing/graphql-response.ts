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

/** The API's refusal for too many requests: HTTP 429 with Retry-After (when given) and a GraphQL body. */
export function rateLimitedResponse(retryAfter: string | null, bodySeconds?: number): Response {
  const body = {
    errors: [
      {
        message: 'Too many requests from your account.',
        extensions: { code: 'RATE_LIMITED', ...(bodySeconds === undefined ? {} : { retryAfterSeconds: bodySeconds }) },
      },
    ],
  };
  return {
    ok: false,
    status: 429,
    headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) },
    json: async () => body,
  } as unknown as Response;
}
