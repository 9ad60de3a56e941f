import { nextOpenDay } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const AVAILABILITY = `query($o: ID!, $d: String!) { deskAvailability(officeId: $o, date: $d, part: MORNING) { deskId } }`;
const CHANGES = `subscription($o: ID!, $d: String!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: MORNING) { deskId free }
}`;
const MY_CHANGES = 'subscription { myBookingChanged { reason booking { id status } } }';
const REVOKE = `mutation($i: RevokeSharingInput!) {
  revokeOfficeSharing(input: $i) { cancelledBookings sharing { sharedWith { name } } }
}`;
const SHARE = 'mutation($i: ShareOfficeInput!) { shareOffice(input: $i) { sharedWith { id } } }';

describe.each(DATABASE_KINDS)('office sharing, roles and profile on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let people: Record<string, string>;
  let erlangen: string;
  let erlangenDesks: string[];
  let itNrw: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    const rows = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
    people = Object.fromEntries(rows.map((row) => [row.display_name, row.id]));
    erlangen =
      (await test.sql<{ id: string }>(`SELECT id FROM offices WHERE name = 'Co-Working Erlangen Hauptbahnhof'`))[0]
        ?.id ?? '';
    erlangenDesks = (
      await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 ORDER BY code', [erlangen])
    ).map((row) => row.id);
    itNrw = (await test.sql<{ id: string }>(`SELECT id FROM organisations WHERE claim_value = 'it-nrw'`))[0]?.id ?? '';
  });

  afterAll(async () => {
    await test?.stop();
  });

  const as = (name: string): string => {
    const id = people[name];
    if (!id) throw new Error(`no demo person ${name}`);
    return id;
  };

  it('after a revoked share, events stop reaching the other organisation while its bookings stay', async () => {
    const date = nextOpenDay(12);
    const kept = await graphql<{ bookDesk: { id: string } }>(
      url,
      BOOK,
      { i: { deskId: erlangenDesks[0], date, part: 'MORNING' } },
      as('Fatma Demir'),
    );
    expect(kept.data?.bookDesk.id).toEqual(expect.any(String));

    const outsiderClient = wsClient(url, as('Fatma Demir'));
    const insiderClient = wsClient(url, as('Mehmet Yılmaz'));
    const variables = { o: erlangen, d: date };
    const outsider = new EventRecorder<{ deskId: string }>().subscribe(
      outsiderClient,
      CHANGES,
      variables,
      (data: { deskAvailabilityChanged: { deskId: string } }) => data.deskAvailabilityChanged,
    );
    const insider = new EventRecorder<{ deskId: string }>().subscribe(
      insiderClient,
      CHANGES,
      variables,
      (data: { deskAvailabilityChanged: { deskId: string } }) => data.deskAvailabilityChanged,
    );
    try {
      // Both subscriptions live: a first change reaches both.
      await until(async () => {
        await bookAndCancel(as('Sabine Wagner'), erlangenDesks[5] ?? '', date);
        return outsider.events.length > 0 && insider.events.length > 0;
      });

      const revoked = await graphql<{ revokeOfficeSharing: { cancelledBookings: number } }>(
        url,
        REVOKE,
        { i: { officeId: erlangen, organisationId: itNrw, cancelBookings: false } },
        as('Anna Schmidt'),
      );
      expect(revoked.data?.revokeOfficeSharing.cancelledBookings).toBe(0);

      outsider.events.length = 0;
      insider.events.length = 0;
      const booked = await graphql<{ bookDesk: { id: string } }>(
        url,
        BOOK,
        { i: { deskId: erlangenDesks[1], date, part: 'MORNING' } },
        as('Mehmet Yılmaz'),
      );
      expect(booked.data?.bookDesk.id).toEqual(expect.any(String));
      // Under load, events of the probe above (desk 5, before the revocation) may still arrive: look for desk 1's.
      await insider.waitUntil((event) => event.deskId === erlangenDesks[1], 10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(outsider.events.filter((event) => event.deskId !== erlangenDesks[5])).toEqual([]);

      // The query says the same as the subscription: the office is gone for IT.NRW.
      expect(errorCode(await graphql(url, AVAILABILITY, variables, as('Fatma Demir')))).toBe('OFFICE_NOT_FOUND');
      expect(
        errorCode(
          await graphql(url, BOOK, { i: { deskId: erlangenDesks[2], date, part: 'AFTERNOON' } }, as('Fatma Demir')),
        ),
      ).toBe('DESK_NOT_FOUND');
      // Existing bookings stay, as the admin chose.
      const status = await test.sql<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [
        kept.data?.bookDesk.id,
      ]);
      expect(status).toEqual([{ status: 'BOOKED' }]);
    } finally {
      outsider.stop();
      insider.stop();
      await outsiderClient.dispose();
      await insiderClient.dispose();
      await graphql(url, SHARE, { i: { officeId: erlangen, organisationId: itNrw } }, as('Anna Schmidt'));
    }
  });

  it('revoking with cancellation cancels in one go and tells the people affected live', async () => {
    const date = nextOpenDay(13);
    const booking = await graphql<{ bookDesk: { id: string } }>(
      url,
      BOOK,
      { i: { deskId: erlangenDesks[3], date, part: 'FULL_DAY' } },
      as('Peter Schulz'),
    );
    const bookingId = booking.data?.bookDesk.id;
    expect(bookingId).toEqual(expect.any(String));

    const client = wsClient(url, as('Peter Schulz'));
    const mine = new EventRecorder<{ reason: string; booking: { id: string; status: string } }>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: { reason: string; booking: { id: string; status: string } } }) =>
        data.myBookingChanged,
    );
    try {
      await until(async () => {
        await bookAndCancel(as('Peter Schulz'), erlangenDesks[6] ?? '', nextOpenDay(14));
        return mine.events.length >= 2;
      });

      const revoked = await graphql<{
        revokeOfficeSharing: { cancelledBookings: number; sharing: { sharedWith: { name: string }[] } };
      }>(url, REVOKE, { i: { officeId: erlangen, organisationId: itNrw, cancelBookings: true } }, as('Anna Schmidt'));
      expect(revoked.data?.revokeOfficeSharing.cancelledBookings).toBeGreaterThanOrEqual(1);
      expect(revoked.data?.revokeOfficeSharing.sharing.sharedWith.map((o) => o.name)).toEqual(['Stadt Fürth']);
      // Within a second of the revocation the person hears of it (probe events may still trickle in before).
      const deadline = Date.now() + 1000;
      while (!mine.events.some((event) => event.reason === 'SHARING_REVOKED') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(mine.events.filter((event) => event.reason === 'SHARING_REVOKED')).toEqual([
        { reason: 'SHARING_REVOKED', booking: { id: bookingId, status: 'CANCELLED' } },
      ]);
      const rows = await test.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN people p ON p.id = b.person_id
         WHERE d.office_id = $1 AND p.organisation_id = $2 AND b.status = 'BOOKED' AND b.date >= current_date`,
        [erlangen, itNrw],
      );
      expect(rows[0]?.count).toBe(0);
    } finally {
      mine.stop();
      await client.dispose();
      await graphql(url, SHARE, { i: { officeId: erlangen, organisationId: itNrw } }, as('Anna Schmidt'));
    }
  });

  it('only the operator’s admins change sharing; others are refused and nothing changes', async () => {
    const shares = async (): Promise<number> =>
      (await test.sql<{ count: number }>('SELECT count(*)::int AS count FROM office_shares'))[0]?.count ?? 0;
    const before = await shares();
    const input = { i: { officeId: erlangen, organisationId: itNrw, cancelBookings: true } };
    expect(errorCode(await graphql(url, REVOKE, input, as('Thomas Becker')))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(url, REVOKE, input, as('Sabine Wagner')))).toBe('FORBIDDEN');
    expect(await shares()).toBe(before);
  });

  it('admins grant and revoke roles within their organisation, and never remove its last admin', async () => {
    const grant = `mutation($i: RoleInput!) { grantRole(input: $i) { roles { role scopeName } } }`;
    const revoke = `mutation($i: RoleInput!) { revokeRole(input: $i) { roles { role scopeName } } }`;
    const granted = await graphql<{ grantRole: { roles: { role: string; scopeName: string }[] } }>(
      url,
      grant,
      { i: { personId: as('Mehmet Yılmaz'), role: 'FACILITY_MANAGER', officeId: erlangen } },
      as('Anna Schmidt'),
    );
    expect(granted.data?.grantRole.roles).toContainEqual({
      role: 'FACILITY_MANAGER',
      scopeName: 'Co-Working Erlangen Hauptbahnhof',
    });
    const me = await graphql<{ me: { roles: { role: string }[] } }>(
      url,
      '{ me { roles { role } } }',
      {},
      as('Mehmet Yılmaz'),
    );
    expect(me.data?.me.roles.map((r) => r.role)).toEqual(['STAFF', 'TEAM_LEAD', 'FACILITY_MANAGER']);

    // A person of another organisation reads as not found; the last admin stays.
    expect(
      errorCode(
        await graphql(
          url,
          grant,
          { i: { personId: as('Fatma Demir'), role: 'ORGANISATION_ADMIN' } },
          as('Anna Schmidt'),
        ),
      ),
    ).toBe('PERSON_NOT_FOUND');
    expect(
      errorCode(
        await graphql(
          url,
          revoke,
          { i: { personId: as('Anna Schmidt'), role: 'ORGANISATION_ADMIN' } },
          as('Anna Schmidt'),
        ),
      ),
    ).toBe('LAST_ADMIN');
    expect(
      errorCode(
        await graphql(
          url,
          grant,
          { i: { personId: as('Mehmet Yılmaz'), role: 'FACILITY_MANAGER' } },
          as('Anna Schmidt'),
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('a person keeps their own profile: postal code and visibility', async () => {
    const update = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { homePostalCode visibility } }';
    const person = as('Lena Hoffmann');
    const changed = await graphql<{ updateProfile: unknown }>(
      url,
      update,
      { i: { homePostalCode: '90762', visibility: 'TEAMS' } },
      person,
    );
    expect(changed.data?.updateProfile).toEqual({ homePostalCode: '90762', visibility: 'TEAMS' });
    expect(errorCode(await graphql(url, update, { i: { homePostalCode: '9076' } }, person))).toBe('BAD_USER_INPUT');
    const partly = await graphql<{ updateProfile: unknown }>(url, update, { i: { visibility: 'NOBODY' } }, person);
    expect(partly.data?.updateProfile).toEqual({ homePostalCode: '90762', visibility: 'NOBODY' });
    const cleared = await graphql<{ updateProfile: unknown }>(url, update, { i: { homePostalCode: '' } }, person);
    expect(cleared.data?.updateProfile).toEqual({ homePostalCode: null, visibility: 'NOBODY' });
  });

  async function bookAndCancel(personId: string, deskId: string, date: string): Promise<void> {
    const booked = await graphql<{ bookDesk: { id: string } }>(
      url,
      BOOK,
      { i: { deskId, date, part: 'MORNING' } },
      personId,
    );
    const id = booked.data?.bookDesk.id;
    if (id) await graphql(url, 'mutation($id: ID!) { cancelBooking(id: $id) { id } }', { id }, personId);
  }
});

/** Repeats a probe until it reports success (subscriptions become live asynchronously). */
async function until(probe: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition never became true');
}
