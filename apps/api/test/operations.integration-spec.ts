import { LISTENER_APPLICATION_NAME } from '../src/realtime/postgres-pub-sub.js';
import { nextOpenDay } from './support/fixtures.js';
import { EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const TOKEN = 'scraper-secret-0123456789';

/** The value of one sample of the Prometheus text, or undefined when the line is missing. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0] ?? '';
    if (wanted.every((pair) => labelText.includes(pair))) return Number(line.split(' ').pop());
  }
  return undefined;
}

describe('health and metrics (embedded database)', () => {
  let test: TestApi;
  let url: string;
  let anna: string;
  let mehmet: string;
  let deskId: string;

  const scrape = async (token = TOKEN): Promise<string> => {
    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    test = await startTestApi('pglite', { NAHBAR_METRICS_TOKEN: TOKEN });
    url = test.api.url;
    const people = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
    anna = people.find((person) => person.display_name === 'Anna Schmidt')?.id ?? '';
    mehmet = people.find((person) => person.display_name === 'Mehmet Yılmaz')?.id ?? '';
    const [desk] = await test.sql<{ id: string }>(
      `SELECT d.id FROM desks d JOIN offices f ON f.id = d.office_id
       WHERE f.name = 'Co-Working Erlangen Hauptbahnhof' ORDER BY d.code LIMIT 1`,
    );
    deskId = desk?.id ?? '';
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('says the process lives and the database answers', async () => {
    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', events: 'ok' });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps /metrics to the scraper with the token', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    const text = await scrape();
    expect(text).toContain('# TYPE nahbar_http_requests_total counter');
    expect(text).toContain('nahbar_process_resident_memory_bytes');
  });

  it('counts requests, GraphQL outcomes and booking outcomes by code, never naming a person', async () => {
    const before = await scrape();
    const okBefore = sample(before, 'nahbar_booking_outcomes_total', { operation: 'bookDesk', outcome: 'ok' }) ?? 0;
    const takenBefore =
      sample(before, 'nahbar_booking_outcomes_total', { operation: 'bookDesk', outcome: 'DESK_TAKEN' }) ?? 0;
    const date = nextOpenDay(2);
    expect((await graphql(url, BOOK, { i: { deskId, date, part: 'FULL_DAY' } }, anna)).errors).toBeUndefined();
    const taken = await graphql(url, BOOK, { i: { deskId, date, part: 'MORNING' } }, mehmet);
    expect(taken.errors?.[0]?.extensions?.['code']).toBe('DESK_TAKEN');

    const after = await scrape();
    expect(sample(after, 'nahbar_booking_outcomes_total', { operation: 'bookDesk', outcome: 'ok' })).toBe(okBefore + 1);
    expect(sample(after, 'nahbar_booking_outcomes_total', { operation: 'bookDesk', outcome: 'DESK_TAKEN' })).toBe(
      takenBefore + 1,
    );
    expect(sample(after, 'nahbar_graphql_errors_total', { code: 'DESK_TAKEN' })).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'nahbar_graphql_operations_total', { type: 'mutation', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'nahbar_http_requests_total', { method: 'POST', route: 'graphql', status: '200' }),
    ).toBeGreaterThanOrEqual(2);
    for (const personal of [anna, mehmet, 'Anna Schmidt', 'Mehmet', deskId]) expect(after).not.toContain(personal);
  });

  it('shows open WebSocket connections and running subscriptions', async () => {
    const client = wsClient(url, anna);
    const recorder = new EventRecorder<unknown>().subscribe(
      client,
      'subscription { myBookingChanged { reason } }',
      {},
      (data) => data,
    );
    try {
      // graphql-ws connects lazily: wait until the scrape sees the subscription.
      let text = '';
      for (let attempt = 0; attempt < 100; attempt += 1) {
        text = await scrape();
        if ((sample(text, 'nahbar_subscriptions_active') ?? 0) >= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(sample(text, 'nahbar_websocket_connections')).toBe(1);
      expect(sample(text, 'nahbar_subscriptions_active')).toBe(1);
    } finally {
      recorder.stop();
      await client.dispose();
    }
    let closed = '';
    for (let attempt = 0; attempt < 100; attempt += 1) {
      closed = await scrape();
      if (sample(closed, 'nahbar_websocket_connections') === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sample(closed, 'nahbar_websocket_connections')).toBe(0);
    expect(sample(closed, 'nahbar_subscriptions_active')).toBe(0);
  });

  it('reports not ready (503) when the database does not answer, while still alive', async () => {
    await test.api.database.close();
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});

describe('readiness on a PostgreSQL server', () => {
  let test: TestApi;

  beforeAll(async () => {
    test = await startTestApi('postgres');
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('reports not ready while the LISTEN connection for live events is down, and ready once it is back', async () => {
    const url = test.api.url;
    const readiness = async () => {
      const response = await fetch(`${url}/health/ready`);
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ok', database: 'ok', events: 'ok' } });

    // Cut the listening connection (as a failover or pg_terminate_backend would); it reconnects after a second.
    const [cut] = await test.sql<{ cut: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER_APPLICATION_NAME],
    );
    expect(cut?.cut).toBe(1);
    const seen: string[] = [];
    for (let tries = 0; tries < 500 && !(seen.includes('reconnecting') && seen.at(-1) === 'ok'); tries += 1) {
      const { status, body } = await readiness();
      const state = body['events'] ?? '?';
      if (seen.at(-1) !== state) seen.push(state);
      if (state === 'reconnecting') expect(status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Until the error reaches the API it may still say ok; then reconnecting, then ok for good.
    expect(seen).toContain('reconnecting');
    expect(seen.slice(seen.indexOf('reconnecting'))).toEqual(['reconnecting', 'ok']);
  });
});

describe('JSON logs with request ids', () => {
  let test: TestApi;
  let lines: string[];
  let restore: () => void;

  beforeAll(async () => {
    lines = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter((line) => line.trim() !== ''),
      );
      return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    restore = () => {
      process.stdout.write = write;
    };
    test = await startTestApi('pglite', { NAHBAR_LOG_FORMAT: 'json' }, ['log', 'warn', 'error']);
  });

  afterAll(async () => {
    restore();
    await test?.stop();
  });

  it('logs one JSON line per request with its id, the route group and status, and no personal data', async () => {
    const [anna] = await test.sql<{ id: string }>(`SELECT id FROM people WHERE display_name = 'Anna Schmidt'`);
    const response = await fetch(`${test.api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'trace-4711',
        'x-nahbar-demo-person': anna?.id ?? '',
      },
      body: JSON.stringify({ operationName: 'Me', query: 'query Me { me { displayName email } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-4711');
    expect(((await response.json()) as { data: { me: { displayName: string } } }).data.me.displayName).toBe(
      'Anna Schmidt',
    );
    // A made-up id that is no plain token is replaced by a fresh one.
    const odd = await fetch(`${test.api.url}/health/live`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    let entry: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 50 && entry === undefined; attempt += 1) {
      entry = lines
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        })
        .find((object) => object['requestId'] === 'trace-4711');
      if (entry === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entry).toMatchObject({
      level: 'log',
      context: 'HTTP',
      requestId: 'trace-4711',
      message: { method: 'POST', route: 'graphql', operation: 'Me', status: 200 },
    });
    const all = lines.join('\n');
    for (const personal of ['Anna Schmidt', 'anna.schmidt@', anna?.id ?? 'none']) expect(all).not.toContain(personal);
  });
});
