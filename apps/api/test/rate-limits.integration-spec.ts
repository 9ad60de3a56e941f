import { type Client, createClient } from 'graphql-ws';

import { DEMO_PERSON_HEADER } from '../src/identity/demo-identity.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Rate limits (issue 9), with limits low enough to reach and a window (an hour) far longer than the test, so that no
 * count runs out while it runs: every assertion is about counts and the values the API reports, none about time.
 * The limits do not depend on the database, so the embedded one serves.
 */
const WINDOW_SECONDS = 3600;
const PERSON_LIMIT = 5;
const ADDRESS_LIMIT = 12;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly code: string | undefined;
  readonly retryAfterSeconds: unknown;
  readonly body: unknown;
}

/** One GraphQL POST, as `person` when given, from `forwardedFor` (X-Forwarded-For) when given. */
async function ask(url: string, options: { person?: string; forwardedFor?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.person) headers[DEMO_PERSON_HEADER] = options.person;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  const query = options.person ? '{ me { displayName } }' : '{ authConfiguration { mode } }';
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const body = (await response.json()) as {
    errors?: { extensions?: { code?: string; retryAfterSeconds?: unknown } }[];
  };
  const extensions = body.errors?.[0]?.extensions;
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: extensions?.code,
    retryAfterSeconds: extensions?.retryAfterSeconds,
    body,
  };
}

async function askTimes(count: number, url: string, options: { person?: string; forwardedFor?: string }) {
  const answers: Answer[] = [];
  for (let index = 0; index < count; index += 1) answers.push(await ask(url, options));
  return answers;
}

function expectRateLimited(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(answer.code).toBe('RATE_LIMITED');
  const seconds = Number(answer.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(answer.retryAfterSeconds).toBe(seconds);
  expect(answer.body).toMatchObject({ errors: [{ message: expect.stringContaining('Too many requests') }] });
}

async function personId(test: TestApi, name: string): Promise<string> {
  const [row] = await test.sql<{ id: string }>(`SELECT id FROM people WHERE display_name = $1`, [name]);
  if (!row) throw new Error(`no demo person ${name}`);
  return row.id;
}

describe('HTTP rate limits behind a trusted proxy (embedded database)', () => {
  let test: TestApi;
  let url: string;
  let anna: string;
  let mehmet: string;

  beforeAll(async () => {
    test = await startTestApi('pglite', {
      NAHBAR_RATE_LIMIT_PERSON: String(PERSON_LIMIT),
      NAHBAR_RATE_LIMIT_ADDRESS: String(ADDRESS_LIMIT),
      NAHBAR_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      // The tests are the proxy: X-Forwarded-For from 127.0.0.1 names the client.
      NAHBAR_TRUST_PROXY: 'loopback',
    });
    url = test.api.url;
    anna = await personId(test, 'Anna Schmidt');
    mehmet = await personId(test, 'Mehmet Yılmaz');
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('refuses a person beyond the limit with 429, Retry-After and RATE_LIMITED, from any address', async () => {
    const answers = await askTimes(PERSON_LIMIT, url, { person: anna, forwardedFor: '203.0.113.1' });
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { me: { displayName: 'Anna Schmidt' } } });
    }
    expectRateLimited(await ask(url, { person: anna, forwardedFor: '203.0.113.1' }));
    // The limit is the person's, wherever they ask from…
    expectRateLimited(await ask(url, { person: anna, forwardedFor: '203.0.113.2' }));
    // …and the address still serves others (it has used 7 of its 12).
    expect(await ask(url, { person: mehmet, forwardedFor: '203.0.113.1' })).toMatchObject({ status: 200 });
    expect(await ask(url, { forwardedFor: '203.0.113.1' })).toMatchObject({ status: 200 });
  });

  it('refuses an address beyond the limit, signed in or not, and counts each forwarded address apart', async () => {
    const answers = await askTimes(ADDRESS_LIMIT, url, { forwardedFor: '198.51.100.7' });
    expect(answers.map((answer) => answer.status)).toEqual(Array(ADDRESS_LIMIT).fill(200));
    expectRateLimited(await ask(url, { forwardedFor: '198.51.100.7' }));
    // A person with requests left is refused from this address too: the address is used up.
    expectRateLimited(await ask(url, { person: mehmet, forwardedFor: '198.51.100.7' }));
    // The proxy names the client last: an address the client put in front is not trusted.
    expectRateLimited(await ask(url, { forwardedFor: '192.0.2.99, 198.51.100.7' }));
    expect(await ask(url, { forwardedFor: '198.51.100.8' })).toMatchObject({ status: 200 });
  });

  it('refuses the other HTTP endpoints the same way', async () => {
    await askTimes(ADDRESS_LIMIT, url, { forwardedFor: '198.51.100.20' });
    const response = await fetch(`${url}/reports/utilisation.csv?from=2030-01-01&to=2030-01-31`, {
      headers: { 'x-forwarded-for': '198.51.100.20' },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });
});

describe('HTTP rate limits without a trusted proxy (embedded database)', () => {
  let test: TestApi;

  beforeAll(async () => {
    test = await startTestApi('pglite', {
      NAHBAR_RATE_LIMIT_ADDRESS: String(ADDRESS_LIMIT),
      NAHBAR_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('counts the socket address and ignores X-Forwarded-For', async () => {
    const answers: Answer[] = [];
    for (let index = 0; index <= ADDRESS_LIMIT; index += 1) {
      answers.push(await ask(test.api.url, { forwardedFor: `203.0.113.${index + 1}` }));
    }
    expect(answers.slice(0, ADDRESS_LIMIT).every((answer) => answer.status === 200)).toBe(true);
    expectRateLimited(answers[ADDRESS_LIMIT] as Answer);
  });
});

/** What became of a graphql-ws connection: accepted, or closed with a code. */
type Outcome = { readonly connected: true } | { readonly closed: number; readonly reason: string };

/** Opens a connection (not lazy) as `person` and resolves once the server accepted or closed it. */
function connect(url: string, person: string): { client: Client; outcome: Promise<Outcome> } {
  let settle: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { [DEMO_PERSON_HEADER]: person },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => settle({ connected: true }),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        settle({ closed: code, reason });
      },
    },
  });
  return { client, outcome };
}

/** Runs a query over the connection; resolves its data or the codes of its errors. */
function wsQuery(client: Client, query: string): Promise<{ data?: unknown; codes?: string[] }> {
  return new Promise((resolve) => {
    let settled = false;
    client.subscribe(
      { query },
      {
        next: (result) => {
          settled = true;
          resolve(result.errors ? { codes: result.errors.map((error) => String(error.extensions?.['code'])) } : result);
        },
        error: (error) => {
          settled = true;
          const errors = (Array.isArray(error) ? error : [error]) as { extensions?: { code?: string } }[];
          resolve({ codes: errors.map((item) => String(item.extensions?.code)) });
        },
        complete: () => {
          if (!settled) resolve({});
        },
      },
    );
  });
}

describe('WebSocket limits (embedded database)', () => {
  const CONNECTIONS = 2;
  const SUBSCRIPTIONS = 2;
  let test: TestApi;
  let url: string;
  let anna: string;
  let mehmet: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    test = await startTestApi('pglite', {
      NAHBAR_RATE_LIMIT_WS_CONNECTIONS: String(CONNECTIONS),
      NAHBAR_RATE_LIMIT_WS_SUBSCRIPTIONS: String(SUBSCRIPTIONS),
    });
    url = test.api.url;
    anna = await personId(test, 'Anna Schmidt');
    mehmet = await personId(test, 'Mehmet Yılmaz');
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await test?.stop();
  });

  it('closes a person’s connection beyond the limit with 4429, and admits one again after another closed', async () => {
    const first = connect(url, anna);
    const second = connect(url, anna);
    clients.push(first.client, second.client);
    expect(await first.outcome).toEqual({ connected: true });
    expect(await second.outcome).toEqual({ connected: true });

    const third = connect(url, anna);
    clients.push(third.client);
    expect(await third.outcome).toEqual({ closed: 4429, reason: 'Too many connections' });
    // Another person is not affected.
    const other = connect(url, mehmet);
    clients.push(other.client);
    expect(await other.outcome).toEqual({ connected: true });

    // Closing one gives its place back once the server has seen the close: try until it has (bounded).
    await first.client.dispose();
    let again: Outcome = { closed: 0, reason: '' };
    for (let attempt = 0; attempt < 50 && !('connected' in again); attempt += 1) {
      const next = connect(url, anna);
      clients.push(next.client);
      again = await next.outcome;
      if (!('connected' in again)) expect(again).toEqual({ closed: 4429, reason: 'Too many connections' });
    }
    expect(again).toEqual({ connected: true });
  });

  it('refuses an operation beyond the limit on one connection with TOO_MANY_SUBSCRIPTIONS until one ends', async () => {
    const { client, outcome } = connect(url, mehmet);
    clients.push(client);
    expect(await outcome).toEqual({ connected: true });
    const subscription = 'subscription { myBookingChanged { booking { id } } }';
    const sink = { next: () => undefined, error: () => undefined, complete: () => undefined };
    const stopFirst = client.subscribe({ query: subscription }, sink);
    client.subscribe({ query: subscription }, sink);
    // Messages on one connection are handled in order: both subscriptions hold their places now.
    expect(await wsQuery(client, subscription)).toEqual({ codes: ['TOO_MANY_SUBSCRIPTIONS'] });
    expect(await wsQuery(client, '{ me { displayName } }')).toEqual({ codes: ['TOO_MANY_SUBSCRIPTIONS'] });
    stopFirst();
    expect(await wsQuery(client, '{ me { displayName } }')).toEqual({
      data: { me: { displayName: 'Mehmet Yılmaz' } },
    });
  });
});
