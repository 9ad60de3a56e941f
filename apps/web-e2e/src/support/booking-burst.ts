import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

import { openDayInBavaria } from './dates.js';

/**
 * Bursts of bookings against the built API in a process of its own, and the checks of what a fault left behind
 * (issue 9): shared by the fault tests (faults.e2e-spec.ts, postgres-restart.e2e-spec.ts).
 */
export const WORKSPACE = resolve(import.meta.dirname, '../../../..');
export const MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
export const CLI = join(WORKSPACE, 'dist/apps/api/cli.js');
export const ADMIN_URL = process.env['NAHBAR_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';
export const OFFICE = 'Co-Working Erlangen Hauptbahnhof';
export const BOOK = 'mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }';
export const MINE = '{ myBookings { id deskId date part } }';

export interface App {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
}

export interface Attempt {
  readonly person: string;
  readonly deskId: string;
  readonly date: string;
}

export interface Outcome {
  /** The booking's id when the API confirmed it. */
  readonly id?: string;
  /** A typed refusal's code. */
  readonly code?: string;
  /** No answer: the process went away first. */
  readonly lost?: true;
  /** No answer within HANG_BOUND_MS while the process was there: a hang. */
  readonly hung?: true;
}

/** A liveness bound, not a timing claim: a request still unanswered after this long hangs. */
export const HANG_BOUND_MS = 60_000;

/** What the API logged as errors (the GraphQL error filter logs each internal error with its stack): for diagnosis. */
export function loggedErrors(app: App): string {
  return app
    .output()
    .split('\n')
    .filter((line) => /ERROR|^\s+at |Error:/.test(line))
    .join('\n');
}

/** The codes a booking of a burst may be refused with (full days, people outnumbering desks). */
export const BOOKING_REFUSALS: readonly string[] = ['DESK_TAKEN', 'PERSON_ALREADY_BOOKED'];

export function start(env: Readonly<Record<string, string>>): Promise<App> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: WORKSPACE,
    env: { ...process.env, HOST: '127.0.0.1', NO_COLOR: '1', NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<App>((resolveApp, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /nahbar is running: (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveApp({ url: match[1].replace('localhost', '127.0.0.1'), child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
}

export async function graphql<T>(url: string, person: string | null, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(person ? { [DEMO_PERSON_HEADER]: person } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** One booking request; never throws: a refusal gives its code, a vanished server `lost`, a hang `hung`. */
export async function attempt(url: string, { person, deskId, date }: Attempt): Promise<Outcome> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      signal: AbortSignal.timeout(HANG_BOUND_MS),
      headers: { 'content-type': 'application/json', [DEMO_PERSON_HEADER]: person },
      body: JSON.stringify({ query: BOOK, variables: { input: { deskId, date, part: 'FULL_DAY' } } }),
    });
    const body = (await response.json()) as {
      data?: { bookDesk: { id: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    if (body.data?.bookDesk) return { id: body.data.bookDesk.id };
    return { code: body.errors?.[0]?.extensions?.code ?? `HTTP_${response.status}` };
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? { hung: true } : { lost: true };
  }
}

/** Every person × date × a desk each (people outnumber desks: some requests race for one desk), shuffled. */
export function burst(people: readonly string[], deskIds: readonly string[], dates: readonly string[]): Attempt[] {
  const attempts: Attempt[] = [];
  for (const [d, date] of dates.entries()) {
    for (const [p, person] of people.entries()) {
      attempts.push({ person, date, deskId: deskIds[(p + d) % deskIds.length] ?? '' });
    }
  }
  // A fixed shuffle: the same order in every run.
  return attempts
    .map((value, index) => ({ value, key: (index * 7919) % attempts.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ value }) => value);
}

/** Runs the attempts `concurrency` at a time; `onConfirmed` sees the running count of confirmations. */
export async function run(
  url: string,
  attempts: readonly Attempt[],
  concurrency: number,
  onConfirmed: (count: number) => void = () => undefined,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(attempts.length);
  let next = 0;
  let confirmed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < attempts.length) {
        const index = next++;
        const outcome = await attempt(url, attempts[index] as Attempt);
        outcomes[index] = outcome;
        if (outcome.id) onConfirmed(++confirmed);
      }
    }),
  );
  return outcomes;
}

export interface Booked {
  readonly id: string;
  readonly deskId: string;
  readonly date: string;
  readonly part: string;
}

/** Everybody's live bookings from today on, as each person sees them, after a restart. */
export async function allBookings(
  url: string,
  people: readonly string[],
): Promise<Map<string, Booked & { person: string }>> {
  const all = new Map<string, Booked & { person: string }>();
  for (const person of people) {
    const { myBookings } = await graphql<{ myBookings: Booked[] }>(url, person, MINE);
    for (const booking of myBookings) all.set(booking.id, { ...booking, person });
  }
  return all;
}

/** Invariants 1 and 2 (DESIGN.md §3): one live booking per desk and day, one per person and day (full days here). */
export function expectInvariants(bookings: Iterable<Booked & { person: string }>): void {
  const desks = new Set<string>();
  const people = new Set<string>();
  for (const booking of bookings) {
    const desk = `${booking.deskId}/${booking.date}`;
    const person = `${booking.person}/${booking.date}`;
    expect(desks.has(desk)).toBe(false);
    expect(people.has(person)).toBe(false);
    desks.add(desk);
    people.add(person);
  }
}

/**
 * Nothing half written, nothing written on refusal: a booking that is there but was never confirmed belongs to a
 * request that got no answer or DATABASE_UNAVAILABLE (its commit may have happened just before the fault: then it is
 * whole), never to one refused with a typed code.
 */
export function expectNothingRefusedWritten(
  attempts: readonly Attempt[],
  outcomes: readonly Outcome[],
  bookings: Iterable<Booked & { person: string }>,
): void {
  const confirmed = new Set(outcomes.flatMap((outcome) => (outcome.id ? [outcome.id] : [])));
  for (const booking of bookings) {
    if (confirmed.has(booking.id)) continue;
    const unanswered = attempts.some(
      (candidate, index) =>
        candidate.person === booking.person &&
        candidate.deskId === booking.deskId &&
        candidate.date === booking.date &&
        (outcomes[index]?.lost === true || outcomes[index]?.code === 'DATABASE_UNAVAILABLE'),
    );
    expect(unanswered).toBe(true);
  }
}

export async function world(url: string): Promise<{ people: string[]; deskIds: string[] }> {
  const { demoPeople } = await graphql<{ demoPeople: { id: string }[] }>(url, null, '{ demoPeople { id } }');
  const people = demoPeople.map((person) => person.id);
  const { offices } = await graphql<{ offices: { id: string; name: string }[] }>(
    url,
    people[0] ?? '',
    '{ offices { id name } }',
  );
  const officeId = offices.find((office) => office.name === OFFICE)?.id;
  const { deskAvailability } = await graphql<{ deskAvailability: { deskId: string; blocked: boolean }[] }>(
    url,
    people[0] ?? '',
    'query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: FULL_DAY) { deskId blocked } }',
    { o: officeId, d: openDayInBavaria(1) },
  );
  return { people, deskIds: deskAvailability.filter((desk) => !desk.blocked).map((desk) => desk.deskId) };
}

export async function seed(env: Readonly<Record<string, string>>): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'seed-demo'], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { code } = await exitOf(child);
  if (code !== 0) throw new Error(`cli.js seed-demo exited with ${code}:\n${output}`);
}
