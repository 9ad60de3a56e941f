import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  bookableDay,
  daysFromToday,
  plainDesks,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const RESULT = 'cancelledBookings endedWaitlistEntries dryRun office { capacityShare closures { id from to reason } }';
const BLOCK = `mutation($i: BlockDeskInput!) { blockDesk(input: $i) { ${RESULT} } }`;
const UNBLOCK = `mutation($d: ID!) { unblockDesk(deskId: $d) { ${RESULT} } }`;
const CLOSE = `mutation($i: OfficeClosureInput!) { addOfficeClosure(input: $i) { ${RESULT} } }`;
const REOPEN = `mutation($id: ID!) { removeOfficeClosure(id: $id) { ${RESULT} } }`;
const CAPACITY = `mutation($i: OfficeCapacityInput!) { setOfficeCapacity(input: $i) { ${RESULT} } }`;
const MANAGED = `{ managedOffices { office { id } capacityShare totalDesks
  areas { name desks { id code blocked blockedReason } } closures { id from to reason } } }`;
const MY_CHANGES = 'subscription { myBookingChanged { reason booking { id status cancellationReason } } }';
const AVAILABILITY_CHANGES = `subscription($o: ID!, $d: String!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: MORNING) { deskId free }
}`;

interface Result {
  cancelledBookings: number;
  endedWaitlistEntries: number;
  dryRun: boolean;
  office: { capacityShare: number | null; closures: { id: string; from: string; to: string; reason: string }[] };
}
interface Change {
  reason: string;
  booking: { id: string; status: string; cancellationReason: string | null };
}

describe.each(DATABASE_KINDS)('facility operations on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let officeCount = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
  });

  afterAll(async () => {
    await test?.stop();
  });

  /** A fresh office with `desks` desks, its facility manager, and `staff` people of its organisation. */
  async function setUp(desks: number, staff: number, capacityShare?: number) {
    officeCount += 1;
    const office = await addOffice(test, {
      name: `Betriebsbüro ${officeCount}`,
      desks: plainDesks(desks),
      ...(capacityShare === undefined ? {} : { capacityShare }),
    });
    const [manager] = await addPeople(test, 1, `Standort ${officeCount}`);
    await test.sql(`INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`, [
      manager,
      office.officeId,
    ]);
    const people = await addPeople(test, staff, `Person ${officeCount}`);
    return { ...office, manager: manager ?? '', people };
  }

  async function book(personId: string | undefined, deskId: string | undefined, date: string, part = 'MORNING') {
    const response = await graphql<{ bookDesk: { id: string } }>(url, BOOK, { i: { deskId, date, part } }, personId);
    const id = response.data?.bookDesk.id;
    if (!id) throw new Error(`booking failed: ${JSON.stringify(response.errors)}`);
    return id;
  }

  const statusOf = async (ids: readonly string[]) =>
    (
      await test.sql<{ status: string }>('SELECT status FROM bookings WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])
    ).map((row) => row.status);

  function follow(personId: string | undefined) {
    const client = wsClient(url, personId);
    const recorder = new EventRecorder<Change>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: Change }) => data.myBookingChanged,
    );
    return {
      recorder,
      stop: async () => {
        recorder.stop();
        await client.dispose();
      },
    };
  }

  /** Waits until the subscription is live: graphql-ws subscribes asynchronously. */
  /** The bookings `live` made to probe a subscription: their events may still arrive late, and out of order. */
  const probes = new Set<string>();

  /** The events of `recorder` that are not about a probe, once there are at least `count` of them (10 s hang guard). */
  async function eventsBeyondProbes(recorder: EventRecorder<Change>, count: number): Promise<Change[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const events = recorder.events.filter((event) => !probes.has(event.booking.id));
      if (events.length >= count) return events;
      if (recorder.errors.length > 0) throw new Error(`Subscription failed: ${JSON.stringify(recorder.errors)}`);
      await recorder.waitFor(recorder.events.length + 1, Math.max(1, deadline - Date.now()));
    }
  }

  async function live(personId: string | undefined, recorder: EventRecorder<Change>, deskId: string | undefined) {
    const date = bookableDay(300);
    // graphql-ws subscribes asynchronously: a booking made before the server has the subscription tells no one, so
    // book and cancel until the cancellation arrives. Events of one subscription arrive in order: once it is here,
    // nothing of this probe can arrive after `events` is cleared.
    for (let attempt = 1; ; attempt += 1) {
      const id = await book(personId, deskId, date);
      probes.add(id);
      await graphql(url, 'mutation($id: ID!) { cancelBooking(id: $id) { id } }', { id }, personId);
      try {
        await recorder.waitUntil((event) => event.booking.id === id && event.booking.status === 'CANCELLED', 5000);
        break;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
    recorder.events.length = 0;
  }

  it('blocks a desk: a dry run counts, the block cancels in its transaction and tells the person live why', async () => {
    const { officeId, deskIds, manager, people } = await setUp(3, 2);
    const [anna, ben] = people;
    const day1 = bookableDay(3);
    const day2 = bookableDay(4);
    const annaBookings = [await book(anna, deskIds[0], day1), await book(anna, deskIds[0], day2, 'FULL_DAY')];
    const benBooking = await book(ben, deskIds[1], day1);

    const dry = await graphql<{ blockDesk: Result }>(
      url,
      BLOCK,
      { i: { deskId: deskIds[0], reason: 'Wasserschaden', dryRun: true } },
      manager,
    );
    expect(dry.data?.blockDesk).toMatchObject({ cancelledBookings: 2, dryRun: true });
    expect(await statusOf(annaBookings)).toEqual(['BOOKED', 'BOOKED']);
    expect(await test.sql('SELECT active FROM desks WHERE id = $1', [deskIds[0]])).toEqual([{ active: true }]);

    const annaLive = follow(anna);
    const availabilityClient = wsClient(url, ben);
    const availability = new EventRecorder<{ deskId: string; free: boolean }>().subscribe(
      availabilityClient,
      AVAILABILITY_CHANGES,
      { o: officeId, d: day1 },
      (data: { deskAvailabilityChanged: { deskId: string; free: boolean } }) => data.deskAvailabilityChanged,
    );
    try {
      await live(anna, annaLive.recorder, deskIds[2]);
      availability.events.length = 0;
      const blocked = await graphql<{ blockDesk: Result }>(
        url,
        BLOCK,
        { i: { deskId: deskIds[0], reason: '  Wasserschaden  ' } },
        manager,
      );
      expect(blocked.data?.blockDesk).toMatchObject({ cancelledBookings: 2, dryRun: false });
      expect(await statusOf(annaBookings)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(await statusOf([benBooking])).toEqual(['BOOKED']);
      const annaEvents = await eventsBeyondProbes(annaLive.recorder, 2);
      expect(annaEvents.map((event) => event.reason)).toEqual(['DESK_BLOCKED', 'DESK_BLOCKED']);
      expect(annaEvents.map((event) => event.booking.cancellationReason)).toEqual(['Wasserschaden', 'Wasserschaden']);
      expect(new Set(annaEvents.map((event) => event.booking.id))).toEqual(new Set(annaBookings));
      await availability.waitFor(1, 10_000);
      expect(availability.events).toContainEqual({ deskId: deskIds[0], free: false });
    } finally {
      await annaLive.stop();
      availability.stop();
      await availabilityClient.dispose();
    }

    const managed = await graphql<{
      managedOffices: { office: { id: string }; areas: { desks: { id: string; blocked: boolean }[] }[] }[];
    }>(url, MANAGED, {}, manager);
    const desks = managed.data?.managedOffices.find((office) => office.office.id === officeId)?.areas[0]?.desks;
    expect(desks?.find((desk) => desk.id === deskIds[0])).toMatchObject({
      blocked: true,
      blockedReason: 'Wasserschaden',
    });
    const refused = await graphql(url, BOOK, { i: { deskId: deskIds[0], date: day1, part: 'AFTERNOON' } }, ben);
    expect(errorCode(refused)).toBe('DESK_BLOCKED');

    const unblocked = await graphql<{ unblockDesk: Result }>(url, UNBLOCK, { d: deskIds[0] }, manager);
    expect(unblocked.data?.unblockDesk.cancelledBookings).toBe(0);
    await book(ben, deskIds[0], day1, 'AFTERNOON');
  });

  it('refuses bad or unauthorised operations and changes nothing', async () => {
    const { officeId, deskIds, manager, people } = await setUp(2, 2);
    const [anna, colleague] = people;
    const booking = await book(anna, deskIds[0], bookableDay(2));
    const outsider = await addOtherOrganisationPerson(test, 'Fremde Verwaltung');
    const block = (reason: string, as: string | undefined) =>
      graphql(url, BLOCK, { i: { deskId: deskIds[0], reason } }, as);

    expect(errorCode(await block('   ', manager))).toBe('INVALID_REASON');
    expect(errorCode(await block('x'.repeat(201), manager))).toBe('INVALID_REASON');
    // Staff without the role are stopped by the guard; a facility manager of another office by the service.
    expect(errorCode(await block('Umbau', colleague))).toBe('FORBIDDEN');
    const elsewhere = await setUp(1, 0);
    const forbidden = await block('Umbau', elsewhere.manager);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.extensions?.['messages']).toMatchObject({ de: expect.stringContaining('Standort') });
    // A facility manager of another organisation, whose offices do not include this one: it does not exist for them.
    await test.sql(`INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`, [
      outsider,
      elsewhere.officeId,
    ]);
    expect(errorCode(await block('Umbau', outsider))).toBe('DESK_NOT_FOUND');
    const close = (from: string, to: string, reason = 'Umzug', as = manager) =>
      graphql(url, CLOSE, { i: { officeId, from, to, reason } }, as);
    expect(errorCode(await close(daysFromToday(5), daysFromToday(4)))).toBe('INVALID_CLOSURE');
    expect(errorCode(await close(daysFromToday(-1), daysFromToday(4)))).toBe('INVALID_CLOSURE');
    expect(errorCode(await close('2027-02-30', daysFromToday(4)))).toBe('INVALID_CLOSURE');
    expect(errorCode(await close(daysFromToday(1), daysFromToday(400)))).toBe('INVALID_CLOSURE');
    expect(errorCode(await close(daysFromToday(1), daysFromToday(4), ''))).toBe('INVALID_REASON');
    expect(errorCode(await close(daysFromToday(1), daysFromToday(4), 'Umzug', outsider))).toBe('OFFICE_NOT_FOUND');
    expect(errorCode(await close(daysFromToday(1), daysFromToday(4), 'Umzug', colleague))).toBe('FORBIDDEN');
    for (const capacityShare of [0, -0.5, 1.5, 0.333]) {
      const response = await graphql(url, CAPACITY, { i: { officeId, capacityShare } }, manager);
      expect(errorCode(response)).toBe('INVALID_CAPACITY');
    }
    expect(errorCode(await graphql(url, CAPACITY, { i: { officeId, capacityShare: 0.5 } }, colleague))).toBe(
      'FORBIDDEN',
    );
    const [ended] = await test.sql<{ id: string }>(
      `INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $2, 'Vorbei') RETURNING id`,
      [officeId, daysFromToday(-3)],
    );
    expect(errorCode(await graphql(url, REOPEN, { id: ended?.id }, manager))).toBe('CLOSURE_ENDED');
    expect(errorCode(await graphql(url, REOPEN, { id: ended?.id }, outsider))).toBe('CLOSURE_NOT_FOUND');

    expect(await statusOf([booking])).toEqual(['BOOKED']);
    expect(await test.sql('SELECT active, blocked_reason FROM desks WHERE id = $1', [deskIds[0]])).toEqual([
      { active: true, blocked_reason: null },
    ]);
    expect(await test.sql('SELECT count(*)::int AS n FROM office_closures WHERE office_id = $1', [officeId])).toEqual([
      { n: 1 },
    ]);
    expect(await test.sql('SELECT capacity_share FROM offices WHERE id = $1', [officeId])).toEqual([
      { capacity_share: null },
    ]);
    const managed = await graphql<{ managedOffices: unknown[] }>(url, MANAGED, {}, colleague);
    expect(errorCode(managed)).toBe('FORBIDDEN');
  });

  it('closes an office: cancels the days in range, ends their waitlist entries, tells people why', async () => {
    const { officeId, deskIds, manager, people } = await setUp(2, 3);
    const [anna, ben, waiting] = people;
    const inside = bookableDay(6);
    const outside = bookableDay(9);
    const cancelled = [await book(anna, deskIds[0], inside), await book(ben, deskIds[1], bookableDay(7))];
    const kept = await book(anna, deskIds[0], outside);
    await test.sql(
      `INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, 'MORNING'), ($1, $2, $4, 'MORNING')`,
      [officeId, waiting, inside, outside],
    );

    const dry = await graphql<{ addOfficeClosure: Result }>(
      url,
      CLOSE,
      { i: { officeId, from: bookableDay(5), to: bookableDay(8), reason: 'Umzug', dryRun: true } },
      manager,
    );
    expect(dry.data?.addOfficeClosure).toMatchObject({ cancelledBookings: 2, endedWaitlistEntries: 1, dryRun: true });
    expect(dry.data?.addOfficeClosure.office.closures).toEqual([]);

    const annaLive = follow(anna);
    try {
      await live(anna, annaLive.recorder, deskIds[1]);
      const closed = await graphql<{ addOfficeClosure: Result }>(
        url,
        CLOSE,
        { i: { officeId, from: bookableDay(5), to: bookableDay(8), reason: 'Umzug der Abteilung' } },
        manager,
      );
      expect(closed.data?.addOfficeClosure).toMatchObject({ cancelledBookings: 2, endedWaitlistEntries: 1 });
      expect(closed.data?.addOfficeClosure.office.closures).toEqual([
        { id: expect.any(String), from: bookableDay(5), to: bookableDay(8), reason: 'Umzug der Abteilung' },
      ]);
      const [closedEvent] = await eventsBeyondProbes(annaLive.recorder, 1);
      expect(closedEvent).toEqual({
        reason: 'OFFICE_CLOSED',
        booking: { id: cancelled[0], status: 'CANCELLED', cancellationReason: 'Umzug der Abteilung' },
      });
    } finally {
      await annaLive.stop();
    }
    expect(await statusOf(cancelled)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await statusOf([kept])).toEqual(['BOOKED']);
    expect(
      await test.sql<{ date: string; status: string }>(
        'SELECT date, status FROM waitlist_entries WHERE person_id = $1 ORDER BY date',
        [waiting],
      ),
    ).toEqual([
      { date: inside, status: 'LEFT' },
      { date: outside, status: 'WAITING' },
    ]);
    expect(errorCode(await graphql(url, BOOK, { i: { deskId: deskIds[1], date: inside, part: 'MORNING' } }, ben))).toBe(
      'CLOSURE',
    );

    const [closure] = await test.sql<{ id: string }>('SELECT id FROM office_closures WHERE office_id = $1', [officeId]);
    const reopened = await graphql<{ removeOfficeClosure: Result }>(url, REOPEN, { id: closure?.id }, manager);
    expect(reopened.data?.removeOfficeClosure.office.closures).toEqual([]);
    await book(ben, deskIds[1], inside);
    // History is kept: the closure's cancellations stay.
    expect(await statusOf(cancelled)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('lowers the capacity cap: cancels the most recently made bookings above it, per date and half-day', async () => {
    const { officeId, deskIds, manager, people } = await setUp(4, 4);
    const date = bookableDay(10);
    const made: string[] = [];
    for (const [index, person] of people.entries()) {
      made.push(await book(person, deskIds[index], date, index === 3 ? 'AFTERNOON' : 'MORNING'));
    }
    const other = await book(people[0], deskIds[0], bookableDay(11));

    const newestLive = follow(people[2]);
    try {
      await live(people[2], newestLive.recorder, deskIds[3]);
      // Cap 0.25 of 4 desks: 1 per half-day. Mornings: first, second, third booked; the two newest go.
      const capped = await graphql<{ setOfficeCapacity: Result }>(
        url,
        CAPACITY,
        { i: { officeId, capacityShare: 0.25 } },
        manager,
      );
      expect(capped.data?.setOfficeCapacity).toMatchObject({ cancelledBookings: 2, office: { capacityShare: 0.25 } });
      const [cappedEvent] = await eventsBeyondProbes(newestLive.recorder, 1);
      expect(cappedEvent).toMatchObject({
        reason: 'CAPACITY_REDUCED',
        booking: { id: made[2], status: 'CANCELLED' },
      });
    } finally {
      await newestLive.stop();
    }
    expect(await statusOf([made[0] ?? ''])).toEqual(['BOOKED']);
    expect(await statusOf([made[1] ?? '', made[2] ?? ''])).toEqual(['CANCELLED', 'CANCELLED']);
    expect(await statusOf([made[3] ?? '', other])).toEqual(['BOOKED', 'BOOKED']);
    expect(errorCode(await graphql(url, BOOK, { i: { deskId: deskIds[1], date, part: 'MORNING' } }, people[1]))).toBe(
      'OVER_CAPACITY',
    );

    const lifted = await graphql<{ setOfficeCapacity: Result }>(
      url,
      CAPACITY,
      { i: { officeId, capacityShare: null } },
      manager,
    );
    expect(lifted.data?.setOfficeCapacity).toMatchObject({ cancelledBookings: 0, office: { capacityShare: null } });
    await book(people[1], deskIds[1], date);
  });

  it('blocking a desk lowers the cap: the newest bookings above it go too', async () => {
    const { deskIds, manager, people } = await setUp(4, 3, 0.5);
    const date = bookableDay(12);
    const made = [await book(people[0], deskIds[0], date), await book(people[1], deskIds[1], date)];
    // Blocking an unbooked desk: 3 active desks, cap 1 (0.5 × 3 rounded down); the newer booking goes.
    const blocked = await graphql<{ blockDesk: Result }>(
      url,
      BLOCK,
      { i: { deskId: deskIds[3], reason: 'Defekter Stuhl' } },
      manager,
    );
    expect(blocked.data?.blockDesk.cancelledBookings).toBe(1);
    expect(await statusOf([made[0] ?? ''])).toEqual(['BOOKED']);
    expect(await statusOf([made[1] ?? ''])).toEqual(['CANCELLED']);
  });

  it('hands the room an unblocked desk or a higher cap makes to the people waiting, in the same transaction', async () => {
    const { officeId, deskIds, manager, people } = await setUp(2, 4);
    const [anna, ben, waitingFirst, waitingSecond] = people;
    const date = bookableDay(13);
    // Desk 2 blocked, desk 1 booked: the office is full; two people wait, first for the morning, then a full day.
    await graphql(url, BLOCK, { i: { deskId: deskIds[1], reason: 'Umbau' } }, manager);
    await book(anna, deskIds[0], date, 'FULL_DAY');
    for (const [person, part] of [
      [waitingFirst, 'MORNING'],
      [waitingSecond, 'FULL_DAY'],
    ] as const) {
      const joined = await graphql(
        url,
        'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { status } }',
        { i: { officeId, date, part } },
        person,
      );
      expect(joined.errors).toBeUndefined();
    }
    const firstLive = follow(waitingFirst);
    try {
      await live(waitingFirst, firstLive.recorder, deskIds[0]);
      const unblocked = await graphql<{ unblockDesk: Result & { seatedFromWaitlist: number } }>(
        url,
        UNBLOCK.replace('cancelledBookings', 'cancelledBookings seatedFromWaitlist'),
        { d: deskIds[1] },
        manager,
      );
      expect(unblocked.data?.unblockDesk).toMatchObject({ cancelledBookings: 0, seatedFromWaitlist: 1 });
      const [seatedEvent] = await eventsBeyondProbes(firstLive.recorder, 1);
      expect(seatedEvent).toMatchObject({
        reason: 'WAITLIST_ASSIGNED',
        booking: { status: 'BOOKED' },
      });
    } finally {
      await firstLive.stop();
    }
    // The first in line got the freed desk for the morning; the full day no longer fits anywhere: still waiting.
    expect(
      await test.sql<{ person_id: string; status: string }>(
        'SELECT person_id, status FROM waitlist_entries WHERE office_id = $1 ORDER BY created_at',
        [officeId],
      ),
    ).toEqual([
      { person_id: waitingFirst, status: 'ASSIGNED' },
      { person_id: waitingSecond, status: 'WAITING' },
    ]);
    expect(
      await test.sql('SELECT desk_id, part, source FROM bookings WHERE person_id = $1 AND date = $2', [
        waitingFirst,
        date,
      ]),
    ).toEqual([{ desk_id: deskIds[1], part: 'MORNING', source: 'WAITLIST' }]);

    // A cap of 50 % (1 desk per half-day) cancels the newest booking above it (the morning the waitlist gave) and
    // makes a person wait on another date; lifting it seats whoever waits where there is room, in line order.
    const capped = bookableDay(14);
    const capping = await graphql<{ setOfficeCapacity: Result }>(
      url,
      CAPACITY,
      { i: { officeId, capacityShare: 0.5 } },
      manager,
    );
    expect(capping.data?.setOfficeCapacity.cancelledBookings).toBe(1);
    await book(ben, deskIds[0], capped, 'FULL_DAY');
    await graphql(
      url,
      'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { status } }',
      { i: { officeId, date: capped, part: 'AFTERNOON' } },
      waitingSecond,
    );
    const lift = (dryRun: boolean) =>
      graphql<{ setOfficeCapacity: { seatedFromWaitlist: number; dryRun: boolean } }>(
        url,
        'mutation($i: OfficeCapacityInput!) { setOfficeCapacity(input: $i) { seatedFromWaitlist dryRun } }',
        { i: { officeId, capacityShare: null, dryRun } },
        manager,
      );
    const seatsOf = () =>
      test.sql('SELECT date, desk_id, part, source FROM bookings WHERE person_id = $1 ORDER BY date', [waitingSecond]);
    expect((await lift(true)).data?.setOfficeCapacity).toEqual({ seatedFromWaitlist: 2, dryRun: true });
    expect(await seatsOf()).toEqual([]);
    expect((await lift(false)).data?.setOfficeCapacity).toEqual({ seatedFromWaitlist: 2, dryRun: false });
    expect(await seatsOf()).toEqual([
      { date, desk_id: deskIds[1], part: 'FULL_DAY', source: 'WAITLIST' },
      { date: capped, desk_id: deskIds[1], part: 'AFTERNOON', source: 'WAITLIST' },
    ]);
  });

  it('never leaves a live booking on a blocked desk or a closed day when bookings race the operation', async () => {
    const { officeId, deskIds, manager, people } = await setUp(4, 8);
    const dates = [1, 2, 3, 4].map((n) => bookableDay(20 + n));
    const racing = people.map((person, index) =>
      graphql(
        url,
        BOOK,
        { i: { deskId: deskIds[0], date: dates[index % 4], part: index < 4 ? 'MORNING' : 'AFTERNOON' } },
        person,
      ),
    );
    const block = graphql<{ blockDesk: Result }>(url, BLOCK, { i: { deskId: deskIds[0], reason: 'Umbau' } }, manager);
    const closingDesks = people.map((person, index) =>
      graphql(url, BOOK, { i: { deskId: deskIds[1 + (index % 3)], date: dates[0], part: 'FULL_DAY' } }, person),
    );
    const close = graphql(url, CLOSE, { i: { officeId, from: dates[0], to: dates[0], reason: 'Strom aus' } }, manager);
    const results = await Promise.all([...racing, block, ...closingDesks, close]);
    expect(
      results.every((response) => !response.errors || response.errors[0]?.extensions?.code !== 'INTERNAL_SERVER_ERROR'),
    ).toBe(true);
    expect(errorCode(await block)).toBeUndefined();
    expect(errorCode(await close)).toBeUndefined();
    const liveOnBlocked = await test.sql(
      `SELECT id FROM bookings WHERE desk_id = $1 AND status IN ('BOOKED', 'CHECKED_IN')`,
      [deskIds[0]],
    );
    expect(liveOnBlocked).toEqual([]);
    const liveOnClosed = await test.sql(
      `SELECT b.id FROM bookings b JOIN desks d ON d.id = b.desk_id
       WHERE d.office_id = $1 AND b.date = $2 AND b.status IN ('BOOKED', 'CHECKED_IN')`,
      [officeId, dates[0]],
    );
    expect(liveOnClosed).toEqual([]);
  });
});
