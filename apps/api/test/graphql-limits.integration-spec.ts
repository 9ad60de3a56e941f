import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** A raw POST to /graphql: what a client outside the app could send. */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; code: string | undefined; body: unknown }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the test below fails on the missing code
  }
  const code = (parsed as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
  return { status: response.status, code, body: parsed };
}

/** `count` aliases of one cheap field. */
const aliases = (count: number): string =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: authConfiguration { mode }`).join(' ')} }`;

describe('GraphQL request limits (embedded database)', () => {
  let test: TestApi;
  let url: string;
  let person: string;

  beforeAll(async () => {
    // Low depth limit so that the schema's real nesting reaches it; the others stay at their defaults.
    test = await startTestApi('pglite', {
      NAHBAR_GRAPHQL_MAX_DEPTH: '2',
      NAHBAR_CORS_ORIGINS: 'https://intranet.example',
      NAHBAR_MAX_BODY_BYTES: '300000',
    });
    url = test.api.url;
    const [row] = await test.sql<{ id: string }>(`SELECT id FROM people WHERE display_name = 'Anna Schmidt'`);
    person = row?.id ?? '';
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('refuses a query deeper than the limit with QUERY_TOO_DEEP, and runs one at the limit', async () => {
    expect(errorCode(await graphql(url, '{ offices { municipality { name } } }', {}, person))).toBe('QUERY_TOO_DEEP');
    const shallow = await graphql(url, '{ offices { id name } }', {}, person);
    expect(shallow.errors).toBeUndefined();
    // Fragments count as the fields they hold.
    const viaFragment = await graphql(
      url,
      'query { offices { ...Place } } fragment Place on Office { municipality { name } }',
      {},
      person,
    );
    expect(errorCode(viaFragment)).toBe('QUERY_TOO_DEEP');
  });

  it('refuses more than 15 aliases with TOO_MANY_ALIASES, and nothing runs', async () => {
    expect((await graphql(url, aliases(15), {})).errors).toBeUndefined();
    const refused = await graphql(url, aliases(16), {});
    expect(errorCode(refused)).toBe('TOO_MANY_ALIASES');
    expect(refused.data).toBeUndefined();
  });

  it('refuses a query that asks for too much at once with QUERY_TOO_COSTLY', async () => {
    // Wide rather than deep or aliased: one field asked for thousands of times (GraphQL merges them, the cost counts).
    const wide = (count: number): string =>
      `query($o: ID!) { deskAvailability(officeId: $o, date: "2030-01-07", part: FULL_DAY) { ${'code '.repeat(count)} } }`;
    const variables = { o: '00000000-0000-4000-8000-000000000000' };
    expect(errorCode(await graphql(url, wide(100), variables, person))).toBe('OFFICE_NOT_FOUND');
    const response = await graphql(url, wide(4000), variables, person);
    expect(errorCode(response)).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses more than 20 directives with TOO_MANY_DIRECTIVES', async () => {
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    expect(errorCode(await graphql(url, `{ authConfiguration ${directives} { mode } }`, {}))).toBe(
      'TOO_MANY_DIRECTIVES',
    );
  });

  it('holds subscriptions over WebSocket to the same limits', async () => {
    const client = wsClient(url, person);
    const recorder = new EventRecorder<unknown>().subscribe(
      client,
      `subscription { myBookingChanged { booking { office { municipality { name } } } } }`,
      {},
      (data) => data,
    );
    try {
      await recorder.waitFor(1, 10_000).catch(() => undefined);
      const [first] = recorder.errors;
      const error = (Array.isArray(first) ? first[0] : first) as { extensions?: { code?: string } } | undefined;
      expect(error?.extensions?.code).toBe('QUERY_TOO_DEEP');
    } finally {
      recorder.stop();
      await client.dispose();
    }
  });

  it('refuses batches, GET, other content types and oversized bodies, each with its code', async () => {
    const one = JSON.stringify({ query: '{ authConfiguration { mode } }' });
    expect(await post(url, `[${one},${one}]`)).toMatchObject({ status: 400, code: 'BATCH_NOT_ALLOWED' });
    const get = await fetch(`${url}/graphql?query=${encodeURIComponent('{ authConfiguration { mode } }')}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toMatchObject({ errors: [{ extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    expect(await post(url, one, { 'content-type': 'text/plain' })).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_CONTENT_TYPE',
    });
    expect(await post(url, 'query=x', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_CONTENT_TYPE',
    });
    // The body may carry large variables (a desk list to import), up to the body limit…
    const variables = JSON.stringify({
      query: '{ authConfiguration { mode } }',
      variables: { x: 'x'.repeat(250_000) },
    });
    expect(await post(url, variables)).toMatchObject({ status: 200 });
    const huge = JSON.stringify({ query: '{ authConfiguration { mode } }', variables: { x: 'x'.repeat(400_000) } });
    expect(await post(url, huge)).toMatchObject({ status: 413, code: 'REQUEST_TOO_LARGE' });
    // …but the operation's text is held to 100 KiB characters.
    const long = JSON.stringify({ query: `{ authConfiguration { mode } } # ${'x'.repeat(110 * 1024)}` });
    expect(await post(url, long)).toMatchObject({ status: 413, code: 'QUERY_TOO_LARGE' });
    expect(await post(url, '{"query": ')).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    // And an ordinary request still works.
    expect(await post(url, one)).toMatchObject({
      status: 200,
      body: { data: { authConfiguration: { mode: 'DEMO' } } },
    });
  });

  it('refuses an oversized body sent without a length (chunked) the same way', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const piece = new TextEncoder().encode(' '.repeat(64 * 1024));
        controller.enqueue(new TextEncoder().encode('{"query": "{ authConfiguration { mode } }"'));
        for (let index = 0; index < 6; index += 1) controller.enqueue(piece);
        controller.enqueue(new TextEncoder().encode('}'));
        controller.close();
      },
    });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_TOO_LARGE' } }] });
  });

  it('sends security headers with every answer', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ authConfiguration { mode } }' }),
    });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers cross-origin requests only for the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://intranet.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
