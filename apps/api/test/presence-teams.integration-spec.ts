import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { jest } from '@jest/globals';
import { addDays, type CivilDate, publicHoliday, todayInOfficeZone, weekdayOf } from '@nahbar/domain';
import { buildSchema, getNamedType, type GraphQLNamedType, isObjectType } from 'graphql';

import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  nextHoliday,
  nextOpenDay,
  plainDesks,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const TEAM_FIELDS = `id name organisationId viewerIsLead viewerIsMember viewerCanManage
  members { personId displayName isLead } policy { period minDays fixedWeekdays }`;
const MY_TEAMS = `{ myTeams { ${TEAM_FIELDS} } }`;
const TEAM = `query($id: ID!) { team(id: $id) { ${TEAM_FIELDS} } }`;
const CANDIDATES = 'query($t: ID!, $s: String) { teamCandidates(teamId: $t, search: $s) { id displayName } }';
const CREATE =
  'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id name organisationId viewerIsLead viewerCanManage } }';
const RENAME = 'mutation($id: ID!, $n: String!) { renameTeam(id: $id, name: $n) { id name } }';
const DELETE = 'mutation($id: ID!) { deleteTeam(id: $id) }';
const ADD = 'mutation($i: TeamMemberInput!) { addTeamMember(input: $i) { id members { personId isLead } } }';
const REMOVE = 'mutation($i: TeamMemberInput!) { removeTeamMember(input: $i) { id members { personId } } }';
const SET_POLICY =
  'mutation($i: PresencePolicyInput!) { setPresencePolicy(input: $i) { id policy { period minDays fixedWeekdays } } }';
const CLEAR_POLICY = 'mutation($t: ID!) { clearPresencePolicy(teamId: $t) { id policy { period } } }';
const PROGRESS = `{ myPresenceProgress { team { id name } policy { period minDays fixedWeekdays }
  periods { from to required planned met workingDays holidays missingFixedWeekdays } } }`;
const SUMMARY = `query($t: ID!) { teamPolicySummary(teamId: $t) {
  from to members meeting { count fewerThanThree } notMeeting { count fewerThanThree } } }`;
const BEST = `query($i: BestPresenceDaysInput!) { bestPresenceDays(input: $i) {
  date office { id name } members canCome bookedElsewhere away freeDesks explanation { de en } } }`;
const MY_CHANGES = 'subscription { myBookingChanged { reason booking { id status } } }';

interface TeamView {
  id: string;
  name: string;
  organisationId: string;
  viewerIsLead: boolean;
  viewerIsMember: boolean;
  viewerCanManage: boolean;
  members: { personId: string; displayName: string; isLead: boolean }[];
  policy: { period: string; minDays: number; fixedWeekdays: number[] } | null;
}
interface PeriodProgress {
  from: string;
  to: string;
  required: number;
  planned: number;
  met: boolean;
  workingDays: number;
  holidays: string[];
  missingFixedWeekdays: string[];
}
interface Progress {
  team: { id: string; name: string };
  policy: { period: string; minDays: number; fixedWeekdays: number[] };
  periods: PeriodProgress[];
}
interface Summary {
  from: string;
  to: string;
  members: number;
  meeting: { count: number | null; fewerThanThree: boolean };
  notMeeting: { count: number | null; fewerThanThree: boolean };
}
interface Suggestion {
  date: string;
  office: { id: string; name: string };
  members: number;
  canCome: number;
  bookedElsewhere: number;
  away: number;
  freeDesks: number;
  explanation: { de: string; en: string };
}

/** Instants at noon in Berlin, to set the clock of the API (same process) for policy periods. */
const noonInBerlin = (date: string): Date => new Date(`${date}T11:00:00Z`);

/** Freezes only `Date` (timers, ticks and I/O keep running) at the given instant, for a policy period. */
function setClock(now: Date): void {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('privacy of the team types (schema)', () => {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8'));

  /** Every type reachable from `name` through fields. */
  function reachable(name: string, seen = new Set<string>()): Set<string> {
    const type: GraphQLNamedType | undefined = schema.getType(name);
    if (!type || seen.has(name)) return seen;
    seen.add(name);
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) reachable(getNamedType(field.type).name, seen);
    }
    return seen;
  }

  it('gives a lead counts and names, never bookings or per-person compliance', () => {
    for (const root of ['Team', 'TeamPolicySummary', 'PresenceDaySuggestion', 'PresenceProgress']) {
      const types = reachable(root);
      expect([root, types.has('Booking')]).toEqual([root, false]);
      expect([root, types.has('PresencePeriodProgress')]).toEqual([root, root === 'PresenceProgress']);
    }
    const member = schema.getType('TeamMember');
    expect(isObjectType(member) && Object.keys(member.getFields()).sort()).toEqual([
      'displayName',
      'isLead',
      'personId',
    ]);
    const summary = schema.getType('TeamPolicySummary');
    expect(isObjectType(summary) && Object.keys(summary.getFields()).sort()).toEqual([
      'from',
      'meeting',
      'members',
      'notMeeting',
      'to',
    ]);
  });

  it('has no query of teams, policies or best days that takes a person', () => {
    const query = schema.getQueryType();
    for (const name of [
      'myTeams',
      'team',
      'teamCandidates',
      'myPresenceProgress',
      'teamPolicySummary',
      'bestPresenceDays',
    ]) {
      const field = query?.getFields()[name];
      expect(field).toBeDefined();
      const args = field?.args.map((arg) => arg.name) ?? [];
      expect([name, args.filter((arg) => /person/i.test(arg))]).toEqual([name, []]);
      const input = field?.args.find((arg) => arg.name === 'input');
      if (input) {
        const type = getNamedType(input.type);
        expect('getFields' in type && Object.keys(type.getFields()).some((key) => /person/i.test(key))).toBe(false);
      }
    }
  });
});

describe.each(DATABASE_KINDS)('teams, presence policies and best days on %s', (kind) => {
  let test: TestApi;
  let url: string;
  const people = new Map<string, string>();
  let geodaten: string;
  let ldbv: string;
  let itNrw: string;
  const offices = new Map<string, string>();

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    for (const row of await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people')) {
      people.set(row.display_name, row.id);
    }
    for (const row of await test.sql<{ id: string; name: string }>('SELECT id, name FROM offices')) {
      offices.set(row.name, row.id);
    }
    geodaten = (await test.sql<{ id: string }>(`SELECT id FROM teams WHERE name = 'Geodaten'`))[0]?.id ?? '';
    ldbv = (await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'ldbv'`))[0]?.id ?? '';
    itNrw = (await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'it-nrw'`))[0]?.id ?? '';
  });

  afterAll(async () => {
    jest.useRealTimers();
    await test?.stop();
  });

  const as = (name: string): string => {
    const id = people.get(name);
    if (!id) throw new Error(`no demo person ${name}`);
    return id;
  };
  const office = (name: string): string => {
    const id = offices.get(name);
    if (!id) throw new Error(`no demo office ${name}`);
    return id;
  };

  async function ok<Data>(response: Promise<GraphqlResponse<Data>>): Promise<Data> {
    const result = await response;
    expect(result.errors).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data;
  }

  /** A team of the LDBV made directly in the database, with members (the first is its lead). */
  async function teamOf(name: string, members: readonly string[]): Promise<string> {
    const [team] = await test.sql<{ id: string }>(
      'INSERT INTO teams (organisation_id, name) VALUES ($1, $2) RETURNING id',
      [ldbv, name],
    );
    if (!team) throw new Error('team not inserted');
    for (const [index, personId] of members.entries()) {
      await test.sql('INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, $3)', [
        team.id,
        personId,
        index === 0,
      ]);
    }
    return team.id;
  }

  async function book(personId: string, deskId: string, date: string, source = 'SELF', dayId: string | null = null) {
    const [row] = await test.sql<{ id: string }>(
      `INSERT INTO bookings (person_id, desk_id, date, part, source, presence_day_id)
       VALUES ($1, $2, $3, 'FULL_DAY', $4, $5) RETURNING id`,
      [personId, deskId, date, source, dayId],
    );
    if (!row) throw new Error('booking not inserted');
    return row.id;
  }

  async function desksOf(officeName: string): Promise<string[]> {
    const rows = await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 AND active ORDER BY code', [
      office(officeName),
    ]);
    return rows.map((row) => row.id);
  }

  async function presenceDay(teamId: string, officeName: string, date: string): Promise<string> {
    const [row] = await test.sql<{ id: string }>(
      `INSERT INTO presence_days (team_id, office_id, date) VALUES ($1, $2, $3) RETURNING id`,
      [teamId, office(officeName), date],
    );
    if (!row) throw new Error('presence day not inserted');
    return row.id;
  }

  it('shows members their team with its members (leads first) and policy; Geodaten has nine and a policy', async () => {
    const { myTeams } = await ok(graphql<{ myTeams: TeamView[] }>(url, MY_TEAMS, {}, as('Ulrike Neumann')));
    const team = myTeams.find((candidate) => candidate.name === 'Geodaten');
    expect(team).toMatchObject({
      id: geodaten,
      organisationId: ldbv,
      viewerIsLead: false,
      viewerIsMember: true,
      viewerCanManage: false,
    });
    expect(team?.members).toHaveLength(9);
    expect(team?.members[0]).toEqual({ personId: as('Mehmet Yılmaz'), displayName: 'Mehmet Yılmaz', isLead: true });
    expect(team?.members.slice(1).every((member) => !member.isLead)).toBe(true);
    expect(team?.policy).toEqual({ period: 'WEEK', minDays: 2, fixedWeekdays: [2] });

    const asLead = await ok(graphql<{ team: TeamView }>(url, TEAM, { id: geodaten }, as('Mehmet Yılmaz')));
    expect(asLead.team).toMatchObject({ viewerIsLead: true, viewerIsMember: true, viewerCanManage: true });
    // Anna Schmidt administers the LDBV and is a plain member of Geodaten: she keeps the team but does not lead it.
    const asAdmin = await ok(graphql<{ team: TeamView }>(url, TEAM, { id: geodaten }, as('Anna Schmidt')));
    expect(asAdmin.team).toMatchObject({ viewerIsLead: false, viewerIsMember: true, viewerCanManage: true });
    // organisationTeams still works and gains the same fields for admins.
    const listed = await ok(
      graphql<{ organisationTeams: { id: string; members: unknown[]; viewerIsLead: boolean }[] }>(
        url,
        '{ organisationTeams { id viewerIsLead viewerCanManage members { personId } } }',
        {},
        as('Anna Schmidt'),
      ),
    );
    expect(listed.organisationTeams.find((candidate) => candidate.id === geodaten)).toMatchObject({
      viewerIsLead: false,
      viewerCanManage: true,
      members: expect.arrayContaining([{ personId: as('Yasemin Arslan') }]),
    });
  });

  it('hides a team from everybody outside it (TEAM_NOT_FOUND) and refuses lead actions to members (FORBIDDEN)', async () => {
    const outsider = as('Fatma Demir');
    const member = as('Ulrike Neumann');
    expect(errorCode(await graphql(url, TEAM, { id: geodaten }, outsider))).toBe('TEAM_NOT_FOUND');
    expect(errorCode(await graphql(url, TEAM, { id: 'not-a-team' }, outsider))).toBe('TEAM_NOT_FOUND');
    expect(errorCode(await graphql(url, TEAM, { id: '00000000-0000-4000-8000-000000000000' }, member))).toBe(
      'TEAM_NOT_FOUND',
    );
    // A person of the same organisation who is not in the team does not see it either.
    const colleague = await addOtherOrganisationPerson(test, 'Kollegin ohne Team');
    expect(errorCode(await graphql(url, TEAM, { id: geodaten }, colleague))).toBe('TEAM_NOT_FOUND');
    const { myTeams } = await ok(graphql<{ myTeams: TeamView[] }>(url, MY_TEAMS, {}, colleague));
    expect(myTeams).toEqual([]);

    for (const [query, variables] of [
      [CANDIDATES, { t: geodaten }],
      [SUMMARY, { t: geodaten }],
      [BEST, { i: { teamId: geodaten, from: nextOpenDay(1), to: nextOpenDay(3) } }],
      [SET_POLICY, { i: { teamId: geodaten, period: 'MONTH', minDays: 3 } }],
      [CLEAR_POLICY, { t: geodaten }],
      [RENAME, { id: geodaten, n: 'Anders' }],
      [ADD, { i: { teamId: geodaten, personId: colleague } }],
      [REMOVE, { i: { teamId: geodaten, personId: as('Uwe Krause') } }],
      [DELETE, { id: geodaten }],
    ] as const) {
      const asOutsider = await graphql(url, query, variables, outsider);
      expect([query, errorCode(asOutsider)]).toEqual([query, 'TEAM_NOT_FOUND']);
      // Nothing but nulls (a nullable field reads null next to its error).
      expect(Object.values(asOutsider.data ?? {}).every((value) => value === null)).toBe(true);
      const asMember = await graphql(url, query, variables, member);
      expect([query, errorCode(asMember)]).toEqual([query, 'FORBIDDEN']);
    }
    // The lead may not delete the team: that is for the organisation's admins.
    expect(errorCode(await graphql(url, DELETE, { id: geodaten }, as('Mehmet Yılmaz')))).toBe('FORBIDDEN');
    // Best days are for the team's leads: the admin who is a plain member of it does not get them.
    const best = { i: { teamId: geodaten, from: nextOpenDay(1), to: nextOpenDay(3) } };
    expect(errorCode(await graphql(url, BEST, best, as('Anna Schmidt')))).toBe('FORBIDDEN');
    const { team } = await ok(graphql<{ team: TeamView }>(url, TEAM, { id: geodaten }, member));
    expect(team.name).toBe('Geodaten');
    expect(team.members).toHaveLength(9);
    expect(team.policy).toEqual({ period: 'WEEK', minDays: 2, fixedWeekdays: [2] });
  });

  it('lets admins create and delete teams, and leads and admins rename them and keep their members', async () => {
    const admin = as('Anna Schmidt');
    const created = await ok(
      graphql<{
        createTeam: {
          id: string;
          name: string;
          organisationId: string;
          viewerIsLead: boolean;
          viewerCanManage: boolean;
        };
      }>(url, CREATE, { i: { organisationId: ldbv, name: '  Vermessung   Nord ' } }, admin),
    );
    const teamId = created.createTeam.id;
    expect(created.createTeam).toEqual({
      id: teamId,
      name: 'Vermessung Nord',
      organisationId: ldbv,
      // The admin keeps the new team without being in it: its team days will be for its members and leads.
      viewerIsLead: false,
      viewerCanManage: true,
    });
    expect(errorCode(await graphql(url, CREATE, { i: { organisationId: ldbv, name: 'vermessung nord' } }, admin))).toBe(
      'TEAM_NAME_TAKEN',
    );
    expect(errorCode(await graphql(url, CREATE, { i: { organisationId: ldbv, name: '   ' } }, admin))).toBe(
      'INVALID_NAME',
    );
    expect(errorCode(await graphql(url, CREATE, { i: { organisationId: ldbv, name: 'x'.repeat(81) } }, admin))).toBe(
      'INVALID_NAME',
    );
    expect(errorCode(await graphql(url, CREATE, { i: { organisationId: itNrw, name: 'Fremd' } }, admin))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await graphql(url, CREATE, { i: { organisationId: ldbv, name: 'Eigenes' } }, as('Mehmet Yılmaz'))),
    ).toBe('FORBIDDEN');
    expect(errorCode(await graphql(url, RENAME, { id: teamId, n: 'Geodaten' }, admin))).toBe('TEAM_NAME_TAKEN');

    // Members: people of the team's organisation only, once each.
    const lead = as('Viktor Lang');
    const added = await ok(
      graphql<{ addTeamMember: { members: { personId: string; isLead: boolean }[] } }>(
        url,
        ADD,
        { i: { teamId, personId: lead } },
        admin,
      ),
    );
    expect(added.addTeamMember.members).toEqual([{ personId: lead, isLead: false }]);
    await test.sql('UPDATE team_members SET is_lead = true WHERE team_id = $1 AND person_id = $2', [teamId, lead]);
    expect(errorCode(await graphql(url, ADD, { i: { teamId, personId: lead } }, admin))).toBe('ALREADY_A_MEMBER');
    expect(errorCode(await graphql(url, ADD, { i: { teamId, personId: as('Fatma Demir') } }, lead))).toBe(
      'PERSON_NOT_FOUND',
    );
    await ok(graphql(url, ADD, { i: { teamId, personId: as('Uwe Krause') } }, lead));
    const renamed = await ok(
      graphql<{ renameTeam: { name: string } }>(url, RENAME, { id: teamId, n: 'Vermessung' }, lead),
    );
    expect(renamed.renameTeam.name).toBe('Vermessung');

    const { teamCandidates } = await ok(
      graphql<{ teamCandidates: { id: string; displayName: string }[] }>(url, CANDIDATES, { t: teamId }, lead),
    );
    const ids = teamCandidates.map((candidate) => candidate.id);
    expect(ids).toContain(as('Anna Schmidt'));
    expect(ids).not.toContain(lead);
    expect(ids).not.toContain(as('Uwe Krause'));
    expect(ids).not.toContain(as('Fatma Demir'));
    expect(teamCandidates.length).toBeLessThanOrEqual(20);
    const searched = await ok(
      graphql<{ teamCandidates: { displayName: string }[] }>(url, CANDIDATES, { t: teamId, s: 'wieb' }, lead),
    );
    expect(searched.teamCandidates).toEqual([{ id: as('Wiebke Fischer'), displayName: 'Wiebke Fischer' }]);

    const removed = await ok(
      graphql<{ removeTeamMember: { members: { personId: string }[] } }>(
        url,
        REMOVE,
        { i: { teamId, personId: as('Uwe Krause') } },
        lead,
      ),
    );
    expect(removed.removeTeamMember.members).toEqual([{ personId: lead }]);
    expect(errorCode(await graphql(url, REMOVE, { i: { teamId, personId: as('Uwe Krause') } }, lead))).toBe(
      'NOT_A_MEMBER',
    );

    expect(errorCode(await graphql(url, DELETE, { id: teamId }, lead))).toBe('FORBIDDEN');
    expect((await ok(graphql<{ deleteTeam: boolean }>(url, DELETE, { id: teamId }, admin))).deleteTeam).toBe(true);
    expect(errorCode(await graphql(url, TEAM, { id: teamId }, admin))).toBe('TEAM_NOT_FOUND');
  });

  it('cancels the team-day bookings of a removed member and of a deleted team, in one transaction, told live', async () => {
    const lead = as('Mehmet Yılmaz');
    const leaving = as('Vanessa Richter');
    const staying = as('Ulrike Neumann');
    const teamId = await teamOf('Abbau', [lead, leaving, staying]);
    // An office of its own (books a year ahead), so that no other test books its desks.
    const { officeId, deskIds: desks } = await addOffice(test, { name: 'Abbau-Büro', desks: plainDesks(3) });
    const date = nextOpenDay(150);
    const [dayRow] = await test.sql<{ id: string }>(
      'INSERT INTO presence_days (team_id, office_id, date) VALUES ($1, $2, $3) RETURNING id',
      [teamId, officeId, date],
    );
    const dayId = dayRow?.id ?? '';
    const leavingBooking = await book(leaving, desks[0] ?? '', date, 'TEAM_DAY', dayId);
    const stayingBooking = await book(staying, desks[1] ?? '', date, 'TEAM_DAY', dayId);
    const ownBooking = await book(leaving, desks[2] ?? '', nextOpenDay(151));
    // Somebody waits for a desk there that day: the freed desk goes to them in the same transaction.
    const [waiting] = await addPeople(test, 1, 'Wartend');
    await test.sql(`INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, 'FULL_DAY')`, [
      officeId,
      waiting,
      date,
    ]);
    await test.sql(`INSERT INTO presence_answers (presence_day_id, person_id, answer) VALUES ($1, $2, 'ATTENDING')`, [
      dayId,
      leaving,
    ]);

    const client = wsClient(url, leaving);
    const recorder = new EventRecorder<{ reason: string; booking: { id: string; status: string } }>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: { reason: string; booking: { id: string; status: string } } }) =>
        data.myBookingChanged,
    );
    // Those who stay see the team day's counts change.
    const stayingClient = wsClient(url, staying);
    const teamChanges = new EventRecorder<{ reason: string; presenceDay: { id: string } }>().subscribe(
      stayingClient,
      'subscription($t: ID!) { teamPresenceChanged(teamId: $t) { reason presenceDay { id } } }',
      { t: teamId },
      (data: { teamPresenceChanged: { reason: string; presenceDay: { id: string } } }) => data.teamPresenceChanged,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await ok(graphql(url, REMOVE, { i: { teamId, personId: leaving } }, lead));
      await recorder.waitFor(1, 10_000);
      expect(recorder.events[0]).toEqual({
        reason: 'TEAM_DAY_CANCELLED',
        booking: { id: leavingBooking, status: 'CANCELLED' },
      });
      await teamChanges.waitFor(1, 10_000);
      expect(teamChanges.events).toEqual([{ reason: 'MEMBERS_CHANGED', presenceDay: { id: dayId } }]);
    } finally {
      recorder.stop();
      teamChanges.stop();
      await client.dispose();
      await stayingClient.dispose();
    }
    const status = async (id: string) =>
      (
        await test.sql<{ status: string; cancelled: boolean }>(
          'SELECT status, cancelled_at IS NOT NULL AS cancelled FROM bookings WHERE id = $1',
          [id],
        )
      )[0];
    expect(await status(leavingBooking)).toEqual({ status: 'CANCELLED', cancelled: true });
    expect(await status(stayingBooking)).toEqual({ status: 'BOOKED', cancelled: false });
    expect(await status(ownBooking)).toEqual({ status: 'BOOKED', cancelled: false });
    const handedOver = await test.sql<{ desk_id: string; source: string }>(
      `SELECT desk_id, source FROM bookings WHERE person_id = $1 AND date = $2 AND status = 'BOOKED'`,
      [waiting, date],
    );
    expect(handedOver).toEqual([{ desk_id: desks[0], source: 'WAITLIST' }]);
    const answers = await test.sql('SELECT 1 FROM presence_answers WHERE presence_day_id = $1', [dayId]);
    expect(answers).toHaveLength(0);

    await ok(graphql(url, DELETE, { id: teamId }, as('Anna Schmidt')));
    expect(await status(stayingBooking)).toEqual({ status: 'CANCELLED', cancelled: true });
    expect(await test.sql('SELECT 1 FROM teams WHERE id = $1', [teamId])).toHaveLength(0);
  });

  it('refuses a policy that makes no sense (INVALID_POLICY, German and English) and changes nothing', async () => {
    const lead = as('Mehmet Yılmaz');
    const teamId = await teamOf('Regeltest', [lead, as('Uwe Krause')]);
    for (const input of [
      { period: 'WEEK', minDays: 6, fixedWeekdays: [] },
      { period: 'MONTH', minDays: 24, fixedWeekdays: [] },
      { period: 'WEEK', minDays: -1, fixedWeekdays: [] },
      { period: 'WEEK', minDays: 2, fixedWeekdays: [6] },
      { period: 'WEEK', minDays: 2, fixedWeekdays: [2, 2] },
      { period: 'WEEK', minDays: 1, fixedWeekdays: [1, 2] },
      { period: 'MONTH', minDays: 0, fixedWeekdays: [] },
    ]) {
      const response = await graphql(url, SET_POLICY, { i: { teamId, ...input } }, lead);
      expect([input, errorCode(response)]).toEqual([input, 'INVALID_POLICY']);
      const messages = response.errors?.[0]?.extensions?.['messages'] as { de: string; en: string } | undefined;
      expect(messages?.de.length).toBeGreaterThan(10);
      expect(messages?.en).toBe(response.errors?.[0]?.message);
    }
    expect(await test.sql('SELECT 1 FROM presence_policies WHERE team_id = $1', [teamId])).toHaveLength(0);

    const set = await ok(
      graphql<{ setPresencePolicy: TeamView }>(
        url,
        SET_POLICY,
        { i: { teamId, period: 'MONTH', minDays: 8, fixedWeekdays: [4, 1] } },
        lead,
      ),
    );
    expect(set.setPresencePolicy.policy).toEqual({ period: 'MONTH', minDays: 8, fixedWeekdays: [1, 4] });
    const replaced = await ok(
      graphql<{ setPresencePolicy: TeamView }>(url, SET_POLICY, { i: { teamId, period: 'WEEK', minDays: 3 } }, lead),
    );
    expect(replaced.setPresencePolicy.policy).toEqual({ period: 'WEEK', minDays: 3, fixedWeekdays: [] });
    const cleared = await ok(graphql<{ clearPresencePolicy: TeamView }>(url, CLEAR_POLICY, { t: teamId }, lead));
    expect(cleared.clearPresencePolicy.policy).toBeNull();
    expect(
      (await ok(graphql<{ teamPolicySummary: unknown }>(url, SUMMARY, { t: teamId }, lead))).teamPolicySummary,
    ).toBeNull();
  });

  it('shows each person their own progress, with holidays counted right (Easter 2031)', async () => {
    const mine = await addOtherOrganisationPerson(test, 'Fortschritt Eins');
    const other = await addOtherOrganisationPerson(test, 'Fortschritt Zwei');
    const teamId = await teamOf('Fortschritt', [mine, other]);
    await test.sql(
      `INSERT INTO presence_policies (team_id, period, min_days, fixed_weekdays) VALUES ($1, 'WEEK', 3, '{1,3}')`,
      [teamId],
    );
    const desks = await desksOf('Satellitenbüro Fürth Rathaus');
    // Easter 2031: Good Friday 11 April; the next week starts with Easter Monday 14 April (holidays everywhere).
    // Dates years ahead, so that no other test books these desks on them.
    await book(mine, desks[0] ?? '', '2031-04-09');
    await book(mine, desks[0] ?? '', '2031-04-10');
    await book(mine, desks[0] ?? '', '2031-04-16');
    for (const date of ['2031-04-07', '2031-04-08', '2031-04-09', '2031-04-15', '2031-04-16']) {
      await book(other, desks[1] ?? '', date);
    }
    setClock(noonInBerlin('2031-04-09'));
    let progress: Progress[];
    try {
      progress = (await ok(graphql<{ myPresenceProgress: Progress[] }>(url, PROGRESS, {}, mine))).myPresenceProgress;
    } finally {
      jest.useRealTimers();
    }
    expect(progress).toEqual([
      {
        team: { id: teamId, name: 'Fortschritt' },
        policy: { period: 'WEEK', minDays: 3, fixedWeekdays: [1, 3] },
        periods: [
          {
            from: '2031-04-07',
            to: '2031-04-13',
            // 3 × 4/5 = 2.4 → 2; only own bookings count: 9 and 10 April. Monday 7 April is missing.
            required: 2,
            planned: 2,
            met: false,
            workingDays: 4,
            holidays: ['2031-04-11'],
            missingFixedWeekdays: ['2031-04-07'],
          },
          {
            from: '2031-04-14',
            to: '2031-04-20',
            required: 2,
            planned: 1,
            met: false,
            workingDays: 4,
            holidays: ['2031-04-14'],
            // Easter Monday is waived.
            missingFixedWeekdays: [],
          },
        ],
      },
    ]);
  });

  it('gives leads counts only, with 1 and 2 reading "fewer than 3"', async () => {
    const lead = as('Mehmet Yılmaz');
    const members = await test.sql<{ person_id: string }>('SELECT person_id FROM team_members WHERE team_id = $1', [
      geodaten,
    ]);
    expect(members).toHaveLength(9);
    const desks = await desksOf('Satellitenbüro Münster');
    // Week of 10 March 2031 (no holidays): Tuesday 11 March is the fixed weekday.
    const meet = async (personId: string, index: number) => {
      await book(personId, desks[index] ?? '', '2031-03-11');
      await book(personId, desks[index] ?? '', '2031-03-13');
    };
    await meet(as('Ulrike Neumann'), 0);
    await meet(as('Uwe Krause'), 1);
    // Two days but not the Tuesday: not meeting.
    await book(as('Viktor Lang'), desks[2] ?? '', '2031-03-12');
    await book(as('Viktor Lang'), desks[2] ?? '', '2031-03-13');
    const summary = async (): Promise<Summary | null> => {
      setClock(noonInBerlin('2031-03-12'));
      try {
        return (await ok(graphql<{ teamPolicySummary: Summary | null }>(url, SUMMARY, { t: geodaten }, lead)))
          .teamPolicySummary;
      } finally {
        jest.useRealTimers();
      }
    };
    expect(await summary()).toEqual({
      from: '2031-03-10',
      to: '2031-03-16',
      members: 9,
      meeting: { count: null, fewerThanThree: true },
      // 7 would give the 2 away by subtraction: withheld too.
      notMeeting: { count: null, fewerThanThree: false },
    });
    await meet(as('Yasemin Arslan'), 3);
    expect(await summary()).toEqual({
      from: '2031-03-10',
      to: '2031-03-16',
      members: 9,
      meeting: { count: 3, fewerThanThree: false },
      notMeeting: { count: 6, fewerThanThree: false },
    });
    // The lead's own progress shows the lead's bookings only (none), not the team's.
    setClock(noonInBerlin('2031-03-12'));
    try {
      const { myPresenceProgress } = await ok(graphql<{ myPresenceProgress: Progress[] }>(url, PROGRESS, {}, lead));
      const geo = myPresenceProgress.find((entry) => entry.team.id === geodaten);
      expect(geo?.periods[0]).toMatchObject({ from: '2031-03-10', planned: 0, met: false });
    } finally {
      jest.useRealTimers();
    }
  });

  it('ranks best days by how many can come, explains why, and leaves out holidays and closures', async () => {
    const lead = as('Mehmet Yılmaz');
    const holiday = nextHoliday();
    const today = todayInOfficeZone();
    const from = addDays(holiday, -6) > today ? addDays(holiday, -6) : addDays(today, 1);
    const to = addDays(holiday, 8);
    const openDays: CivilDate[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (weekdayOf(date) <= 5 && !publicHoliday(date, 'BY')) openDays.push(date);
    }
    const [busy, closed] = openDays as [CivilDate, CivilDate];
    const erlangen = office('Co-Working Erlangen Hauptbahnhof');
    const fuerth = office('Satellitenbüro Fürth Rathaus');
    const muenster = await desksOf('Satellitenbüro Münster');
    const fuerthDesks = await desksOf('Satellitenbüro Fürth Rathaus');
    // On `busy`: two members booked at Münster, one answered away to a team day, three desks of Fürth taken.
    await book(as('Anna Schmidt'), muenster[5] ?? '', busy);
    await book(as('Sabine Wagner'), muenster[6] ?? '', busy);
    const dayId = await presenceDay(geodaten, 'Co-Working Erlangen Hauptbahnhof', busy);
    await test.sql(`INSERT INTO presence_answers (presence_day_id, person_id, answer) VALUES ($1, $2, 'AWAY')`, [
      dayId,
      as('Wiebke Fischer'),
    ]);
    const strangers = [0, 1, 2].map((index) => addOtherOrganisationPerson(test, `Fremd ${index}`));
    for (const [index, stranger] of (await Promise.all(strangers)).entries()) {
      await book(stranger, fuerthDesks[index + 6] ?? '', busy);
    }
    // Fürth is closed on `closed`.
    await test.sql(`INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $2, 'Umzug')`, [
      fuerth,
      closed,
    ]);

    const { bestPresenceDays } = await ok(
      graphql<{ bestPresenceDays: Suggestion[] }>(
        url,
        BEST,
        { i: { teamId: geodaten, from, to, officeIds: [erlangen, fuerth], limit: 50 } },
        lead,
      ),
    );
    const at = (date: string, officeId: string) =>
      bestPresenceDays.find((day) => day.date === date && day.office.id === officeId);
    expect(bestPresenceDays.some((day) => day.date === holiday)).toBe(false);
    expect(bestPresenceDays.every((day) => openDays.includes(day.date as CivilDate))).toBe(true);
    expect(at(closed, fuerth)).toBeUndefined();
    expect(at(closed, erlangen)).toMatchObject({ canCome: 9 });
    expect(at(busy, erlangen)).toEqual({
      date: busy,
      office: { id: erlangen, name: 'Co-Working Erlangen Hauptbahnhof' },
      members: 9,
      canCome: 6,
      bookedElsewhere: 2,
      away: 1,
      freeDesks: 10,
      explanation: {
        de: '6 von 9 können kommen; 2 haben an einem anderen Standort gebucht; 1 hat für diesen Tag abgesagt.',
        en: '6 of 9 can come; 2 are booked at another office; 1 is away that day.',
      },
    });
    expect(at(busy, fuerth)).toMatchObject({ canCome: 6, freeDesks: 9 });
    // Days where everybody can come first; the busy day last.
    const first = bestPresenceDays[0];
    expect(first?.canCome).toBe(9);
    expect(first?.explanation).toEqual({ de: 'Alle 9 können kommen.', en: 'All 9 can come.' });
    expect(bestPresenceDays[bestPresenceDays.length - 1]?.date).toBe(busy);
    // Counts only: no member's name anywhere in the answer.
    const text = JSON.stringify(bestPresenceDays);
    for (const name of ['Anna', 'Sabine', 'Wiebke', 'Mehmet', 'Ulrike']) expect(text).not.toContain(name);

    // Without named offices: every office the LDBV may book (Bamberg, Erlangen, Fürth, Münster), limited.
    const all = await ok(
      graphql<{ bestPresenceDays: Suggestion[] }>(url, BEST, { i: { teamId: geodaten, from, to, limit: 5 } }, lead),
    );
    expect(all.bestPresenceDays).toHaveLength(5);
    expect(all.bestPresenceDays.every((day) => day.canCome === 9)).toBe(true);
    const bielefeld = office('Co-Working Bielefeld');
    expect(
      errorCode(await graphql(url, BEST, { i: { teamId: geodaten, from, to, officeIds: [bielefeld] } }, lead)),
    ).toBe('OFFICE_NOT_FOUND');
  });

  it('refuses best days over too long a range, a reversed one, or too many offices (INVALID_DATE_RANGE)', async () => {
    const lead = as('Mehmet Yılmaz');
    const from = nextOpenDay(1);
    const erlangen = office('Co-Working Erlangen Hauptbahnhof');
    for (const input of [
      { from, to: addDays(from, 62) },
      { from, to: addDays(from, -1) },
      { from: '2027-02-30', to: from },
      { from, to: addDays(from, 5), officeIds: Array.from({ length: 51 }, () => erlangen) },
    ]) {
      const response = await graphql(url, BEST, { i: { teamId: geodaten, ...input } }, lead);
      expect(errorCode(response)).toBe('INVALID_DATE_RANGE');
    }
    const longest = await graphql(url, BEST, { i: { teamId: geodaten, from, to: addDays(from, 61) } }, lead);
    expect(longest.errors).toBeUndefined();
  });

  it('ranks 400 more offices over 62 days (set-based queries; their speed is a benchmark matter, not a test)', async () => {
    // 400 more offices of the LDBV with 4 desks each, a quarter of them with a capacity cap.
    await test.sql(
      `WITH o AS (
         INSERT INTO offices (name, address, municipality_ags, operator_id, capacity_share)
         SELECT 'Lasttest ' || n, 'Teststraße ' || n || ', 91054 Erlangen', '09562000', $1,
                CASE WHEN n % 4 = 0 THEN 0.5 END
           FROM generate_series(1, 400) AS n RETURNING id),
       a AS (INSERT INTO areas (office_id, name, sort_order) SELECT id, 'Fläche', 0 FROM o RETURNING id, office_id)
       INSERT INTO desks (office_id, area_id, code) SELECT a.office_id, a.id, 'D-' || k FROM a, generate_series(1, 4) AS k`,
      [ldbv],
    );
    const from = addDays(todayInOfficeZone(), 1);
    const { bestPresenceDays } = await ok(
      graphql<{ bestPresenceDays: Suggestion[] }>(
        url,
        BEST,
        { i: { teamId: geodaten, from, to: addDays(from, 61), limit: 10 } },
        as('Mehmet Yılmaz'),
      ),
    );
    expect(bestPresenceDays).toHaveLength(10);
    // Offices with 4 desks (2 under the cap) seat fewer than 9: the demo offices with more desks come first.
    expect(bestPresenceDays.every((day) => !day.office.name.startsWith('Lasttest'))).toBe(true);
    const small = await ok(
      graphql<{ bestPresenceDays: Suggestion[] }>(
        url,
        BEST,
        {
          i: {
            teamId: geodaten,
            from,
            to: addDays(from, 6),
            officeIds: [office('Satellitenbüro Münster')],
            limit: 50,
          },
        },
        as('Mehmet Yılmaz'),
      ),
    );
    // Münster lets half of its 12 desks be booked per half-day: at most 6 of 9 can come.
    expect(small.bestPresenceDays.every((day) => day.canCome <= 6 && day.freeDesks <= 6)).toBe(true);
  });
});
