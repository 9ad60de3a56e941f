#!/usr/bin/env node
// The client side of docker/smoke.sh: talks to a running compose project (demo identity) from this machine.
//   node docker/smoke.mjs --proxy http://127.0.0.1:18080 --replica http://172.18.0.4:3000 --replica http://…
// Through the proxy: its own health, /health blocked, a GraphQL query, a booking, a graphql-ws subscription. Straight
// to each replica: /health/ready, and a booking made on one replica reaching a subscriber on the other (PostgreSQL
// LISTEN/NOTIFY), both ways and through the proxy. Then a burst at the proxy must meet its rate limit (429).
// Exits non-zero on the first failure.
import { parseArgs } from 'node:util';

import { createClient } from 'graphql-ws';

const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';
const EVENT_TIMEOUT_MS = 15_000;

const { values } = parseArgs({
  options: {
    proxy: { type: 'string' },
    replica: { type: 'string', multiple: true, default: [] },
    burst: { type: 'string', default: '600' },
  },
});
const proxy = values.proxy;
const replicas = values.replica;
if (!proxy || replicas.length < 2) {
  console.error('Usage: node docker/smoke.mjs --proxy URL --replica URL --replica URL [--burst N]');
  process.exit(2);
}

const started = performance.now();
const clients = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ok(message) {
  console.log(`  ok  [${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

function fail(message) {
  throw new Error(message);
}

async function get(url) {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

async function gql(base, personId, query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(personId ? { [DEMO_PERSON_HEADER]: personId } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    fail(`${base}/graphql answered ${response.status} with no JSON: ${text.slice(0, 200)}`);
  }
  if (answer.errors?.length) {
    const error = new Error(`${base}/graphql: ${JSON.stringify(answer.errors).slice(0, 400)}`);
    error.code = answer.errors[0]?.extensions?.code;
    throw error;
  }
  return answer.data;
}

/** A graphql-ws subscriber to the office's desks on the date; `events` fills with the desk ids it hears about. */
function subscribe(base, personId, officeId, date, label) {
  const events = [];
  let resolveConnected;
  let rejectConnected;
  const connected = new Promise((resolve, reject) => {
    resolveConnected = resolve;
    rejectConnected = reject;
  });
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    connectionParams: { [DEMO_PERSON_HEADER]: personId },
    retryAttempts: 0,
    on: {
      connected: () => resolveConnected(),
      closed: (event) => rejectConnected(new Error(`${label}: closed ${event?.code}`)),
    },
  });
  clients.push(client);
  client.subscribe(
    {
      query: `subscription($officeId: ID!, $date: String!) {
        deskAvailabilityChanged(officeId: $officeId, date: $date, part: FULL_DAY) { deskId free }
      }`,
      variables: { officeId, date },
    },
    {
      next: (message) => events.push(message.data?.deskAvailabilityChanged?.deskId),
      error: (error) => console.error(`  ${label}: ${error?.message ?? JSON.stringify(error)}`),
      complete: () => undefined,
    },
  );
  return { label, events, connected };
}

async function heard(subscribers, deskId, what) {
  const deadline = performance.now() + EVENT_TIMEOUT_MS;
  for (;;) {
    const missing = subscribers.filter((s) => !s.events.includes(deskId)).map((s) => s.label);
    if (missing.length === 0) return ok(`${what}: heard by ${subscribers.map((s) => s.label).join(', ')}`);
    if (performance.now() > deadline) fail(`${what}: not heard within ${EVENT_TIMEOUT_MS} ms by ${missing.join(', ')}`);
    await sleep(50);
  }
}

async function main() {
  // ---- health -------------------------------------------------------------------------------------------------------
  const nginxHealth = await get(`${proxy}/nginx-health`);
  if (nginxHealth.status !== 200) fail(`proxy /nginx-health answered ${nginxHealth.status}`);
  ok('proxy /nginx-health: 200');
  const blocked = await get(`${proxy}/health/ready`);
  if (blocked.status !== 404) fail(`proxy /health/ready answered ${blocked.status}, expected 404 (kept off the proxy)`);
  ok('proxy /health/ready: 404 (health and metrics stay inside the network)');
  for (const [index, replica] of replicas.entries()) {
    const ready = await get(`${replica}/health/ready`);
    if (ready.status !== 200 || !ready.body.includes('"database":"ok"')) {
      fail(`replica ${index + 1} /health/ready answered ${ready.status} ${ready.body}`);
    }
    ok(`replica ${index + 1} (${replica}) /health/ready: 200 ${ready.body}`);
  }

  // ---- GraphQL through the proxy: demo people, offices, a day with free desks -----------------------------------------
  const { demoPeople } = await gql(proxy, null, '{ demoPeople { id displayName organisation { id } } }');
  if (demoPeople.length < 4) fail(`only ${demoPeople.length} demo people`);
  const byOrganisation = Map.groupBy(demoPeople, (person) => person.organisation.id);
  const people = [...byOrganisation.values()].sort((a, b) => b.length - a.length)[0];
  if (people.length < 4) fail('no organisation with four demo people');
  const [subscriber, bookerProxy, bookerA, bookerB] = people.map((person) => person.id);
  const { offices } = await gql(proxy, subscriber, '{ offices { id name deskCount } }');
  const office = offices.sort((a, b) => b.deskCount - a.deskCount)[0];
  if (!office || office.deskCount < 3) fail('no office with three desks');
  ok(`GraphQL through the proxy: ${demoPeople.length} demo people, ${offices.length} offices ("${office.name}")`);

  let date;
  let free = [];
  for (let offset = 1; offset < 30 && free.length < 3; offset += 1) {
    const candidate = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${candidate}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const { deskAvailability } = await gql(
      proxy,
      subscriber,
      `query($officeId: ID!, $date: String!) {
        deskAvailability(officeId: $officeId, date: $date, part: FULL_DAY) { deskId free blocked }
      }`,
      { officeId: office.id, date: candidate },
    );
    date = candidate;
    free = deskAvailability.filter((desk) => desk.free && !desk.blocked).map((desk) => desk.deskId);
  }
  if (free.length < 3) fail('no day with three free desks');

  // ---- live events: subscribers through the proxy and on each replica ---------------------------------------------
  const viaProxy = subscribe(proxy, subscriber, office.id, date, 'subscriber via proxy');
  const onA = subscribe(replicas[0], subscriber, office.id, date, 'subscriber on replica 1');
  const onB = subscribe(replicas[1], subscriber, office.id, date, 'subscriber on replica 2');
  await Promise.all([viaProxy.connected, onA.connected, onB.connected]);
  ok('graphql-ws: connected through the proxy (WebSocket upgrade) and to each replica');
  // Subscribing completes on the server after the socket is up: give it a moment before the first change.
  await sleep(1000);

  const book = async (base, personId, deskId) => {
    const { bookDesk } = await gql(
      base,
      personId,
      'mutation($input: BookDeskInput!) { bookDesk(input: $input) { id } }',
      { input: { deskId, date, part: 'FULL_DAY' } },
    );
    return bookDesk.id;
  };
  await book(proxy, bookerProxy, free[0]);
  ok(`booking through the proxy (${date})`);
  await heard([viaProxy, onA, onB], free[0], 'its event');
  await book(replicas[0], bookerA, free[1]);
  await heard([onB, viaProxy], free[1], 'booking on replica 1');
  await book(replicas[1], bookerB, free[2]);
  await heard([onA, viaProxy], free[2], 'booking on replica 2');

  // ---- the proxy's rate limit: a burst from one address meets 429 from nginx (not from the API) ---------------------
  const burst = Number(values.burst);
  if (burst > 0) {
    const statuses = await Promise.all(
      Array.from({ length: burst }, () =>
        fetch(`${proxy}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }).then(
          async (response) =>
            `${response.status}${(response.headers.get('content-type') ?? '').includes('json') ? '' : ' proxy'}`,
          () => 'refused',
        ),
      ),
    );
    const counts = Object.fromEntries(
      Map.groupBy(statuses, (s) => s)
        .entries()
        .map(([s, list]) => [s, list.length]),
    );
    if (!counts['429 proxy']) fail(`${burst} requests at once met no 429 from the proxy: ${JSON.stringify(counts)}`);
    ok(`${burst} requests at once through the proxy: ${JSON.stringify(counts)}`);
  }
}

let code = 0;
try {
  await main();
  console.log(`smoke client: passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`smoke client: FAILED: ${error.message}`);
  code = 1;
}
await Promise.all(clients.map((client) => client.dispose()));
process.exit(code);
