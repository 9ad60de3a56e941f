import { addDays, type CivilDate, publicHoliday, todayInOfficeZone, weekdayOf } from '@nahbar/domain';
import { ConsoleLogger, Logger, type LoggerService } from '@nestjs/common';

import { OidcPeople } from '../src/identity/oidc/oidc-people.js';
import { AUDIT_ACTIONS } from '../src/privacy/audit-log.js';
import { type MyData, PERSON_COLUMNS } from '../src/privacy/my-data.service.js';
import { RETENTION_BATCH, RetentionJob } from '../src/privacy/retention.job.js';
import { addOffice, addOtherOrganisationPerson, addPeople, addTeam, type TestOffice } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id status } }';
const MY_DATA = '{ myData { fileName generatedAt json } }';
const ERASE =
  'mutation($c: String!) { eraseMyAccount(confirm: $c) { cancelledBookings anonymisedBookings seatedFromWaitlist } }';
const AUDIT_LOG = `query($o: ID, $f: String, $t: String) {
  auditLog(officeId: $o, from: $f, to: $t) { id action objectType objectId officeId actorName byYou details }
}`;
const BLOCK = 'mutation($i: BlockDeskInput!) { blockDesk(input: $i) { cancelledBookings dryRun } }';
const CAPACITY = 'mutation($i: OfficeCapacityInput!) { setOfficeCapacity(input: $i) { dryRun } }';
const GRANT = 'mutation($i: RoleInput!) { grantRole(input: $i) { id } }';
const UTILISATION = `query($o: ID!, $f: String!, $t: String!) {
  officeUtilisation(officeId: $o, from: $f, to: $t) {
    openDays figures { availableDeskDays bookedDeskDays dueBookings checkedIn noShows }
    areas { areaId figures { bookedDeskDays checkedIn noShows } }
  }
}`;

interface AuditRow {
  id: string;
  action: string;
  objectType: string;
  objectId: string | null;
  officeId: string | null;
  actorName: string | null;
  byYou: boolean;
  details: string;
}

/** Three new people of the first demo organisation. */
async function threePeople(test: TestApi, prefix: string): Promise<[string, string, string]> {
  const [a, b, c] = await addPeople(test, 3, prefix);
  if (a === undefined || b === undefined || c === undefined) throw new Error('people not added');
  return [a, b, c];
}

/** The first three desks of the test office (area "Fläche"). */
function desks(office: TestOffice): [string, string, string] {
  const [a, b, c] = office.deskIds;
  if (a === undefined || b === undefined || c === undefined) throw new Error('desks missing');
  return [a, b, c];
}

const day = (offset: number): CivilDate => addDays(todayInOfficeZone(), offset);

/** Every column of the schema that points at a person: foreign keys to people, and columns named like one. */
async function personColumns(test: TestApi): Promise<string[]> {
  const rows = await test.sql<{ name: string }>(
    `SELECT c.conrelid::regclass::text || '.' || a.attname AS name
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.confrelid = 'people'::regclass
     UNION
     SELECT table_name || '.' || column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'people'
       AND (column_name ~ '(person|people|colleague|actor|member|user)_id$' OR column_name ~ '_by$')
`,
  );
  return rows.map((row) => row.name).sort();
}

describe.each(DATABASE_KINDS)('data protection on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let office: TestOffice;
  let organisationId: string;
  let adminId: string;
  let adminName: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    office = await addOffice(test, {
      name: 'Datenschutz-Testbüro',
      desks: [{ code: 'D-01' }, { code: 'D-02' }, { code: 'D-03' }, { code: 'D-04', area: 'Galerie' }],
    });
    const [admin] = await test.sql<{ person_id: string; display_name: string; organisation_id: string }>(
      `SELECT r.person_id, p.display_name, r.organisation_id FROM role_assignments r JOIN people p ON p.id = r.person_id
       WHERE r.role = 'ORGANISATION_ADMIN' AND r.organisation_id = (SELECT id FROM organisations ORDER BY name LIMIT 1)`,
    );
    if (!admin) throw new Error('the first demo organisation has no admin');
    adminId = admin.person_id;
    adminName = admin.display_name;
    organisationId = admin.organisation_id;
  });

  afterAll(async () => {
    await test?.stop();
  });

  describe('retention', () => {
    it('anonymises exactly the bookings older than the period, in batches, idempotently, and keeps the figures', async () => {
      const [p1, p2, p3] = await threePeople(test, 'Aufbewahrung');
      const [d1, d2, d3] = desks(office);
      // An ordinary working day well past the period (a holiday would count no desk-days in the figures).
      let back = 100;
      while (weekdayOf(day(-back)) > 5 || publicHoliday(day(-back), 'BY')) back += 1;
      const old = day(-back);
      const kept = day(-90); // exactly the period: not older, kept
      const recent = day(-10);
      const insert = (personId: string, deskId: string, date: CivilDate, extra: string): Promise<unknown> =>
        test.sql(
          `INSERT INTO bookings (person_id, desk_id, date, part, status, checked_in_at, released_at, cancelled_at)
           VALUES ($1, $2, $3, ${extra}) `,
          [personId, deskId, date],
        );
      await insert(p1, d1, old, `'FULL_DAY', 'CHECKED_IN', now(), NULL, NULL`);
      await insert(p2, d2, old, `'MORNING', 'RELEASED', NULL, now(), NULL`);
      await insert(p3, d3, old, `'AFTERNOON', 'BOOKED', NULL, NULL, NULL`);
      await insert(p1, d1, kept, `'FULL_DAY', 'CHECKED_IN', now(), NULL, NULL`);
      await insert(p2, d1, recent, `'FULL_DAY', 'BOOKED', NULL, NULL, NULL`);
      // More than two batches of old cancelled bookings (not live: no constraint between them).
      const bulk = RETENTION_BATCH * 2 + 17;
      await test.sql(
        `INSERT INTO bookings (person_id, desk_id, date, part, status, cancelled_at)
         SELECT $1, $2, ($3::date - (n % 200)), 'FULL_DAY', 'CANCELLED', now() FROM generate_series(1, $4) AS n`,
        [p3, d2, old, bulk],
      );
      // Waitlist entries, a team day with answers, audit entries: old and recent.
      await test.sql(
        `INSERT INTO waitlist_entries (office_id, person_id, date, part, status)
         VALUES ($1, $2, $3, 'FULL_DAY', 'LEFT'), ($1, $2, $4, 'FULL_DAY', 'LEFT')`,
        [office.officeId, p1, old, recent],
      );
      const teamId = await addTeam(test, 'Aufbewahrungsteam', [p1], [p2]);
      const days = await test.sql<{ id: string; date: string }>(
        `INSERT INTO presence_days (team_id, office_id, date, created_by) VALUES ($1, $2, $3, $5), ($1, $2, $4, $5)
         RETURNING id, date::text AS date`,
        [teamId, office.officeId, old, recent, p1],
      );
      for (const presenceDay of days) {
        await test.sql(
          `INSERT INTO presence_answers (presence_day_id, person_id, answer) VALUES ($1, $2, 'ATTENDING'), ($1, $3, 'AWAY')`,
          [presenceDay.id, p1, p2],
        );
      }
      await test.sql(
        `INSERT INTO audit_log (at, actor_id, action, object_type, organisation_id)
         VALUES (now() - interval '400 days', $1, 'TEAM_CREATED', 'TEAM', $2),
                (now() - interval '300 days', $1, 'TEAM_CREATED', 'TEAM', $2)`,
        [p1, organisationId],
      );

      const range = { o: office.officeId, f: day(-200), t: day(-1) };
      const before = await graphql<{ officeUtilisation: { figures: { bookedDeskDays: number } } }>(
        url,
        UTILISATION,
        range,
        adminId,
      );
      expect(before.errors).toBeUndefined();
      expect(before.data?.officeUtilisation.figures.bookedDeskDays).toBeGreaterThan(0);
      const total = async (): Promise<number> =>
        (await test.sql<{ n: number }>('SELECT count(*)::int AS n FROM bookings'))[0]?.n ?? 0;
      const bookingsBefore = await total();

      const job = test.api.app.get(RetentionJob);
      // Two runs at once (two API instances): each row is anonymised once, nothing is left over.
      const [first, second] = await Promise.all([job.run(new Date()), job.run(new Date())]);
      expect(first.anonymisedBookings + second.anonymisedBookings).toBe(3 + bulk);
      expect(first.deletedWaitlistEntries + second.deletedWaitlistEntries).toBe(1);
      expect(first.deletedPresenceAnswers + second.deletedPresenceAnswers).toBe(2);
      expect(first.anonymisedPresenceDays + second.anonymisedPresenceDays).toBe(1);
      expect(first.deletedAuditEntries + second.deletedAuditEntries).toBe(1);

      expect(await test.sql('SELECT id FROM bookings WHERE person_id IS NOT NULL AND date < $1', [day(-90)])).toEqual(
        [],
      );
      const remaining = await test.sql<{ date: string; person_id: string }>(
        `SELECT date::text AS date, person_id FROM bookings WHERE person_id = ANY($1::uuid[]) ORDER BY date`,
        [[p1, p2, p3]],
      );
      expect(remaining).toEqual([
        { date: kept, person_id: p1 },
        { date: recent, person_id: p2 },
      ]);
      expect(await total()).toBe(bookingsBefore);
      expect(await test.sql('SELECT date::text AS date FROM waitlist_entries WHERE person_id = $1', [p1])).toEqual([
        { date: recent },
      ]);
      expect(
        await test.sql<{ date: string; created_by: string | null; answers: number }>(
          `SELECT d.date::text AS date, d.created_by,
                  (SELECT count(*)::int FROM presence_answers a WHERE a.presence_day_id = d.id) AS answers
           FROM presence_days d WHERE d.team_id = $1 ORDER BY d.date`,
          [teamId],
        ),
      ).toEqual([
        { date: old, created_by: null, answers: 0 },
        { date: recent, created_by: p1, answers: 2 },
      ]);
      expect(await test.sql(`SELECT 1 FROM audit_log WHERE at < now() - interval '365 days'`)).toEqual([]);
      expect(await test.sql(`SELECT 1 FROM audit_log WHERE actor_id = $1`, [p1])).toHaveLength(1);

      // The same figures over the old range: desk-days, check-ins and no-shows do not depend on who.
      const after = await graphql<{ officeUtilisation: { figures: { bookedDeskDays: number } } }>(
        url,
        UTILISATION,
        range,
        adminId,
      );
      expect(after).toEqual(before);

      // Idempotent: a second run finds nothing.
      expect(await job.run(new Date())).toEqual({
        anonymisedBookings: 0,
        deletedWaitlistEntries: 0,
        deletedPresenceAnswers: 0,
        anonymisedPresenceDays: 0,
        deletedAuditEntries: 0,
      });
    });
  });

  describe('export', () => {
    it('covers every column of the schema that points at a person', async () => {
      expect(await personColumns(test)).toEqual(Object.keys(PERSON_COLUMNS).sort());
    });

    it('exports everything about the caller, with data in every section, and nothing of others', async () => {
      const [me, colleague, admirer] = await threePeople(test, 'Auskunft');
      const [d1, d2] = office.deskIds;
      await test.sql(`UPDATE people SET email = 'auskunft@example.org', home_postal_code = '91054' WHERE id = $1`, [
        me,
      ]);
      await test.sql(`UPDATE people SET display_name = 'Heimliche Bewunderin' WHERE id = $1`, [admirer]);
      const booked = await graphql<{ bookDesk: { id: string } }>(
        url,
        BOOK,
        { i: { deskId: d1, date: day(5), part: 'FULL_DAY' } },
        me,
      );
      expect(booked.errors).toBeUndefined();
      await test.sql(
        `INSERT INTO bookings (person_id, desk_id, date, part, status, cancelled_at)
         VALUES ($1, $2, $3, 'MORNING', 'CANCELLED', now())`,
        [me, d2, day(-3)],
      );
      await test.sql(`INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, 'MORNING')`, [
        office.officeId,
        me,
        day(6),
      ]);
      const teamId = await addTeam(test, 'Auskunftsteam', [me], [colleague]);
      const [presenceDay] = await test.sql<{ id: string }>(
        'INSERT INTO presence_days (team_id, office_id, date, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [teamId, office.officeId, day(8), me],
      );
      await test.sql(`INSERT INTO presence_answers (presence_day_id, person_id, answer) VALUES ($1, $2, 'ATTENDING')`, [
        presenceDay?.id,
        me,
      ]);
      await test.sql(
        `INSERT INTO presence_policies (team_id, period, min_days, updated_by) VALUES ($1, 'WEEK', 1, $2)`,
        [teamId, me],
      );
      await test.sql(
        `INSERT INTO role_assignments (person_id, role, office_id, granted_by) VALUES ($1, 'FACILITY_MANAGER', $2, $1),
                                                                                     ($3, 'FACILITY_MANAGER', $2, $1)`,
        [me, office.officeId, colleague],
      );
      await test.sql(
        `INSERT INTO office_shares (office_id, organisation_id, granted_by)
         SELECT $1, id, $2 FROM organisations WHERE id <> $3 LIMIT 1`,
        [office.officeId, me, organisationId],
      );
      const tokenHash = 'a'.repeat(64);
      await test.sql('INSERT INTO calendar_feeds (person_id, token_hash) VALUES ($1, $2)', [me, tokenHash]);
      await test.sql('INSERT INTO favourite_desks (person_id, desk_id) VALUES ($1, $2)', [me, d2]);
      await test.sql('INSERT INTO favourite_colleagues (person_id, colleague_id) VALUES ($1, $2), ($3, $1)', [
        me,
        colleague,
        admirer,
      ]);
      await test.sql(
        `INSERT INTO audit_log (actor_id, action, object_type, object_id, organisation_id, office_id)
         VALUES ($1, 'CLOSURE_REMOVED', 'CLOSURE', $2, $3, $4), ($5, 'ROLE_GRANTED', 'PERSON', $1, $3, NULL)`,
        [me, d2, organisationId, office.officeId, adminId],
      );

      const response = await graphql<{ myData: { fileName: string; json: string } }>(url, MY_DATA, {}, me);
      expect(response.errors).toBeUndefined();
      expect(response.data?.myData.fileName).toMatch(/^nahbar-meine-daten-\d{4}-\d{2}-\d{2}\.json$/);
      const text = response.data?.myData.json ?? '';
      const data = JSON.parse(text) as MyData;
      expect(data.person).toMatchObject({ id: me, email: 'auskunft@example.org', homePostalCode: '91054' });
      for (const [column, section] of Object.entries(PERSON_COLUMNS)) {
        const value = data[section];
        const filled = Array.isArray(value)
          ? value.length > 0
          : section === 'favouriteOfColleagues'
            ? (value as { count: number }).count > 0
            : value !== null && value !== undefined;
        expect({ column, section, filled }).toEqual({ column, section, filled: true });
      }
      expect(data.bookings).toHaveLength(2);
      expect(data.favouriteOfColleagues).toEqual({ count: 1 });
      expect(data.auditEntriesAboutYou).toEqual([expect.objectContaining({ action: 'ROLE_GRANTED' })]);
      // Not the calendar token's hash, not who bookmarked me, not which admin granted my role.
      expect(text).not.toContain(tokenHash);
      expect(text).not.toContain('Heimliche Bewunderin');
      expect(text).not.toContain(adminId);
      expect(text).not.toContain(adminName);
    });
  });

  describe('erasure', () => {
    it('refuses a wrong confirmation and the last admin, changing nothing', async () => {
      const [person] = await addPeople(test, 1, 'Zögerlich');
      const wrong = await graphql(url, ERASE, { c: 'ja' }, person);
      expect(errorCode(wrong)).toBe('ERASURE_NOT_CONFIRMED');
      expect(await test.sql('SELECT 1 FROM people WHERE id = $1', [person])).toHaveLength(1);

      const admins = await test.sql('SELECT 1 FROM role_assignments WHERE organisation_id = $1 AND role = $2', [
        organisationId,
        'ORGANISATION_ADMIN',
      ]);
      expect(admins).toHaveLength(1);
      const last = await graphql(url, ERASE, { c: 'LÖSCHEN' }, adminId);
      expect(errorCode(last)).toBe('LAST_ADMIN');
      expect(await test.sql('SELECT 1 FROM people WHERE id = $1', [adminId])).toHaveLength(1);
    });

    it('cancels future bookings (handed to the waitlist), anonymises the past and leaves nothing of the person', async () => {
      const [erased, waiting, colleague] = await threePeople(test, 'Löschung');
      const [, , d3, d4] = office.deskIds;
      const future = day(12);
      const booked = await graphql<{ bookDesk: { id: string } }>(
        url,
        BOOK,
        { i: { deskId: d3, date: future, part: 'FULL_DAY' } },
        erased,
      );
      expect(booked.errors).toBeUndefined();
      const futureId = booked.data?.bookDesk.id;
      // The other desks of that day are taken, so the person waiting can only get the freed one.
      const others = await addPeople(test, 3, 'Belegt');
      for (const [index, deskId] of office.deskIds.filter((id) => id !== d3).entries()) {
        const taken = await graphql(url, BOOK, { i: { deskId, date: future, part: 'FULL_DAY' } }, others[index]);
        expect(taken.errors).toBeUndefined();
      }
      await test.sql(
        `INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, 'FULL_DAY')`,
        [office.officeId, waiting, future],
      );
      const [past] = await test.sql<{ id: string }>(
        `INSERT INTO bookings (person_id, desk_id, date, part, status, checked_in_at)
         VALUES ($1, $2, $3, 'FULL_DAY', 'CHECKED_IN', now()) RETURNING id`,
        [erased, d4, day(-4)],
      );
      await test.sql(`UPDATE people SET email = 'loeschung@example.org', home_postal_code = '91054' WHERE id = $1`, [
        erased,
      ]);
      await addTeam(test, 'Löschteam', [erased], [colleague]);
      await test.sql(`INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`, [
        erased,
        office.officeId,
      ]);
      await test.sql('INSERT INTO calendar_feeds (person_id, token_hash) VALUES ($1, $2)', [erased, 'b'.repeat(64)]);
      await test.sql('INSERT INTO favourite_colleagues (person_id, colleague_id) VALUES ($1, $2), ($2, $1)', [
        erased,
        colleague,
      ]);
      await test.sql(
        `INSERT INTO audit_log (actor_id, action, object_type, object_id, organisation_id)
         VALUES ($1, 'TEAM_RENAMED', 'TEAM', NULL, $2), ($3, 'ROLE_GRANTED', 'PERSON', $1, $2)`,
        [erased, organisationId, adminId],
      );

      // The person waiting is told live, after the commit, that they got the desk.
      const client = wsClient(url, waiting);
      const changes = new EventRecorder<{ reason: string; booking: { deskId: string; date: string } }>().subscribe(
        client,
        'subscription { myBookingChanged { reason booking { deskId date } } }',
        {},
        (data: { myBookingChanged: { reason: string; booking: { deskId: string; date: string } } }) =>
          data.myBookingChanged,
      );
      let result: GraphqlResponse<{ eraseMyAccount: Record<string, number> }>;
      try {
        // Let the subscription start before the change it is to see.
        await new Promise((resolve) => setTimeout(resolve, 300));
        result = await graphql<{ eraseMyAccount: Record<string, number> }>(url, ERASE, { c: ' löschen ' }, erased);
        await changes.waitFor(1, 10_000);
      } finally {
        changes.stop();
        await client.dispose();
      }
      expect(changes.events).toEqual([{ reason: 'WAITLIST_ASSIGNED', booking: { deskId: d3, date: future } }]);
      expect(result.errors).toBeUndefined();
      expect(result.data?.eraseMyAccount).toEqual({
        cancelledBookings: 1,
        anonymisedBookings: 2,
        seatedFromWaitlist: 1,
      });

      // Nothing points at the person any more, anywhere.
      expect(await test.sql('SELECT 1 FROM people WHERE id = $1', [erased])).toEqual([]);
      for (const column of await personColumns(test)) {
        const [table, name] = column.split('.');
        const rows = await test.sql(`SELECT 1 FROM ${table} WHERE ${name} = $1`, [erased]);
        expect({ column, rows }).toEqual({ column, rows: [] });
      }
      expect(await test.sql(`SELECT 1 FROM audit_log WHERE object_id = $1`, [erased])).toEqual([]);
      // The bookings stay, anonymous: the future one cancelled, the past one as it was.
      expect(
        await test.sql('SELECT id, person_id, status FROM bookings WHERE id = ANY($1::uuid[]) ORDER BY status', [
          [futureId, past?.id],
        ]),
      ).toEqual([
        { id: futureId, person_id: null, status: 'CANCELLED' },
        { id: past?.id, person_id: null, status: 'CHECKED_IN' },
      ]);
      // The freed desk went to the person waiting, in the same transaction.
      expect(
        await test.sql(`SELECT source FROM bookings WHERE desk_id = $1 AND date = $2 AND person_id = $3`, [
          d3,
          future,
          waiting,
        ]),
      ).toEqual([{ source: 'WAITLIST' }]);
      // The organisation's admins learn that an account was erased, not whose.
      const [entry] = await test.sql<{ actor_id: string | null; object_id: string | null; details: unknown }>(
        `SELECT actor_id, object_id, details FROM audit_log WHERE action = 'ACCOUNT_ERASED' ORDER BY at DESC LIMIT 1`,
      );
      expect(entry).toEqual({
        actor_id: null,
        object_id: null,
        details: { cancelledBookings: 1, anonymisedBookings: 2 },
      });
      // The erased person's credentials lead nowhere.
      expect(errorCode(await graphql(url, MY_DATA, {}, erased))).toBe('UNAUTHENTICATED');
    });

    it('lets the same OpenID Connect identity sign in again only as a new, empty person', async () => {
      const people = test.api.app.get(OidcPeople);
      const [organisation] = await test.sql<{ claim_value: string }>(
        'SELECT claim_value FROM organisations WHERE id = $1',
        [organisationId],
      );
      const profile = {
        displayName: 'Olga Oidc',
        email: 'olga.oidc@example.org',
        organisation: organisation?.claim_value,
      };
      const first = await people.personFor('https://id.example/realms/staff', 'olga', profile);
      await test.sql('INSERT INTO favourite_desks (person_id, desk_id) VALUES ($1, $2)', [first, office.deskIds[0]]);
      const erased = await graphql(url, ERASE, { c: 'DELETE' }, first);
      expect(erased.errors).toBeUndefined();
      const second = await people.personFor('https://id.example/realms/staff', 'olga', profile);
      expect(second).not.toBe(first);
      expect(await test.sql('SELECT 1 FROM favourite_desks WHERE person_id = $1', [second])).toEqual([]);
    });
  });

  describe('audit log', () => {
    it('records facility and admin actions in their transaction: a dry run or a failure leaves no entry', async () => {
      const [, , , d4] = office.deskIds;
      const count = async (action: string): Promise<number> =>
        (
          await test.sql<{ n: number }>(
            'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND office_id = $2',
            [action, office.officeId],
          )
        )[0]?.n ?? 0;

      const dry = await graphql(url, BLOCK, { i: { deskId: d4, reason: 'Umbau', dryRun: true } }, adminId);
      expect(dry.errors).toBeUndefined();
      expect(await count('DESK_BLOCKED')).toBe(0);

      // The audit log cannot be written: the action is rolled back with it.
      await test.sql(`CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
      await test.sql(
        'CREATE TRIGGER audit_log_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()',
      );
      try {
        const failed = await graphql(url, CAPACITY, { i: { officeId: office.officeId, capacityShare: 0.5 } }, adminId);
        expect(errorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await test.sql('DROP TRIGGER audit_log_refuse ON audit_log');
        await test.sql('DROP FUNCTION audit_log_refuse()');
      }
      expect(await test.sql('SELECT capacity_share FROM offices WHERE id = $1', [office.officeId])).toEqual([
        { capacity_share: null },
      ]);
      expect(await count('CAPACITY_SET')).toBe(0);

      const blocked = await graphql(url, BLOCK, { i: { deskId: d4, reason: 'Umbau bei Frau Muster' } }, adminId);
      expect(blocked.errors).toBeUndefined();
      const [row] = await test.sql<{ actor_id: string; object_id: string; details: Record<string, unknown> }>(
        `SELECT actor_id, object_id, details FROM audit_log WHERE action = 'DESK_BLOCKED' AND office_id = $1`,
        [office.officeId],
      );
      // The booking a colleague made on it in the erasure test is cancelled: counted, not named.
      expect(row).toEqual({ actor_id: adminId, object_id: d4, details: { cancelledBookings: 1 } });
      // The manager's free text is not logged (it could name someone).
      expect(JSON.stringify(row)).not.toContain('Muster');
    });

    it('records every kind of admin, facility and team action, with figures but no names or free texts', async () => {
      const [since] = await test.sql<{ now: Date }>('SELECT clock_timestamp() AS now');
      const [member] = await threePeople(test, 'Protokolliert');
      // An organisation the office is not shared with yet (sharing again changes nothing and records nothing).
      const [other] = await test.sql<{ id: string }>(
        `SELECT o.id FROM organisations o WHERE o.id <> $1
           AND NOT EXISTS (SELECT 1 FROM office_shares s WHERE s.office_id = $2 AND s.organisation_id = o.id)
         LIMIT 1`,
        [organisationId, office.officeId],
      );
      const run = async <Data>(query: string, variables: Record<string, unknown>): Promise<Data | undefined> => {
        const response = await graphql<Data>(url, query, variables, adminId);
        expect({ query, errors: response.errors }).toEqual({ query, errors: undefined });
        return response.data ?? undefined;
      };
      const officeId = office.officeId;
      await run('mutation($i: OfficeClosureInput!) { addOfficeClosure(input: $i) { dryRun } }', {
        i: { officeId, from: day(40), to: day(41), reason: 'Renovierung durch Firma Geheim' },
      });
      const [closure] = await test.sql<{ id: string }>('SELECT id FROM office_closures WHERE office_id = $1', [
        officeId,
      ]);
      await run('mutation($id: ID!) { removeOfficeClosure(id: $id) { dryRun } }', { id: closure?.id });
      await run('mutation($d: ID!) { unblockDesk(deskId: $d) { dryRun } }', { d: office.deskIds[3] });
      await run('mutation($i: ShareOfficeInput!) { shareOffice(input: $i) { office { id } } }', {
        i: { officeId, organisationId: other?.id },
      });
      await run('mutation($i: RevokeSharingInput!) { revokeOfficeSharing(input: $i) { cancelledBookings } }', {
        i: { officeId, organisationId: other?.id },
      });
      const created = await run<{ createTeam: { id: string } }>(
        'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
        { i: { name: 'Protokollteam', organisationId } },
      );
      const teamId = created?.createTeam.id;
      await run('mutation($id: ID!) { renameTeam(id: $id, name: "Protokollteam 2") { id } }', { id: teamId });
      await run('mutation($i: TeamMemberInput!) { addTeamMember(input: $i) { id } }', {
        i: { teamId, personId: member },
      });
      await run('mutation($i: PresencePolicyInput!) { setPresencePolicy(input: $i) { id } }', {
        i: { teamId, period: 'WEEK', minDays: 1 },
      });
      await run('mutation($id: ID!) { clearPresencePolicy(teamId: $id) { id } }', { id: teamId });
      await run('mutation($i: RoleInput!) { grantRole(input: $i) { id } }', {
        i: { personId: member, role: 'TEAM_LEAD', teamId },
      });
      await run('mutation($i: RoleInput!) { revokeRole(input: $i) { id } }', {
        i: { personId: member, role: 'TEAM_LEAD', teamId },
      });
      await run('mutation($i: TeamMemberInput!) { removeTeamMember(input: $i) { id } }', {
        i: { teamId, personId: member },
      });
      await run('mutation($id: ID!) { deleteTeam(id: $id) }', { id: teamId });
      const header = 'Büro;Adresse;Gemeindeschlüssel (AGS);Öffnungstage;Bereich;Platz;Ausstattung;Barrierefrei;Aktiv';
      await run('mutation($i: ImportDesksInput!) { importDesks(input: $i) { dryRun } }', {
        i: { csv: `${header}\r\nDatenschutz-Testbüro;;;;Import;I-01;;;\r\n`, dryRun: false },
      });

      const rows = await test.sql<{ action: string; details: unknown }>(
        'SELECT action, details FROM audit_log WHERE at >= $1 AND actor_id = $2 ORDER BY at',
        [since?.now, adminId],
      );
      const recorded = [...new Set(rows.map((row) => row.action))].sort();
      const earlier = ['ACCOUNT_ERASED', 'CAPACITY_SET', 'DESK_BLOCKED'];
      expect(recorded).toEqual(AUDIT_ACTIONS.filter((action) => !earlier.includes(action)).sort());
      expect(rows.find((row) => row.action === 'DESKS_IMPORTED')?.details).toEqual({
        createdDesks: 1,
        updatedDesks: 0,
        newOffice: false,
      });
      const text = JSON.stringify(rows);
      expect(text).not.toContain('Geheim');
      expect(text).not.toContain('Protokoll');
    });

    it('shows entries to admins of the organisation (with names) and to facility managers of the office (without)', async () => {
      const [manager] = await addPeople(test, 1, 'Standortleitung');
      const granted = await graphql(
        url,
        GRANT,
        { i: { personId: manager, role: 'FACILITY_MANAGER', officeId: office.officeId } },
        adminId,
      );
      expect(granted.errors).toBeUndefined();
      await graphql(url, CAPACITY, { i: { officeId: office.officeId, capacityShare: 0.75 } }, adminId);

      const asAdmin = await graphql<{ auditLog: AuditRow[] }>(url, AUDIT_LOG, {}, adminId);
      expect(asAdmin.errors).toBeUndefined();
      const adminView = asAdmin.data?.auditLog ?? [];
      expect(adminView.find((entry) => entry.action === 'CAPACITY_SET')).toMatchObject({
        actorName: adminName,
        byYou: true,
        officeId: office.officeId,
      });
      expect(adminView.find((entry) => entry.action === 'ROLE_GRANTED' && entry.objectId === manager)).toMatchObject({
        actorName: adminName,
        objectType: 'PERSON',
      });

      const asManager = await graphql<{ auditLog: AuditRow[] }>(url, AUDIT_LOG, { o: office.officeId }, manager);
      expect(asManager.errors).toBeUndefined();
      const managerView = asManager.data?.auditLog ?? [];
      expect(managerView.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['CAPACITY_SET', 'DESK_BLOCKED']),
      );
      // Counts and actions of the office; who did them, and role changes of people, are for the admins.
      expect(managerView.every((entry) => entry.actorName === null && entry.officeId === office.officeId)).toBe(true);
      expect(managerView.some((entry) => entry.action === 'ROLE_GRANTED')).toBe(false);
      expect(JSON.stringify(managerView)).not.toContain(adminName);

      const stranger = await addOtherOrganisationPerson(test, 'Fremde Person');
      expect(errorCode(await graphql(url, AUDIT_LOG, {}, stranger))).toBe('FORBIDDEN');
      const [otherAdmin] = await test.sql<{ person_id: string }>(
        `SELECT person_id FROM role_assignments WHERE role = 'ORGANISATION_ADMIN' AND organisation_id <> $1 LIMIT 1`,
        [organisationId],
      );
      const foreign = await graphql<{ auditLog: AuditRow[] }>(url, AUDIT_LOG, {}, otherAdmin?.person_id);
      expect(foreign.data?.auditLog.some((entry) => entry.officeId === office.officeId)).toBe(false);
      expect(errorCode(await graphql(url, AUDIT_LOG, { o: office.officeId }, otherAdmin?.person_id))).toBe(
        'OFFICE_NOT_FOUND',
      );
      expect(errorCode(await graphql(url, AUDIT_LOG, { f: '2026-02-30' }, adminId))).toBe('INVALID_DATE');
      expect(errorCode(await graphql(url, AUDIT_LOG, { f: day(0), t: day(-1) }, adminId))).toBe('INVALID_RANGE');
    });
  });

  describe('logs', () => {
    it('carry no names, e-mail addresses or postal codes while people use and leave nahbar', async () => {
      const lines: string[] = [];
      const capture: LoggerService = {
        log: (...parts: unknown[]) => void lines.push(parts.map(String).join(' ')),
        error: (...parts: unknown[]) => void lines.push(parts.map(String).join(' ')),
        warn: (...parts: unknown[]) => void lines.push(parts.map(String).join(' ')),
        debug: (...parts: unknown[]) => void lines.push(parts.map(String).join(' ')),
        verbose: (...parts: unknown[]) => void lines.push(parts.map(String).join(' ')),
      };
      Logger.overrideLogger(capture);
      try {
        const [person] = await addPeople(test, 1, 'Protokollfrei');
        await test.sql(
          `UPDATE people SET display_name = 'Paula Protokoll', email = 'paula.protokoll@example.org' WHERE id = $1`,
          [person],
        );
        const profile = await graphql(
          url,
          'mutation { updateProfile(input: { homePostalCode: "91052", visibility: ORGANISATION }) { id } }',
          {},
          person,
        );
        expect(profile.errors).toBeUndefined();
        await graphql(url, BOOK, { i: { deskId: office.deskIds[0], date: day(20), part: 'MORNING' } }, person);
        await graphql(url, MY_DATA, {}, person);
        await test.sql(
          `INSERT INTO bookings (person_id, desk_id, date, part, status, cancelled_at)
           VALUES ($1, $2, $3, 'FULL_DAY', 'CANCELLED', now())`,
          [person, office.deskIds[1], day(-150)],
        );
        await test.api.app.get(RetentionJob).run(new Date());
        // An internal error is logged (with its stack): it must not carry the data of the request.
        await test.sql(`CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
        await test.sql(
          'CREATE TRIGGER audit_log_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()',
        );
        try {
          expect(errorCode(await graphql(url, ERASE, { c: 'LÖSCHEN' }, person))).toBe('INTERNAL_SERVER_ERROR');
        } finally {
          await test.sql('DROP TRIGGER audit_log_refuse ON audit_log');
          await test.sql('DROP FUNCTION audit_log_refuse()');
        }
        expect((await graphql(url, ERASE, { c: 'LÖSCHEN' }, person)).errors).toBeUndefined();
      } finally {
        Logger.overrideLogger(new ConsoleLogger('', { logLevels: ['error'] }));
      }
      // The capture works: the retention job and the failed erasure logged something.
      expect(lines.some((line) => line.includes('Retention'))).toBe(true);
      expect(lines.some((line) => line.includes('audit log unavailable'))).toBe(true);
      const all = lines.join('\n');
      for (const secret of ['Paula', 'Protokoll', 'paula.protokoll@example.org', '91052']) {
        expect(all).not.toContain(secret);
      }
    });
  });
});
