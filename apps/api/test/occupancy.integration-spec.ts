import { todayInOfficeZone } from '@nahbar/domain';

import { AvailabilityEvents } from '../src/realtime/availability-events.js';
import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  nextOpenDay,
  plainDesks,
  type TestOffice,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const COUNTS = 'desks booked checkedIn free blocked released';
const OCCUPANCY = `query($o: ID!, $d: String) {
  officeOccupancy(officeId: $o, date: $d) {
    officeId officeName date
    areas { areaId areaName morning { ${COUNTS} } afternoon { ${COUNTS} } }
    morning { ${COUNTS} } afternoon { ${COUNTS} }
  }
}`;
const CHANGED = `subscription($o: ID!, $d: String) {
  officeOccupancyChanged(officeId: $o, date: $d) { date morning { ${COUNTS} } afternoon { ${COUNTS} } }
}`;
const OFFICES = '{ occupancyOffices { id name } }';
const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const CHECK_IN = 'mutation($t: String!) { checkIn(token: $t) { id status } }';

interface Counts {
  desks: number;
  booked: number;
  checkedIn: number;
  free: number;
  blocked: number;
  released: number;
}
interface Occupancy {
  officeId: string;
  officeName: string;
  date: string;
  areas: { areaId: string; areaName: string; morning: Counts; afternoon: Counts }[];
  morning: Counts;
  afternoon: Counts;
}
type Pushed = Pick<Occupancy, 'date' | 'morning' | 'afternoon'>;

const counts = (desks: number, booked: number, checkedIn: number, blocked: number, released: number): Counts => ({
  desks,
  booked,
  checkedIn,
  free: desks - booked - blocked,
  blocked,
  released,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('live occupancy of an office on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
  });

  afterAll(async () => {
    await test?.stop();
  });

  /** A fresh office with a facility manager of its own. */
  async function officeWithManager(desks = plainDesks(6)): Promise<TestOffice & { manager: string }> {
    offices += 1;
    const office = await addOffice(test, { name: `Belegungsbüro ${kind} ${offices}`, desks });
    const [manager] = await addPeople(test, 1, `Standortleitung ${kind} ${offices}`);
    await test.sql(`INSERT INTO role_assignments (person_id, role, office_id) VALUES ($1, 'FACILITY_MANAGER', $2)`, [
      manager,
      office.officeId,
    ]);
    return { ...office, manager: manager as string };
  }

  /** A booking inserted as a fixture, made the day before its date (so a check-in window applies to it). */
  async function booking(personId: string, deskId: string, date: string, part: string, status = 'BOOKED') {
    await test.sql(
      `INSERT INTO bookings (person_id, desk_id, date, part, status, checked_in_at, released_at, cancelled_at, created_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'CHECKED_IN' THEN now() END, CASE WHEN $5 = 'RELEASED' THEN now() END,
               CASE WHEN $5 = 'CANCELLED' THEN now() END, least(now(), ($3::date - 1)::timestamptz))`,
      [personId, deskId, date, part, status],
    );
  }

  async function occupancy(personId: string | undefined, officeId: string, date?: string) {
    return graphql<{ officeOccupancy: Occupancy }>(url, OCCUPANCY, { o: officeId, d: date }, personId);
  }

  function follow(personId: string, officeId: string, date: string) {
    const client = wsClient(url, personId);
    const recorder = new EventRecorder<Pushed>().subscribe(
      client,
      CHANGED,
      { o: officeId, d: date },
      (data: { officeOccupancyChanged: Pushed }) => data.officeOccupancyChanged,
    );
    return { client, recorder };
  }

  /**
   * Announces a change of a desk (as a commit would) until the subscriber has heard of it, then forgets what it
   * heard: from then on the subscription is live. (Real bookings as probes would depend on today being bookable.)
   */
  async function waitUntilLive(recorder: EventRecorder<Pushed>, officeId: string, deskId: string, date: string) {
    const events = test.api.app.get(AvailabilityEvents);
    for (let attempt = 0; attempt < 50 && recorder.events.length === 0; attempt += 1) {
      await events.deskChanged({ officeId, date, deskId });
      await pause(100);
    }
    if (recorder.events.length === 0) throw new Error('subscription never became live');
    // Let a trailing push of the probes arrive, then start from nothing.
    await pause(400);
    recorder.events.length = 0;
  }

  it('counts per area and half of the day: booked, checked in, free, blocked and released; a full day in both', async () => {
    const { officeId, deskIds, areaIds, manager } = await officeWithManager([
      { code: 'N-1', area: 'Nord' },
      { code: 'N-2', area: 'Nord' },
      { code: 'N-3', area: 'Nord' },
      { code: 'N-4', area: 'Nord' },
      { code: 'S-1', area: 'Süd' },
      { code: 'S-2', area: 'Süd' },
    ]);
    const [n1, n2, n3, n4, s1, s2] = deskIds as [string, string, string, string, string, string];
    const people = await addPeople(test, 6, `Belegt ${kind}`);
    const [p1, p2, p3, p4, p5, p6] = people as [string, string, string, string, string, string];
    const date = nextOpenDay(3);
    await booking(p1, n1, date, 'MORNING');
    await booking(p2, n2, date, 'FULL_DAY', 'CHECKED_IN');
    await booking(p3, n1, date, 'AFTERNOON', 'RELEASED');
    await booking(p4, n4, date, 'FULL_DAY', 'CANCELLED');
    await booking(p5, s1, date, 'AFTERNOON', 'CHECKED_IN');
    await booking(p6, s2, date, 'FULL_DAY', 'RELEASED');
    await booking(p3, s2, date, 'AFTERNOON');
    // Another day does not count.
    await booking(p1, n3, nextOpenDay(4), 'FULL_DAY');
    await test.sql('UPDATE desks SET active = false WHERE id = $1', [n3]);

    const response = await occupancy(manager, officeId, date);
    expect(response.errors).toBeUndefined();
    expect(response.data?.officeOccupancy).toEqual({
      officeId,
      officeName: expect.stringContaining('Belegungsbüro'),
      date,
      areas: [
        {
          areaId: areaIds.get('Nord'),
          areaName: 'Nord',
          morning: counts(4, 2, 1, 1, 0),
          afternoon: counts(4, 1, 1, 1, 1),
        },
        {
          areaId: areaIds.get('Süd'),
          areaName: 'Süd',
          morning: counts(2, 0, 0, 0, 1),
          afternoon: counts(2, 2, 1, 0, 1),
        },
      ],
      morning: counts(6, 2, 1, 1, 1),
      afternoon: counts(6, 3, 2, 1, 2),
    });

    // Without a date: today in Europe/Berlin, nothing booked there.
    const today = await occupancy(manager, officeId);
    expect(today.data?.officeOccupancy.date).toBe(todayInOfficeZone());
    expect(today.data?.officeOccupancy.morning).toEqual(counts(6, 0, 0, 1, 0));
  });

  it('is for the office’s facility managers and its operator’s admins: staff FORBIDDEN, others OFFICE_NOT_FOUND', async () => {
    const { officeId, manager } = await officeWithManager();
    const [staff, admin] = await addPeople(test, 2, `Zugriff ${kind}`);
    await test.sql(
      `INSERT INTO role_assignments (person_id, role, organisation_id)
       SELECT $1, 'ORGANISATION_ADMIN', operator_id FROM offices WHERE id = $2`,
      [admin, officeId],
    );
    const stranger = await addOtherOrganisationPerson(test, `Fremd Belegung ${kind}`);
    const date = nextOpenDay(2);

    expect((await occupancy(manager, officeId, date)).data?.officeOccupancy.officeId).toBe(officeId);
    expect((await occupancy(admin, officeId, date)).data?.officeOccupancy.officeId).toBe(officeId);
    const forbidden = await occupancy(staff, officeId, date);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.extensions?.['messages']).toEqual({
      de: expect.stringContaining('Standortverwaltung'),
      en: expect.stringContaining('facility managers'),
    });
    expect(forbidden.data ?? null).toBeNull();
    expect(errorCode(await occupancy(stranger, officeId, date))).toBe('OFFICE_NOT_FOUND');
    expect(errorCode(await occupancy(manager, '00000000-0000-4000-8000-000000000000', date))).toBe('OFFICE_NOT_FOUND');
    expect(errorCode(await occupancy(manager, officeId, '2027-02-30'))).toBe('INVALID_DATE');
    expect(errorCode(await occupancy(manager, 'büro', date))).toBe('BAD_USER_INPUT');
    expect(errorCode(await occupancy(undefined, officeId, date))).toBe('UNAUTHENTICATED');

    const listed = await graphql<{ occupancyOffices: { id: string }[] }>(url, OFFICES, {}, manager);
    expect(listed.data?.occupancyOffices).toEqual([{ id: officeId, name: expect.any(String) }]);
    const adminList = await graphql<{ occupancyOffices: { id: string }[] }>(url, OFFICES, {}, admin);
    expect(adminList.data?.occupancyOffices.map((office) => office.id)).toContain(officeId);
    expect(errorCode(await graphql(url, OFFICES, {}, staff))).toBe('FORBIDDEN');

    // A subscription is refused the same way, before it starts.
    for (const [personId, code] of [
      [staff, 'FORBIDDEN'],
      [stranger, 'OFFICE_NOT_FOUND'],
    ] as const) {
      const { client, recorder } = follow(personId as string, officeId, date);
      try {
        await recorder.waitFor(1, 2000).catch(() => undefined);
        const [first] = recorder.errors;
        const error = (Array.isArray(first) ? first[0] : first) as { extensions?: { code?: string } } | undefined;
        expect(error?.extensions?.code).toBe(code);
      } finally {
        recorder.stop();
        await client.dispose();
      }
    }
  });

  it('pushes new counts within a second after someone books, nothing for a refused booking, and after a check-in', async () => {
    const { officeId, deskIds, manager } = await officeWithManager(plainDesks(5));
    const [booker, holder] = await addPeople(test, 2, `Live ${kind}`);
    const date = nextOpenDay(5);
    await booking(holder as string, deskIds[0] as string, date, 'FULL_DAY');

    const { client, recorder } = follow(manager, officeId, date);
    try {
      await waitUntilLive(recorder, officeId, deskIds[4] as string, date);

      // A refused booking rolls back and announces nothing.
      const refused = await graphql(url, BOOK, { i: { deskId: deskIds[0], date, part: 'MORNING' } }, booker);
      expect(errorCode(refused)).toBe('DESK_TAKEN');
      await pause(600);
      expect(recorder.events).toEqual([]);

      const booked = await graphql(url, BOOK, { i: { deskId: deskIds[1], date, part: 'AFTERNOON' } }, booker);
      expect(booked.errors).toBeUndefined();
      // How fast is tools/bench/fanout.mjs's figure; the wait only guards against a hang.
      await recorder.waitFor(1, 10_000);
      expect(recorder.errors).toEqual([]);
      expect(recorder.events[0]).toEqual({
        date,
        morning: counts(5, 1, 0, 0, 0),
        afternoon: counts(5, 2, 0, 0, 0),
      });
    } finally {
      recorder.stop();
      await client.dispose();
    }

    // Check-in happens today: the whole day is the window, so the test does not depend on the time it runs.
    const today = todayInOfficeZone();
    await test.sql(
      `UPDATE offices SET check_in_opens = '00:00', check_in_deadline_morning = '23:59:59',
                          check_in_deadline_afternoon = '23:59:59' WHERE id = $1`,
      [officeId],
    );
    await booking(booker as string, deskIds[2] as string, today, 'MORNING');
    const [desk] = await test.sql<{ check_in_token: string }>('SELECT check_in_token FROM desks WHERE id = $1', [
      deskIds[2],
    ]);
    const live = follow(manager, officeId, today);
    try {
      await waitUntilLive(live.recorder, officeId, deskIds[4] as string, today);
      const started = Date.now();
      const checkedIn = await graphql<{ checkIn: { status: string } }>(
        url,
        CHECK_IN,
        { t: desk?.check_in_token },
        booker,
      );
      expect(checkedIn.data?.checkIn.status).toBe('CHECKED_IN');
      // A push of the probe that made the subscription live may still arrive first (pushes are coalesced): wait for
      // the one with the check-in, under a deadline against a hung test; the latency is printed, not asserted.
      const expected = counts(5, 1, 1, 0, 0);
      for (let seen = 1; ; seen += 1) {
        await live.recorder.waitFor(seen, 10_000);
        if (live.recorder.events.some((event) => JSON.stringify(event.morning) === JSON.stringify(expected))) break;
      }
      console.info(`check-in pushed after ${Date.now() - started} ms`);
    } finally {
      live.recorder.stop();
      await live.client.dispose();
    }
  });

  it('coalesces a burst: twenty bookings at once give a few pushes, the last with all of them', async () => {
    const { officeId, deskIds, manager } = await officeWithManager(plainDesks(21));
    const people = await addPeople(test, 21, `Ansturm ${kind}`);
    const date = nextOpenDay(6);
    const { client, recorder } = follow(manager, officeId, date);
    try {
      await waitUntilLive(recorder, officeId, deskIds[20] as string, date);
      const started = Date.now();
      const results = await Promise.all(
        people
          .slice(0, 20)
          .map((personId, index) =>
            graphql(url, BOOK, { i: { deskId: deskIds[index], date, part: 'FULL_DAY' } }, personId),
          ),
      );
      expect(results.filter((result) => result.errors)).toEqual([]);
      // A guard against a hang, not a timing assertion: it ends as soon as the last push arrives.
      const deadline = Date.now() + 15_000;
      while (recorder.events.at(-1)?.morning.booked !== 20 && Date.now() < deadline) await pause(20);
      const elapsed = Date.now() - started;
      expect(recorder.events.at(-1)?.morning).toEqual(counts(21, 20, 0, 0, 0));
      // Each push is a full re-read, at most one per 250 ms: the burst took a handful, not twenty.
      await pause(400);
      expect(recorder.events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
      expect(recorder.events.length).toBeLessThan(20);
    } finally {
      recorder.stop();
      await client.dispose();
    }
  });

  it('ends the stream with FORBIDDEN once the role is taken away', async () => {
    const { officeId, deskIds, manager } = await officeWithManager(plainDesks(3));
    const [booker] = await addPeople(test, 1, `Entzug ${kind}`);
    const date = nextOpenDay(7);
    const { client, recorder } = follow(manager, officeId, date);
    let completed = false;
    try {
      await waitUntilLive(recorder, officeId, deskIds[2] as string, date);
      await test.sql(`DELETE FROM role_assignments WHERE person_id = $1`, [manager]);
      const booked = await graphql(url, BOOK, { i: { deskId: deskIds[0], date, part: 'MORNING' } }, booker);
      expect(booked.errors).toBeUndefined();
      await recorder.waitFor(1, 1500).catch(() => undefined);
      expect(recorder.events).toEqual([]);
      const [first] = recorder.errors as { extensions?: { code?: string } }[];
      expect(first?.extensions?.code).toBe('FORBIDDEN');
      // Nothing more after that.
      await graphql(url, BOOK, { i: { deskId: deskIds[1], date, part: 'MORNING' } }, booker);
      await pause(600);
      expect(recorder.events).toEqual([]);
      completed = true;
    } finally {
      recorder.stop();
      await client.dispose();
    }
    expect(completed).toBe(true);
  });
});
