import { type RunningApi, startApi } from '../src/bootstrap.js';
import { APP_CONFIG, type AppConfig, loadConfig } from '../src/config/app-config.js';
import { CallerCache, type CallersChanged } from '../src/identity/caller-cache.js';
import { errorCode, graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

/**
 * The identity layer keeps callers for a few seconds (issue 8). A change of what a caller holds must count from the
 * very next request, in this instance and in the others: never only once the cache entry has expired.
 */
const OCCUPANCY_OFFICES = '{ occupancyOffices { id } }';
const GRANT = 'mutation($i: RoleInput!) { grantRole(input: $i) { id } }';
const REVOKE = 'mutation($i: RoleInput!) { revokeRole(input: $i) { id } }';
const ME = '{ me { id } }';
const ERASE = 'mutation($c: String!) { eraseMyAccount(confirm: $c) { cancelledBookings } }';
const REMOVE_MEMBER = 'mutation($i: TeamMemberInput!) { removeTeamMember(input: $i) { id } }';
const TEAM_CANDIDATES = 'query($t: ID!) { teamCandidates(teamId: $t) { id } }';

async function people(test: TestApi): Promise<Record<string, string>> {
  const rows = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
  return Object.fromEntries(rows.map((row) => [row.display_name, row.id]));
}

async function erlangenId(test: TestApi): Promise<string> {
  const [row] = await test.sql<{ id: string }>(
    `SELECT id FROM offices WHERE name = 'Co-Working Erlangen Hauptbahnhof'`,
  );
  if (!row) throw new Error('demo office Erlangen missing');
  return row.id;
}

/** Resolves when `cache` has forgotten the person (or everyone), whichever instance asked for it. */
function forgotten(cache: CallerCache, personId: string): Promise<CallersChanged> {
  return new Promise((resolve) => {
    const stop = cache.onForgotten((change) => {
      if (change.all || change.personIds?.includes(personId)) {
        stop();
        resolve(change);
      }
    });
  });
}

describe.each(DATABASE_KINDS)('caller cache on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let cache: CallerCache;
  let ids: Record<string, string>;
  let erlangen: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    cache = test.api.app.get(CallerCache);
    ids = await people(test);
    erlangen = await erlangenId(test);
  });

  afterAll(async () => {
    await test?.stop();
  });

  const as = (name: string): string => {
    const id = ids[name];
    if (!id) throw new Error(`no demo person ${name}`);
    return id;
  };

  it('a granted and then revoked role counts from the next request, while the caller is cached', async () => {
    const mehmet = as('Mehmet Yılmaz');
    const role = { personId: mehmet, role: 'FACILITY_MANAGER', officeId: erlangen };

    expect(errorCode(await graphql(url, OCCUPANCY_OFFICES, {}, mehmet))).toBe('FORBIDDEN');
    expect(cache.holds(mehmet)).toBe(true);

    const granted = await graphql(url, GRANT, { i: role }, as('Anna Schmidt'));
    expect(granted.errors).toBeUndefined();
    expect(cache.holds(mehmet)).toBe(false);
    const allowed = await graphql<{ occupancyOffices: { id: string }[] }>(url, OCCUPANCY_OFFICES, {}, mehmet);
    expect(allowed.data?.occupancyOffices.map((office) => office.id)).toContain(erlangen);
    expect(cache.holds(mehmet)).toBe(true);

    const revoked = await graphql(url, REVOKE, { i: role }, as('Anna Schmidt'));
    expect(revoked.errors).toBeUndefined();
    expect(cache.holds(mehmet)).toBe(false);
    expect(errorCode(await graphql(url, OCCUPANCY_OFFICES, {}, mehmet))).toBe('FORBIDDEN');
  });

  it('a lead removed from their team is forgotten at once and no longer leads it on the next request', async () => {
    const [team] = await test.sql<{ id: string }>(
      `SELECT t.id FROM teams t JOIN team_members m ON m.team_id = t.id AND m.is_lead
        WHERE m.person_id = $1 AND t.name = 'Rechenzentrum'`,
      [as('Fatma Demir')],
    );
    if (!team) throw new Error('demo team Rechenzentrum missing');
    const fatma = as('Fatma Demir');
    // As lead she may look for people to add; the request caches her with the team among those she leads.
    const before = await graphql(url, TEAM_CANDIDATES, { t: team.id }, fatma);
    expect(before.errors).toBeUndefined();
    expect(cache.holds(fatma)).toBe(true);

    const [admin] = await test.sql<{ person_id: string }>(
      `SELECT r.person_id FROM role_assignments r JOIN people p ON p.organisation_id = r.organisation_id
        WHERE r.role = 'ORGANISATION_ADMIN' AND p.id = $1 LIMIT 1`,
      [fatma],
    );
    if (!admin) throw new Error('no admin of Fatma Demir’s organisation');
    const removed = await graphql(url, REMOVE_MEMBER, { i: { teamId: team.id, personId: fatma } }, admin.person_id);
    expect(removed.errors).toBeUndefined();
    // Her cached team leads are gone with the entry; the team itself reads as not found for her now.
    expect(cache.holds(fatma)).toBe(false);
    expect(errorCode(await graphql(url, TEAM_CANDIDATES, { t: team.id }, fatma))).toBe('TEAM_NOT_FOUND');
  });

  it('an erased account is refused on the next request', async () => {
    // Someone who is not an organisation's admin (the last one may not erase their account).
    const [person] = await test.sql<{ id: string }>(
      `SELECT p.id FROM people p
        WHERE p.display_name NOT IN ('Mehmet Yılmaz', 'Fatma Demir', 'Anna Schmidt')
          AND NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.person_id = p.id)
        ORDER BY p.display_name LIMIT 1`,
    );
    if (!person) throw new Error('no demo person without roles');
    const erasable = person.id;
    expect((await graphql<{ me: { id: string } }>(url, ME, {}, erasable)).data?.me.id).toBe(erasable);
    expect(cache.holds(erasable)).toBe(true);

    const erased = await graphql(url, ERASE, { c: 'löschen' }, erasable);
    expect(erased.errors).toBeUndefined();
    expect(cache.holds(erasable)).toBe(false);
    expect(errorCode(await graphql(url, ME, {}, erasable))).toBe('UNAUTHENTICATED');
  });
});

describe('caller cache across two API instances on one PostgreSQL database', () => {
  let test: TestApi;
  let second: RunningApi | undefined;
  let ids: Record<string, string>;
  let erlangen: string;

  beforeAll(async () => {
    test = await startTestApi('postgres');
    ids = await people(test);
    erlangen = await erlangenId(test);
    const databaseUrl = test.api.app.get<AppConfig>(APP_CONFIG).databaseUrl;
    if (!databaseUrl) throw new Error('the PostgreSQL test API has no DATABASE_URL');
    second = await startApi(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        NAHBAR_DEMO: 'true',
        NAHBAR_SEED_DEMO: 'false',
        NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0',
        NAHBAR_RETENTION_INTERVAL_SECONDS: '0',
      }),
      ['error'],
    );
  });

  afterAll(async () => {
    await second?.close();
    await test?.stop();
  });

  it('a role revoked through one instance is refused by the other on its next request after the notice', async () => {
    const other = second;
    if (!other) throw new Error('second instance missing');
    const otherCache = other.app.get(CallerCache);
    const mehmet = ids['Mehmet Yılmaz'] ?? '';
    const anna = ids['Anna Schmidt'] ?? '';
    const role = { personId: mehmet, role: 'FACILITY_MANAGER', officeId: erlangen };

    const grantHeard = forgotten(otherCache, mehmet);
    expect((await graphql(test.api.url, GRANT, { i: role }, anna)).errors).toBeUndefined();
    await grantHeard;
    const allowed = await graphql<{ occupancyOffices: { id: string }[] }>(other.url, OCCUPANCY_OFFICES, {}, mehmet);
    expect(allowed.data?.occupancyOffices.map((office) => office.id)).toContain(erlangen);
    expect(otherCache.holds(mehmet)).toBe(true);

    const revokeHeard = forgotten(otherCache, mehmet);
    expect((await graphql(test.api.url, REVOKE, { i: role }, anna)).errors).toBeUndefined();
    await revokeHeard;
    expect(otherCache.holds(mehmet)).toBe(false);
    expect(errorCode(await graphql(other.url, OCCUPANCY_OFFICES, {}, mehmet))).toBe('FORBIDDEN');
  });
});
