import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  daysFromToday,
  nextHoliday,
  nextOpenDay,
  plainDesks,
  type TestOffice,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const JOIN = `mutation Join($input: JoinWaitlistInput!) {
  joinWaitlist(input: $input) { id date part status position office { id } booking { id } }
}`;
const LEAVE = `mutation Leave($id: ID!) { leaveWaitlist(id: $id) { id status position } }`;
const MINE = `{ myWaitlist { id date part status position booking { id deskId date part status } } }`;
const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelBooking(id: $id) { id status } }`;
const MY_CHANGES = `subscription { myBookingChanged { reason booking { id deskId date part status } } }`;

interface Entry {
  id: string;
  date: string;
  part: string;
  status: string;
  position: number | null;
  booking: { id: string; deskId?: string; date?: string; part?: string; status?: string } | null;
}
interface Change {
  reason: string;
  booking: { id: string; deskId: string; date: string; part: string; status: string };
}

describe.each(DATABASE_KINDS)('waitlist on %s', (kind) => {
  let test: TestApi;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
  });

  afterAll(async () => {
    await test?.stop();
  });

  const join = (
    personId: string,
    officeId: string,
    date: string,
    part: string,
  ): Promise<GraphqlResponse<{ joinWaitlist: Entry }>> =>
    graphql<{ joinWaitlist: Entry }>(test.api.url, JOIN, { input: { officeId, date, part } }, personId);

  async function joined(personId: string, officeId: string, date: string, part: string): Promise<Entry> {
    const response = await join(personId, officeId, date, part);
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('not joined');
    return response.data.joinWaitlist;
  }

  async function book(personId: string, deskId: string, date: string, part: string): Promise<string> {
    const response = await graphql<{ bookDesk: { id: string } }>(
      test.api.url,
      BOOK,
      { input: { deskId, date, part } },
      personId,
    );
    expect(response.errors).toBeUndefined();
    return response.data?.bookDesk.id ?? '';
  }

  async function mine(personId: string): Promise<Entry[]> {
    const response = await graphql<{ myWaitlist: Entry[] }>(test.api.url, MINE, {}, personId);
    expect(response.errors).toBeUndefined();
    return response.data?.myWaitlist ?? [];
  }

  async function people(count: number): Promise<string[]> {
    return addPeople(test, count, `Warteliste ${kind} ${offices}`);
  }

  async function office(desks: number, capacityShare?: number): Promise<TestOffice> {
    offices += 1;
    return addOffice(test, {
      name: `Wartebüro ${kind} ${offices}`,
      desks: plainDesks(desks),
      ...(capacityShare === undefined ? {} : { capacityShare }),
    });
  }

  it('refuses to join while a desk is free (DESKS_AVAILABLE), and for dates the office takes no bookings', async () => {
    const { officeId, deskIds } = await office(2);
    const [waiter, booker] = (await people(2)) as [string, string];
    const date = nextOpenDay(3);
    const free = await join(waiter, officeId, date, 'MORNING');
    expect(errorCode(free)).toBe('DESKS_AVAILABLE');
    expect(free.errors?.[0]?.extensions?.['messages']).toEqual({
      de: 'Es sind noch Plätze frei – bitte direkt buchen.',
      en: expect.stringMatching(/free/),
    });
    // One desk taken for the morning: the other is still free.
    await book(booker, deskIds[0] as string, date, 'MORNING');
    expect(errorCode(await join(waiter, officeId, date, 'MORNING'))).toBe('DESKS_AVAILABLE');
    // The booker holds that morning already.
    await book(waiter, deskIds[1] as string, date, 'AFTERNOON');
    expect(errorCode(await join(booker, officeId, date, 'FULL_DAY'))).toBe('PERSON_ALREADY_BOOKED');

    expect(errorCode(await join(waiter, officeId, nextHoliday(), 'MORNING'))).toBe('HOLIDAY');
    expect(errorCode(await join(waiter, officeId, daysFromToday(-1), 'MORNING'))).toBe('DATE_IN_PAST');
    expect(errorCode(await join(waiter, officeId, daysFromToday(400), 'MORNING'))).toBe('BEYOND_HORIZON');
    expect(errorCode(await join(waiter, officeId, '2027-02-30', 'MORNING'))).toBe('INVALID_DATE');
    const stranger = await addOtherOrganisationPerson(test, `Fremd ${kind} ${offices}`);
    expect(errorCode(await join(stranger, officeId, date, 'MORNING'))).toBe('OFFICE_NOT_FOUND');
    expect(await test.sql('SELECT 1 FROM waitlist_entries WHERE office_id = $1', [officeId])).toEqual([]);
  });

  it('a full office: two people join with positions 1 and 2; a cancellation hands the desk to the first at once', async () => {
    const { officeId, deskIds } = await office(2);
    const [holderA, holderB, first, second] = (await people(4)) as [string, string, string, string];
    const date = nextOpenDay(4);
    await book(holderA, deskIds[0] as string, date, 'FULL_DAY');
    const freedBooking = await book(holderB, deskIds[1] as string, date, 'MORNING');

    const firstEntry = await joined(first, officeId, date, 'MORNING');
    expect(firstEntry).toMatchObject({ date, part: 'MORNING', status: 'WAITING', position: 1, booking: null });
    const secondEntry = await joined(second, officeId, date, 'MORNING');
    expect(secondEntry.position).toBe(2);
    expect(errorCode(await join(first, officeId, date, 'MORNING'))).toBe('ALREADY_WAITING');
    // The afternoon of desk 2 is free: nobody waits for that.
    expect(errorCode(await join(first, officeId, date, 'AFTERNOON'))).toBe('DESKS_AVAILABLE');
    expect((await mine(first)).map((entry) => [entry.id, entry.position])).toEqual([[firstEntry.id, 1]]);

    const client = wsClient(test.api.url, first);
    const changes = new EventRecorder<Change>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: Change }) => data.myBookingChanged,
    );
    try {
      // Let the subscription start before the change it is to see.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cancelled = await graphql(test.api.url, CANCEL, { id: freedBooking }, holderB);
      expect(cancelled.errors).toBeUndefined();

      const [made] = await test.sql<{ id: string; desk_id: string; part: string; source: string; status: string }>(
        `SELECT id, desk_id, part, source, status FROM bookings WHERE person_id = $1 AND date = $2`,
        [first, date],
      );
      expect(made).toEqual({
        id: expect.any(String),
        desk_id: deskIds[1],
        part: 'MORNING',
        source: 'WAITLIST',
        status: 'BOOKED',
      });
      const [entry] = await test.sql<{ status: string; booking_id: string }>(
        'SELECT status, booking_id FROM waitlist_entries WHERE id = $1',
        [firstEntry.id],
      );
      expect(entry).toEqual({ status: 'ASSIGNED', booking_id: made?.id });

      await changes.waitFor(1, 10_000);
      expect(changes.events[0]).toEqual({
        reason: 'WAITLIST_ASSIGNED',
        booking: { id: made?.id, deskId: deskIds[1], date, part: 'MORNING', status: 'BOOKED' },
      });
    } finally {
      changes.stop();
      await client.dispose();
    }

    const firstNow = await mine(first);
    expect(firstNow).toEqual([
      expect.objectContaining({
        id: firstEntry.id,
        status: 'ASSIGNED',
        position: null,
        booking: expect.objectContaining({ deskId: deskIds[1] }),
      }),
    ]);
    expect((await mine(second)).map((entry) => [entry.id, entry.status, entry.position])).toEqual([
      [secondEntry.id, 'WAITING', 1],
    ]);
  });

  it('the capacity cap full counts as full: join, and a cancellation hands over under the cap', async () => {
    const { officeId, deskIds } = await office(4, 0.5);
    const [a, b, waiter] = (await people(3)) as [string, string, string];
    const date = nextOpenDay(5);
    const aBooking = await book(a, deskIds[0] as string, date, 'FULL_DAY');
    await book(b, deskIds[1] as string, date, 'FULL_DAY');
    const entry = await joined(waiter, officeId, date, 'AFTERNOON');
    expect(entry.position).toBe(1);
    expect((await graphql(test.api.url, CANCEL, { id: aBooking }, a)).errors).toBeUndefined();
    const rows = await test.sql<{ desk_id: string; part: string; source: string }>(
      `SELECT desk_id, part, source FROM bookings WHERE person_id = $1 AND status = 'BOOKED'`,
      [waiter],
    );
    expect(rows).toEqual([{ desk_id: deskIds[0], part: 'AFTERNOON', source: 'WAITLIST' }]);
  });

  it('leave: only your own waiting entry, once', async () => {
    const { officeId, deskIds } = await office(1);
    const [holder, waiter, other] = (await people(3)) as [string, string, string];
    const date = nextOpenDay(6);
    await book(holder, deskIds[0] as string, date, 'FULL_DAY');
    const entry = await joined(waiter, officeId, date, 'FULL_DAY');
    const otherEntry = await joined(other, officeId, date, 'MORNING');
    expect(otherEntry.position).toBe(2);

    expect(errorCode(await graphql(test.api.url, LEAVE, { id: entry.id }, other))).toBe('WAITLIST_ENTRY_NOT_FOUND');
    const left = await graphql<{ leaveWaitlist: Entry }>(test.api.url, LEAVE, { id: entry.id }, waiter);
    expect(left.data?.leaveWaitlist).toEqual({ id: entry.id, status: 'LEFT', position: null });
    expect(errorCode(await graphql(test.api.url, LEAVE, { id: entry.id }, waiter))).toBe('WAITLIST_ENTRY_NOT_FOUND');
    expect(await mine(waiter)).toEqual([]);
    expect((await mine(other)).map((e) => e.position)).toEqual([1]);
    // Having left, one may join again.
    expect((await joined(waiter, officeId, date, 'FULL_DAY')).position).toBe(2);
  });

  it('a refused or rolled-back cancellation assigns nothing', async () => {
    const { officeId, deskIds } = await office(1);
    const [holder, waiter] = (await people(2)) as [string, string];
    const date = nextOpenDay(7);
    const held = await book(holder, deskIds[0] as string, date, 'MORNING');
    const entry = await joined(waiter, officeId, date, 'MORNING');

    // Refused: someone else's booking reads as not found.
    expect(errorCode(await graphql(test.api.url, CANCEL, { id: held }, waiter))).toBe('BOOKING_NOT_FOUND');

    // Rolled back: the hand-over fails inside the cancellation's transaction, so the cancellation is undone too.
    await test.sql(`
      CREATE FUNCTION refuse_waitlist_booking() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'waitlist bookings switched off by the test'; END $$`);
    await test.sql(`
      CREATE TRIGGER refuse_waitlist_booking BEFORE INSERT ON bookings
      FOR EACH ROW WHEN (NEW.source = 'WAITLIST') EXECUTE FUNCTION refuse_waitlist_booking()`);
    try {
      const failed = await graphql(test.api.url, CANCEL, { id: held }, holder);
      expect(errorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await test.sql('DROP TRIGGER refuse_waitlist_booking ON bookings');
      await test.sql('DROP FUNCTION refuse_waitlist_booking()');
    }
    const [booking] = await test.sql<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [held]);
    expect(booking?.status).toBe('BOOKED');
    expect(await test.sql('SELECT 1 FROM bookings WHERE person_id = $1', [waiter])).toEqual([]);
    const [still] = await test.sql<{ status: string; booking_id: string | null }>(
      'SELECT status, booking_id FROM waitlist_entries WHERE id = $1',
      [entry.id],
    );
    expect(still).toEqual({ status: 'WAITING', booking_id: null });

    // Cancelled for real, the desk goes to the waiter; cancelling again is refused and assigns nothing more.
    expect((await graphql(test.api.url, CANCEL, { id: held }, holder)).errors).toBeUndefined();
    expect(errorCode(await graphql(test.api.url, CANCEL, { id: held }, holder))).toBe('BOOKING_NOT_ACTIVE');
    const [count] = await test.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM bookings WHERE person_id = $1',
      [waiter],
    );
    expect(count?.count).toBe(1);
  });

  it('a revoked sharing that cancels bookings hands each freed desk to the waitlist in its transaction', async () => {
    const { officeId, deskIds } = await office(1);
    const [waiter] = (await people(1)) as [string];
    const guest = await addOtherOrganisationPerson(test, `Gast ${kind} ${offices}`);
    const [admin] = await test.sql<{ id: string; organisation_id: string }>(
      `SELECT r.person_id AS id, r.organisation_id FROM role_assignments r
       WHERE r.role = 'ORGANISATION_ADMIN' AND r.organisation_id = (SELECT id FROM organisations ORDER BY name LIMIT 1)
       LIMIT 1`,
    );
    if (!admin) throw new Error('no admin of the operating organisation');
    const [ldbv] = await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'ldbv'`);
    await test.sql('INSERT INTO office_shares (office_id, organisation_id, granted_by) VALUES ($1, $2, $3)', [
      officeId,
      ldbv?.id,
      admin.id,
    ]);
    const date = nextOpenDay(8);
    await book(guest, deskIds[0] as string, date, 'FULL_DAY');
    const entry = await joined(waiter, officeId, date, 'FULL_DAY');

    const revoked = await graphql<{ revokeOfficeSharing: { cancelledBookings: number } }>(
      test.api.url,
      'mutation($i: RevokeSharingInput!) { revokeOfficeSharing(input: $i) { cancelledBookings } }',
      { i: { officeId, organisationId: ldbv?.id, cancelBookings: true } },
      admin.id,
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeOfficeSharing.cancelledBookings).toBe(1);
    const rows = await test.sql<{ desk_id: string; source: string }>(
      `SELECT desk_id, source FROM bookings WHERE person_id = $1 AND status = 'BOOKED'`,
      [waiter],
    );
    expect(rows).toEqual([{ desk_id: deskIds[0], source: 'WAITLIST' }]);
    expect((await mine(waiter)).map((e) => [e.id, e.status])).toEqual([[entry.id, 'ASSIGNED']]);
  });

  it('a hand-over racing bookings of the same day and of the waiting person: one booking per desk, no deadlock', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { officeId, deskIds } = await office(1);
      const elsewhere = await office(3);
      const [holder, waiter, ...racers] = await people(6);
      const date = nextOpenDay(10 + round);
      const held = await book(holder as string, deskIds[0] as string, date, 'FULL_DAY');
      await joined(waiter as string, officeId, date, 'MORNING');

      const results = await Promise.all([
        graphql(test.api.url, CANCEL, { id: held }, holder),
        // The waiting person books elsewhere that week (their person-week lock), and the same morning elsewhere.
        graphql(test.api.url, BOOK, { input: { deskId: elsewhere.deskIds[0], date, part: 'AFTERNOON' } }, waiter),
        graphql(test.api.url, BOOK, { input: { deskId: elsewhere.deskIds[1], date, part: 'MORNING' } }, waiter),
        ...racers.map((racer) =>
          graphql(test.api.url, BOOK, { input: { deskId: deskIds[0], date, part: 'MORNING' } }, racer),
        ),
      ]);
      for (const result of results) {
        if (result.errors) expect(errorCode(result)).toMatch(/^(DESK_TAKEN|PERSON_ALREADY_BOOKED)$/);
      }
      expect(results[0]?.errors).toBeUndefined();
      const live = await test.sql<{ person_id: string; source: string }>(
        `SELECT person_id, source FROM bookings WHERE desk_id = $1 AND date = $2 AND status = 'BOOKED'`,
        [deskIds[0], date],
      );
      expect(live.length).toBeLessThanOrEqual(1);
      const waiterMornings = await test.sql(
        `SELECT 1 FROM bookings WHERE person_id = $1 AND date = $2 AND part IN ('MORNING', 'FULL_DAY') AND status = 'BOOKED'`,
        [waiter, date],
      );
      expect(waiterMornings).toHaveLength(1);
      if (live[0]?.person_id === waiter) expect(live[0]?.source).toBe('WAITLIST');
    }
  });
});
