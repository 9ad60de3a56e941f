import { randomBytes } from 'node:crypto';

import {
  API_AUDIENCE,
  OTHER_RESOURCE,
  refreshTokens,
  SHORT_LIVED_API_RESOURCE,
  signIn,
  startOidcProvider,
  type TestAccountClaims,
  type TestOidcProvider,
} from '@nahbar/testing-oidc';
import { type Client, createClient } from 'graphql-ws';
import { generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';

import { DEMO_PERSON_HEADER } from '../src/identity/demo-identity.js';
import { type DemoWorld, demoWorld, nextOpenDay } from './support/fixtures.js';
import { errorCode, EventRecorder, type GraphqlResponse } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const ME = `{ me { id displayName organisation { id name } } }`;
const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id status deskId } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelBooking(id: $id) { id status } }`;
const CHANGES = `subscription Changes($officeId: ID!, $date: String!, $part: DayPart!) {
  deskAvailabilityChanged(officeId: $officeId, date: $date, part: $part) { deskId free }
}`;
const AUTH_CONFIGURATION = `{ authConfiguration { mode issuer clientId scope } }`;

interface MeData {
  me: { id: string; displayName: string; organisation: { id: string; name: string } };
}
interface BookData {
  bookDesk: { id: string; status: string; deskId: string };
}
interface Change {
  deskId: string;
  free: boolean;
}

const ACCOUNTS: Record<string, TestAccountClaims> = {
  anna: { name: 'Anna Amsel', email: 'anna.amsel@ldbv.example', organisation: 'ldbv' },
  jonas: { given_name: 'Jonas', family_name: 'Jung', email: 'jonas.jung@fuerth.example', organisation: 'stadt-fuerth' },
  rita: { preferred_username: 'rrennt', organisation: ['it-nrw'] },
  bernd: { name: 'Bernd Bucher', email: 'bernd.bucher@it.nrw.example', organisation: 'it-nrw' },
  wilma: { name: 'Wilma Wache', email: 'wilma.wache@fuerth.example', organisation: 'stadt-fuerth' },
  lisa: { name: 'Lisa Kurz', email: 'lisa.kurz@ldbv.example', organisation: 'ldbv' },
  ute: { name: 'Ute Umzug', email: 'ute@ldbv.example', organisation: 'ldbv' },
  nomad: { name: 'Nora Nomade', email: 'nora@elsewhere.example', organisation: 'landratsamt-unbekannt' },
  orgless: { name: 'Otto Ohne', email: 'otto@nowhere.example' },
  torn: { name: 'Tom Zwei', organisation: ['ldbv', 'it-nrw'] },
  nameless: { email: 'nameless@ldbv.example', organisation: 'ldbv' },
};

/** The only text a rejected token may produce. */
const REJECTION = /^Your sign-in is not valid \(any more\)\. Please sign in again\.$/;

describe.each(DATABASE_KINDS)('OpenID Connect sign-in on %s', (kind) => {
  let idp: TestOidcProvider;
  let strangerIdp: TestOidcProvider;
  let test: TestApi;
  let url: string;
  let world: DemoWorld;

  beforeAll(async () => {
    idp = await startOidcProvider({ accounts: ACCOUNTS, shortAccessTokenTtlSeconds: 4 });
    strangerIdp = await startOidcProvider({ accounts: ACCOUNTS });
    test = await startTestApi(kind, { NAHBAR_DEMO: 'false', ...idp.apiEnv() });
    url = test.api.url;
    world = await demoWorld(test);
  });

  afterAll(async () => {
    await test?.stop();
    await idp?.stop();
    await strangerIdp?.stop();
  });

  const counts = async (): Promise<{ people: number; bookings: number }> => {
    const [row] = await test.sql<{ people: number; bookings: number }>(
      'SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM bookings)::int AS bookings',
    );
    if (!row) throw new Error('no counts');
    return row;
  };
  const personRows = (subject: string) =>
    test.sql<{ id: string; display_name: string; email: string | null; oidc_issuer: string; claim_value: string }>(
      `SELECT p.id, p.display_name, p.email, p.oidc_issuer, o.claim_value
       FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.oidc_subject = $1`,
      [subject],
    );
  const desk = (index: number): string => {
    const id = world.deskIds[index];
    if (!id) throw new Error(`no desk ${index}`);
    return id;
  };
  const book = (token: string, deskId: string, date: string, headers: Record<string, string> = {}) =>
    request<BookData>(url, BOOK, { input: { deskId, date, part: 'MORNING' } }, { ...bearer(token), ...headers });

  it('signs in through the provider; the first sign-in creates the person from the claims, later ones find them', async () => {
    const before = await counts();
    const first = await signIn(idp, 'anna');
    const me = await request<MeData>(url, ME, {}, bearer(first.accessToken));
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({ displayName: 'Anna Amsel' });

    const rows = await personRows('anna');
    expect(rows).toEqual([
      {
        id: me.data?.me.id,
        display_name: 'Anna Amsel',
        email: 'anna.amsel@ldbv.example',
        oidc_issuer: idp.issuer,
        claim_value: 'ldbv',
      },
    ]);
    expect((await counts()).people).toBe(before.people + 1);

    // A new session at the provider, a new token: the same person.
    const second = await signIn(idp, 'anna');
    expect(second.accessToken).not.toBe(first.accessToken);
    const again = await request<MeData>(url, ME, {}, bearer(second.accessToken));
    expect(again.data?.me.id).toBe(me.data?.me.id);
    expect(await personRows('anna')).toHaveLength(1);
    expect((await counts()).people).toBe(before.people + 1);
  });

  it('takes the name from given and family name or the user name, and the organisation from a one-value list', async () => {
    const jonas = await request<MeData>(url, ME, {}, bearer((await signIn(idp, 'jonas')).accessToken));
    expect(jonas.data?.me.displayName).toBe('Jonas Jung');
    expect((await personRows('jonas'))[0]?.claim_value).toBe('stadt-fuerth');

    const rita = await request<MeData>(url, ME, {}, bearer((await signIn(idp, 'rita')).accessToken));
    expect(rita.data?.me.displayName).toBe('rrennt');
    expect(await personRows('rita')).toEqual([expect.objectContaining({ email: null, claim_value: 'it-nrw' })]);
  });

  it('keeps name and e-mail as the provider has them now', async () => {
    await request<MeData>(url, ME, {}, bearer((await signIn(idp, 'ute')).accessToken));
    const before = await counts();
    idp.addAccount('ute', { name: 'Ute Neu', email: 'ute.neu@ldbv.example', organisation: 'ldbv' });
    const renamed = await request<MeData>(url, ME, {}, bearer((await signIn(idp, 'ute')).accessToken));
    expect(renamed.data?.me.displayName).toBe('Ute Neu');
    expect(await personRows('ute')).toEqual([
      expect.objectContaining({ display_name: 'Ute Neu', email: 'ute.neu@ldbv.example' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('creates exactly one person when the first requests of a new person arrive at once', async () => {
    const tokens = await Promise.all([signIn(idp, 'bernd'), signIn(idp, 'bernd')]);
    const before = await counts();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        request<MeData>(url, ME, {}, bearer(tokens[index % 2]?.accessToken ?? '')),
      ),
    );
    expect(responses.map((response) => response.errors)).toEqual(responses.map(() => undefined));
    const ids = new Set(responses.map((response) => response.data?.me.id));
    expect(ids.size).toBe(1);
    expect(await personRows('bernd')).toHaveLength(1);
    expect((await counts()).people).toBe(before.people + 1);
  });

  it('books a desk with a signed-in token, for the signed-in person', async () => {
    const { accessToken } = await signIn(idp, 'wilma');
    const booked = await book(accessToken, desk(0), openDay(3));
    expect(booked.errors).toBeUndefined();
    expect(booked.data?.bookDesk).toMatchObject({ status: 'BOOKED', deskId: desk(0) });
    const [row] = await test.sql<{ oidc_subject: string }>(
      'SELECT p.oidc_subject FROM bookings b JOIN people p ON p.id = b.person_id WHERE b.id = $1',
      [booked.data?.bookDesk.id],
    );
    expect(row?.oidc_subject).toBe('wilma');
  });

  it('keeps a person signed in through a refreshed access token', async () => {
    const tokens = await signIn(idp, 'anna');
    expect(tokens.refreshToken).toEqual(expect.any(String));
    const refreshed = await refreshTokens(idp, tokens.refreshToken as string);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    const me = await request<MeData>(url, ME, {}, bearer(refreshed.accessToken));
    expect(me.data?.me.displayName).toBe('Anna Amsel');
  });

  describe('refuses every token it cannot trust with UNAUTHENTICATED, writes nothing and leaks nothing', () => {
    const tokens = new Map<string, () => Promise<string>>([
      ['forged: signed by another key under the real key id', async () => forge(claimsFor(idp), idp.signingKey.kid)],
      ['forged: signed by another key under an unknown key id', async () => forge(claimsFor(idp), 'unknown-key')],
      ['expired', async () => signWithProviderKey(idp, { ...claimsFor(idp), iat: now() - 600, exp: now() - 60 })],
      ['without expiry', async () => signWithProviderKey(idp, omit(claimsFor(idp), 'exp'))],
      ['without subject', async () => signWithProviderKey(idp, omit(claimsFor(idp), 'sub'))],
      ['not yet valid', async () => signWithProviderKey(idp, { ...claimsFor(idp), nbf: now() + 120 })],
      [
        'for another audience (from the provider)',
        async () => (await signIn(idp, 'anna', { resource: OTHER_RESOURCE })).accessToken,
      ],
      [
        'for another audience (right key)',
        async () => signWithProviderKey(idp, { ...claimsFor(idp), aud: 'other-service' }),
      ],
      ['from another issuer (a second provider)', async () => (await signIn(strangerIdp, 'anna')).accessToken],
      [
        'from another issuer (right key)',
        async () => signWithProviderKey(idp, { ...claimsFor(idp), iss: 'https://evil.example' }),
      ],
      ['an ID token instead of an access token', async () => (await signIn(idp, 'anna')).idToken ?? ''],
      ['with a tampered payload', async () => tamper((await signIn(idp, 'anna')).accessToken)],
      ['unsigned (alg: none)', async () => new UnsecuredJWT(claimsFor(idp)).encode()],
      ['signed with a shared secret (HS256)', async () => hmac(claimsFor(idp))],
      ['malformed: three segments of nothing', async () => 'eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl'],
      ['malformed: not a JWT at all', async () => 'this-is-not-a-token'],
    ]);

    it.each([...tokens.keys()])('%s', async (name) => {
      const token = await (tokens.get(name) as () => Promise<string>)();
      const before = await counts();
      for (const response of [
        await book(token, desk(1), openDay(4)),
        await request<MeData>(url, ME, {}, bearer(token)),
      ]) {
        expect(response.data ?? null).toBeNull();
        expect(errorCode(response)).toBe('UNAUTHENTICATED');
        const message = response.errors?.[0]?.message ?? '';
        expect(message).toMatch(REJECTION);
        for (const segment of token.split('.').filter((part) => part.length >= 8)) {
          expect(message).not.toContain(segment.slice(0, 8));
        }
        expect(JSON.stringify(response)).not.toMatch(/JW[STK]|jose|signature|claim|"exp"|audience|issuer/i);
      }
      expect(await counts()).toEqual(before);
    });
  });

  it.each([
    ['an organisation nahbar does not know', 'nomad', 'ORGANISATION_UNKNOWN'],
    ['no organisation claim', 'orgless', 'ORGANISATION_UNKNOWN'],
    ['two organisations', 'torn', 'ORGANISATION_UNKNOWN'],
    ['no name at all', 'nameless', 'PROFILE_INCOMPLETE'],
  ])('refuses a valid token with %s with its own code and writes nothing', async (_name, sub, code) => {
    const { accessToken } = await signIn(idp, sub);
    const before = await counts();
    const booked = await book(accessToken, desk(2), openDay(4));
    expect(errorCode(booked)).toBe(code);
    expect(errorCode(await request(url, ME, {}, bearer(accessToken)))).toBe(code);
    expect(await counts()).toEqual(before);
    expect(await personRows(sub)).toEqual([]);
  });

  it('ignores the demo identity: the header neither signs in nor overrides a token, and demoPeople is refused', async () => {
    const demoPerson = world.people[0] as string;
    const before = await counts();
    expect(errorCode(await request(url, ME, {}, { [DEMO_PERSON_HEADER]: demoPerson }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await book('', desk(3), openDay(5), { [DEMO_PERSON_HEADER]: demoPerson }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await counts()).toEqual(before);

    const { accessToken } = await signIn(idp, 'anna');
    const me = await request<MeData>(url, ME, {}, { ...bearer(accessToken), [DEMO_PERSON_HEADER]: demoPerson });
    expect(me.data?.me.displayName).toBe('Anna Amsel');
    expect(me.data?.me.id).not.toBe(demoPerson);

    expect(errorCode(await request(url, '{ demoPeople { id } }'))).toBe('DEMO_MODE_OFF');
  });

  it('tells clients how to sign in, also when their token is no longer valid', async () => {
    const expected = {
      authConfiguration: {
        mode: 'OIDC',
        issuer: idp.issuer,
        clientId: 'nahbar-web',
        scope: 'openid profile email offline_access',
      },
    };
    expect(await request(url, AUTH_CONFIGURATION)).toEqual({ data: expected });
    expect(await request(url, AUTH_CONFIGURATION, {}, bearer('this-is-not-a-token'))).toEqual({ data: expected });
  });

  describe('over WebSocket', () => {
    it.each([
      ['without a token', async () => ({})],
      ['with a forged token', async () => bearer(await forge(claimsFor(idp), idp.signingKey.kid))],
      [
        'with an expired token',
        async () => bearer(await signWithProviderKey(idp, { ...claimsFor(idp), iat: now() - 600, exp: now() - 60 })),
      ],
      [
        'with a token for another audience',
        async () => bearer((await signIn(idp, 'anna', { resource: OTHER_RESOURCE })).accessToken),
      ],
      ['with a demo person instead of a token', async () => ({ [DEMO_PERSON_HEADER]: world.people[0] as string })],
    ])('closes the socket %s with 4401', async (_name, credentials: () => Promise<Record<string, string>>) => {
      const params = await credentials();
      const socket = webSocket(url, params);
      const recorder = subscribeChanges(socket.client, world.officeId, openDay(6));
      try {
        expect(await socket.closed).toMatchObject({ code: 4401 });
        await recorder.waitFor(1, 2000).catch(() => undefined);
        expect(recorder.events).toEqual([]);
      } finally {
        recorder.stop();
        await socket.client.dispose();
      }
    });

    it('delivers events to a subscriber with a valid token', async () => {
      const watcher = await signIn(idp, 'jonas');
      const booker = await signIn(idp, 'wilma');
      const date = openDay(7);
      const socket = webSocket(url, bearer(watcher.accessToken));
      const recorder = subscribeChanges(socket.client, world.officeId, date);
      try {
        await untilLive(booker.accessToken, date, recorder);
        recorder.events.length = 0;
        const booked = await book(booker.accessToken, desk(4), date);
        expect(booked.data?.bookDesk.status).toBe('BOOKED');
        await recorder.waitFor(1, 10_000);
        expect(recorder.errors).toEqual([]);
        expect(recorder.events).toContainEqual({ deskId: desk(4), free: false });
      } finally {
        recorder.stop();
        await socket.client.dispose();
      }
    });

    it('ends the subscription with 4401 when the token expires, and refuses the token afterwards', async () => {
      const short = await signIn(idp, 'lisa', { resource: SHORT_LIVED_API_RESOURCE });
      const booker = await signIn(idp, 'bernd');
      expect(short.expiresAt - now()).toBeLessThanOrEqual(4);
      const date = openDay(8);
      const socket = webSocket(url, bearer(short.accessToken));
      const recorder = subscribeChanges(socket.client, world.officeId, date);
      try {
        await untilLive(booker.accessToken, date, recorder);
        recorder.events.length = 0;
        const closed = await socket.closed;
        const closedAt = Date.now();
        expect(closed).toMatchObject({ code: 4401 });
        expect(closedAt).toBeGreaterThanOrEqual(short.expiresAt * 1000 - 50);
        // Closed because the token expired (not at some later sweep): a generous bound, for a loaded machine.
        expect(closedAt).toBeLessThan(short.expiresAt * 1000 + 10_000);
        // The subscription itself ends with the close event.
        await recorder.waitFor(1, 10_000);
        // Under load the probe's last event (desk 5 free again) may arrive after the list was cleared: no other event.
        expect(recorder.events.filter((event) => event.deskId !== desk(5))).toEqual([]);
        expect((recorder.errors[0] as { code?: number } | undefined)?.code).toBe(4401);
      } finally {
        recorder.stop();
        await socket.client.dispose();
      }

      expect(errorCode(await request(url, ME, {}, bearer(short.accessToken)))).toBe('UNAUTHENTICATED');
      const again = webSocket(url, bearer(short.accessToken));
      const refused = subscribeChanges(again.client, world.officeId, date);
      try {
        expect(await again.closed).toMatchObject({ code: 4401 });
      } finally {
        refused.stop();
        await again.client.dispose();
      }
    });
  });

  /** Books and cancels a probe desk until the subscriber sees an event: graphql-ws confirms a subscription only by its events. */
  async function untilLive(bookerToken: string, date: string, recorder: EventRecorder<Change>): Promise<void> {
    let refusal: string | undefined;
    for (let attempt = 0; attempt < 30 && recorder.events.length === 0 && recorder.errors.length === 0; attempt += 1) {
      const probe = await book(bookerToken, desk(5), date);
      refusal = errorCode(probe);
      const id = probe.data?.bookDesk.id;
      if (id) await request(url, CANCEL, { id }, bearer(bookerToken));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (recorder.events.length === 0) {
      throw new Error(
        `subscription never became live (probe: ${refusal ?? 'booked'}, ${recorder.errors.length} errors)`,
      );
    }
  }
});

describe.each(DATABASE_KINDS)('the demo identity on %s', (kind) => {
  let idp: TestOidcProvider;
  let test: TestApi;

  beforeAll(async () => {
    idp = await startOidcProvider({ accounts: ACCOUNTS });
    test = await startTestApi(kind);
  });

  afterAll(async () => {
    await test?.stop();
    await idp?.stop();
  });

  it('says DEMO to clients, and ignores bearer tokens it has no issuer for', async () => {
    expect(await request(test.api.url, AUTH_CONFIGURATION)).toEqual({
      data: { authConfiguration: { mode: 'DEMO', issuer: null, clientId: null, scope: null } },
    });
    const { accessToken } = await signIn(idp, 'anna');
    expect(errorCode(await request(test.api.url, ME, {}, bearer(accessToken)))).toBe('UNAUTHENTICATED');
    const [person] = await test.sql<{ id: string }>('SELECT id FROM people LIMIT 1');
    const me = await request<MeData>(test.api.url, ME, {}, { [DEMO_PERSON_HEADER]: person?.id ?? '' });
    expect(me.data?.me.id).toBe(person?.id);
  });
});

describe('discovery of the identity provider', () => {
  it('fails closed while the provider is unreachable and recovers when it is back', async () => {
    const first = await startOidcProvider({ accounts: ACCOUNTS });
    const port = Number(new URL(first.issuer).port);
    await first.stop();
    const test = await startTestApi('pglite', { NAHBAR_DEMO: 'false', ...first.apiEnv() });
    let idp: TestOidcProvider | undefined;
    try {
      const forged = await forge(claimsFor(first), first.signingKey.kid);
      const down = await request(test.api.url, ME, {}, bearer(forged));
      expect(errorCode(down)).toBe('UNAUTHENTICATED');
      expect(down.errors?.[0]?.message).toMatch(REJECTION);

      // The same issuer URL comes back (with new keys): after the retry pause, tokens are accepted again.
      idp = await startOidcProvider({ accounts: ACCOUNTS, port });
      const { accessToken } = await signIn(idp, 'anna');
      const deadline = Date.now() + 10_000;
      let me = await request<MeData>(test.api.url, ME, {}, bearer(accessToken));
      while (!me.data && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        me = await request<MeData>(test.api.url, ME, {}, bearer(accessToken));
      }
      expect(me.data?.me.displayName).toBe('Anna Amsel');
    } finally {
      await test.stop();
      await idp?.stop();
    }
  });
});

async function request<Data = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<Data>;
}

function bearer(token: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

function webSocket(
  baseUrl: string,
  connectionParams: Record<string, string>,
): { client: Client; closed: Promise<{ code: number; reason: string }> } {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    connectionParams,
    lazy: true,
    retryAttempts: 0,
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  return { client, closed };
}

function subscribeChanges(client: Client, officeId: string, date: string): EventRecorder<Change> {
  return new EventRecorder<Change>().subscribe(
    client,
    CHANGES,
    { officeId, date, part: 'MORNING' },
    (data: { deskAvailabilityChanged: Change }) => data.deskAvailabilityChanged,
  );
}

/** The `n`-th open day of the Erlangen office after tomorrow: distinct `n`, distinct open days. */
function openDay(n: number): string {
  return nextOpenDay(n + 1, 'BY');
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** Claims of a token that would be accepted, were it signed by the provider. */
function claimsFor(idp: TestOidcProvider): JWTPayload {
  return {
    iss: idp.issuer,
    aud: API_AUDIENCE,
    sub: `mallory-${randomBytes(4).toString('hex')}`,
    iat: now(),
    exp: now() + 300,
    name: 'Mallory',
    email: 'mallory@ldbv.example',
    organisation: 'ldbv',
  };
}

function omit(claims: JWTPayload, name: string): JWTPayload {
  const { [name]: _dropped, ...rest } = claims;
  return rest;
}

async function signWithProviderKey(idp: TestOidcProvider, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: idp.signingKey.alg, kid: idp.signingKey.kid, typ: 'at+jwt' })
    .sign(idp.signingKey.privateKey);
}

async function forge(claims: JWTPayload, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' }).sign(privateKey);
}

async function hmac(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(randomBytes(32));
}

/** The provider's real token with one claim changed: the signature no longer matches. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JWTPayload;
  const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
  return `${header}.${changed}.${signature}`;
}
