import { type CivilDate, OFFICE_ZONE, todayInOfficeZone } from '@nahbar/domain';
import { DateTime } from 'luxon';

import { CheckInService } from '../src/bookings/check-in.service.js';
import { NoShowReleaseJob } from '../src/bookings/no-show-release.job.js';
import type { Caller } from '../src/identity/caller.js';
import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  daysFromToday,
  nextOpenDay,
  plainDesks,
  type TestOffice,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const DESK_BY_TOKEN = `query($t: String!) {
  deskByCheckInToken(token: $t) { deskId code areaName office { id } myBookingToday { id status checkedInAt } }
}`;
const CHECK_IN = 'mutation($t: String!) { checkIn(token: $t) { id status checkedInAt } }';
const MY_CHANGES = 'subscription { myBookingChanged { reason booking { id status deskId } } }';
const DESK_CHANGES = `subscription($o: ID!, $d: String!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: MORNING) { deskId free morningFree afternoonFree }
}`;

interface Change {
  reason: string;
  booking: { id: string; status: string; deskId: string };
}
interface DeskChange {
  deskId: string;
  free: boolean;
  morningFree: boolean;
  afternoonFree: boolean;
}

/** An instant given as wall-clock time in Europe/Berlin. */
const berlin = (date: string, time: string): Date =>
  DateTime.fromISO(`${date}T${time}`, { zone: OFFICE_ZONE }).toJSDate();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('check-in and no-show release on %s', (kind) => {
  let test: TestApi;
  let job: NoShowReleaseJob;
  let checkIns: CheckInService;
  let offices = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
    job = test.api.app.get(NoShowReleaseJob);
    checkIns = test.api.app.get(CheckInService);
  });

  afterAll(async () => {
    await test?.stop();
  });

  async function office(desks = 4): Promise<TestOffice> {
    offices += 1;
    return addOffice(test, { name: `Check-in-Büro ${offices}`, desks: plainDesks(desks) });
  }

  async function setWindow(officeId: string, opens: string, morning: string, afternoon: string): Promise<void> {
    await test.sql(
      `UPDATE offices SET check_in_opens = $2, check_in_deadline_morning = $3, check_in_deadline_afternoon = $4
       WHERE id = $1`,
      [officeId, opens, morning, afternoon],
    );
  }

  async function tokenOf(deskId: string | undefined): Promise<string> {
    const [row] = await test.sql<{ check_in_token: string }>('SELECT check_in_token FROM desks WHERE id = $1', [
      deskId,
    ]);
    if (!row) throw new Error('desk missing');
    return row.check_in_token;
  }

  /**
   * A booking inserted as a fixture (today may be a day the office is closed), made before its day: a booking made
   * after its deadline is never a no-show.
   */
  async function booking(
    personId: string | undefined,
    deskId: string | undefined,
    date: string,
    part: string,
    checkedIn = false,
  ): Promise<string> {
    const [row] = await test.sql<{ id: string }>(
      `INSERT INTO bookings (person_id, desk_id, date, part, status, checked_in_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, least(now(), ($3::date - 1)::timestamptz)) RETURNING id`,
      [personId, deskId, date, part, checkedIn ? 'CHECKED_IN' : 'BOOKED', checkedIn ? new Date() : null],
    );
    if (!row) throw new Error('booking not inserted');
    return row.id;
  }

  async function callerOf(personId: string | undefined): Promise<Caller> {
    const [row] = await test.sql<{ organisation_id: string }>('SELECT organisation_id FROM people WHERE id = $1', [
      personId,
    ]);
    if (!row || !personId) throw new Error('person missing');
    return { personId, organisationId: row.organisation_id, adminOf: [], facilityManagerOf: [], leadOf: [] };
  }

  async function statusOf(
    id: string,
  ): Promise<{ status: string; checked_in_at: Date | null; released_at: Date | null }> {
    const [row] = await test.sql<{ status: string; checked_in_at: Date | null; released_at: Date | null }>(
      'SELECT status, checked_in_at, released_at FROM bookings WHERE id = $1',
      [id],
    );
    if (!row) throw new Error('booking missing');
    return row;
  }

  it('deskByCheckInToken names the desk and the caller’s booking of it today; others read it as not found', async () => {
    const { officeId, deskIds } = await office();
    const [holder, other] = await addPeople(test, 2, `Token ${kind}`);
    const stranger = await addOtherOrganisationPerson(test, `Fremd ${kind}`);
    const today = todayInOfficeZone();
    const bookingId = await booking(holder, deskIds[0], today, 'FULL_DAY');
    await booking(holder, deskIds[1], daysFromToday(1), 'FULL_DAY');
    const token = await tokenOf(deskIds[0]);
    expect(token).toMatch(/^[0-9a-f]{32}$/);

    const mine = await graphql<{ deskByCheckInToken: unknown }>(test.api.url, DESK_BY_TOKEN, { t: token }, holder);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.deskByCheckInToken).toEqual({
      deskId: deskIds[0],
      code: 'P-01',
      areaName: 'Fläche',
      office: { id: officeId },
      myBookingToday: { id: bookingId, status: 'BOOKED', checkedInAt: null },
    });
    // Tomorrow's booking of another desk is not today's booking of this one.
    const tomorrow = await graphql<{ deskByCheckInToken: { myBookingToday: unknown } }>(
      test.api.url,
      DESK_BY_TOKEN,
      { t: await tokenOf(deskIds[1]) },
      holder,
    );
    expect(tomorrow.data?.deskByCheckInToken.myBookingToday).toBeNull();
    const theirs = await graphql<{ deskByCheckInToken: { myBookingToday: unknown } }>(
      test.api.url,
      DESK_BY_TOKEN,
      { t: token },
      other,
    );
    expect(theirs.data?.deskByCheckInToken.myBookingToday).toBeNull();
    expect(errorCode(await graphql(test.api.url, DESK_BY_TOKEN, { t: token }, stranger))).toBe('DESK_NOT_FOUND');
    expect(errorCode(await graphql(test.api.url, DESK_BY_TOKEN, { t: 'nope' }, holder))).toBe('DESK_NOT_FOUND');
    expect(errorCode(await graphql(test.api.url, DESK_BY_TOKEN, { t: token }))).toBe('UNAUTHENTICATED');
  });

  it('checks in within the window: CHECKED_IN with its time, the person is told live, again is a no-op', async () => {
    const { officeId, deskIds } = await office();
    const [person] = await addPeople(test, 1, `Eincheck ${kind}`);
    // The whole day is the window, so the test does not depend on the time it runs.
    await setWindow(officeId, '00:00', '23:59:59', '23:59:59');
    const bookingId = await booking(person, deskIds[0], todayInOfficeZone(), 'MORNING');
    const token = await tokenOf(deskIds[0]);

    const client = wsClient(test.api.url, person);
    const changes = new EventRecorder<Change>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: Change }) => data.myBookingChanged,
    );
    try {
      await pause(300);
      const before = Date.now();
      const response = await graphql<{ checkIn: { id: string; status: string; checkedInAt: string } }>(
        test.api.url,
        CHECK_IN,
        { t: token },
        person,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.checkIn).toEqual({ id: bookingId, status: 'CHECKED_IN', checkedInAt: expect.any(String) });
      const checkedInAt = Date.parse(response.data?.checkIn.checkedInAt ?? '');
      expect(checkedInAt).toBeGreaterThanOrEqual(before - 1000);
      expect(checkedInAt).toBeLessThanOrEqual(Date.now() + 1000);

      await changes.waitFor(1, 10_000);
      expect(changes.events[0]).toEqual({
        reason: 'CHECKED_IN',
        booking: { id: bookingId, status: 'CHECKED_IN', deskId: deskIds[0] },
      });

      const again = await graphql<{ checkIn: { id: string; status: string; checkedInAt: string } }>(
        test.api.url,
        CHECK_IN,
        { t: token },
        person,
      );
      expect(again.data?.checkIn).toEqual(response.data?.checkIn);
      // A checked-in booking is kept by the release job, whatever the time.
      await job.releaseDue(berlin(todayInOfficeZone(), '23:59:59.500'));
      expect((await statusOf(bookingId)).status).toBe('CHECKED_IN');
    } finally {
      changes.stop();
      await client.dispose();
    }
  });

  it('refuses a check-in too early, too late, without a booking and with an unknown token', async () => {
    const early = await office();
    const late = await office();
    const [person, nobody] = await addPeople(test, 2, `Zu früh ${kind}`);
    const today = todayInOfficeZone();
    // Opens in the last two seconds of the day / closes after the first second: safe whenever the test runs.
    await setWindow(early.officeId, '23:59:58', '23:59:59', '23:59:59');
    await setWindow(late.officeId, '00:00', '00:00:01', '00:00:01');
    await booking(person, early.deskIds[0], today, 'MORNING');
    await booking(person, late.deskIds[0], today, 'AFTERNOON');
    const earlyToken = await tokenOf(early.deskIds[0]);

    const tooEarly = await graphql(test.api.url, CHECK_IN, { t: earlyToken }, person);
    expect(errorCode(tooEarly)).toBe('CHECK_IN_NOT_OPEN');
    expect(tooEarly.errors?.[0]?.extensions?.['messages']).toEqual({
      de: expect.stringContaining('23:59'),
      en: expect.stringContaining('23:59'),
    });
    expect(errorCode(await graphql(test.api.url, CHECK_IN, { t: await tokenOf(late.deskIds[0]) }, person))).toBe(
      'CHECK_IN_CLOSED',
    );
    expect(errorCode(await graphql(test.api.url, CHECK_IN, { t: earlyToken }, nobody))).toBe('NO_BOOKING_TO_CHECK_IN');
    expect(errorCode(await graphql(test.api.url, CHECK_IN, { t: 'unbekannt' }, person))).toBe('DESK_NOT_FOUND');

    // The same rules at chosen instants of another day, in Europe/Berlin (default window 07:00 to 10:00 / 14:00).
    const { deskIds } = await office();
    const date = daysFromToday(40);
    const bookingId = await booking(person, deskIds[0], date, 'MORNING');
    const caller = await callerOf(person);
    const token = await tokenOf(deskIds[0]);
    await expect(checkIns.checkIn(caller, token, berlin(date, '06:59:59'))).rejects.toMatchObject({
      code: 'CHECK_IN_NOT_OPEN',
    });
    await expect(checkIns.checkIn(caller, token, berlin(date, '10:00'))).rejects.toMatchObject({
      code: 'CHECK_IN_CLOSED',
    });
    await expect(checkIns.checkIn(caller, token, berlin(daysFromToday(39), '08:00'))).rejects.toMatchObject({
      code: 'NO_BOOKING_TO_CHECK_IN',
    });
    const done = await checkIns.checkIn(caller, token, berlin(date, '09:59'));
    expect(done).toMatchObject({
      id: bookingId,
      status: 'CHECKED_IN',
      checkedInAt: berlin(date, '09:59').toISOString(),
    });
  });

  it('releases due no-shows, keeps checked-in and not yet due ones, and hands the desk to the waitlist', async () => {
    const { officeId, deskIds } = await office(4);
    const [absent, afternoon, present, absentFullDay, waiting, watcher] = await addPeople(test, 6, `No-Show ${kind}`);
    const date: CivilDate = nextOpenDay(3);
    const morningId = await booking(absent, deskIds[0], date, 'MORNING');
    const afternoonId = await booking(afternoon, deskIds[1], date, 'AFTERNOON');
    const presentId = await booking(present, deskIds[2], date, 'FULL_DAY', true);
    const fullDayId = await booking(absentFullDay, deskIds[3], date, 'FULL_DAY');
    const [entry] = await test.sql<{ id: string }>(
      `INSERT INTO waitlist_entries (office_id, person_id, date, part) VALUES ($1, $2, $3, 'MORNING') RETURNING id`,
      [officeId, waiting, date],
    );

    // Before the morning deadline (10:00 Berlin) nothing is due.
    expect(await job.releaseDue(berlin(date, '09:59:59'))).toBe(0);
    expect((await statusOf(morningId)).status).toBe('BOOKED');

    const absentClient = wsClient(test.api.url, absent);
    const waitingClient = wsClient(test.api.url, waiting);
    const watcherClient = wsClient(test.api.url, watcher);
    const clients = [absentClient, waitingClient, watcherClient];
    const absentChanges = new EventRecorder<Change>().subscribe(
      absentClient,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: Change }) => data.myBookingChanged,
    );
    const waitingChanges = new EventRecorder<Change>().subscribe(
      waitingClient,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: Change }) => data.myBookingChanged,
    );
    const desks = new EventRecorder<DeskChange>().subscribe(
      watcherClient,
      DESK_CHANGES,
      { o: officeId, d: date },
      (data: { deskAvailabilityChanged: DeskChange }) => data.deskAvailabilityChanged,
    );
    try {
      await pause(300);
      expect(await job.releaseDue(berlin(date, '10:30'))).toBe(2);

      const released = await statusOf(morningId);
      expect(released).toMatchObject({ status: 'RELEASED', checked_in_at: null });
      expect(released.released_at).toBeInstanceOf(Date);
      expect((await statusOf(fullDayId)).status).toBe('RELEASED');
      expect((await statusOf(afternoonId)).status).toBe('BOOKED');
      expect((await statusOf(presentId)).status).toBe('CHECKED_IN');

      // The first person waiting got one of the freed desks, in the same transaction.
      const [made] = await test.sql<{ id: string; desk_id: string; source: string; status: string }>(
        `SELECT id, desk_id, source, status FROM bookings WHERE person_id = $1 AND date = $2`,
        [waiting, date],
      );
      expect(made).toMatchObject({ source: 'WAITLIST', status: 'BOOKED' });
      expect([deskIds[0], deskIds[3]]).toContain(made?.desk_id);
      const [assigned] = await test.sql<{ status: string; booking_id: string }>(
        'SELECT status, booking_id FROM waitlist_entries WHERE id = $1',
        [entry?.id],
      );
      expect(assigned).toEqual({ status: 'ASSIGNED', booking_id: made?.id });

      await absentChanges.waitFor(1, 10_000);
      expect(absentChanges.events[0]).toEqual({
        reason: 'RELEASED_NO_SHOW',
        booking: { id: morningId, status: 'RELEASED', deskId: deskIds[0] },
      });
      await waitingChanges.waitFor(1, 10_000);
      expect(waitingChanges.events[0]).toEqual({
        reason: 'WAITLIST_ASSIGNED',
        booking: { id: made?.id, status: 'BOOKED', deskId: made?.desk_id },
      });
      await desks.waitFor(2, 10_000);
      const seen = new Map(desks.events.map((event) => [event.deskId, event]));
      const freedDesk = made?.desk_id === deskIds[0] ? deskIds[3] : deskIds[0];
      // One freed desk is free for the morning; the other went to the person waiting (their morning).
      expect(seen.get(freedDesk ?? '')).toMatchObject({ free: true, morningFree: true });
      expect(seen.get(made?.desk_id ?? '')).toMatchObject({ free: false, morningFree: false });

      // Released once: a second run finds nothing; the afternoon is due after 14:00.
      expect(await job.releaseDue(berlin(date, '10:31'))).toBe(0);
      expect(await job.releaseDue(berlin(date, '14:00'))).toBe(1);
      expect((await statusOf(afternoonId)).status).toBe('RELEASED');
      expect((await statusOf(presentId)).status).toBe('CHECKED_IN');
    } finally {
      absentChanges.stop();
      waitingChanges.stop();
      desks.stop();
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('guards the check-in columns with constraints', async () => {
    const { officeId, deskIds } = await office(1);
    const [person] = await addPeople(test, 1, `Constraint ${kind}`);
    const id = await booking(person, deskIds[0], daysFromToday(50), 'MORNING');
    await expect(test.sql(`UPDATE bookings SET status = 'CHECKED_IN' WHERE id = $1`, [id])).rejects.toThrow();
    await expect(test.sql(`UPDATE bookings SET status = 'RELEASED' WHERE id = $1`, [id])).rejects.toThrow();
    await test.sql(`UPDATE bookings SET status = 'CHECKED_IN', checked_in_at = now() WHERE id = $1`, [id]);
    // A checked-in booking cancelled later keeps its check-in time.
    await test.sql(`UPDATE bookings SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [id]);
    expect((await statusOf(id)).checked_in_at).toBeInstanceOf(Date);
    await expect(setWindow(officeId, '10:00', '09:00', '14:00')).rejects.toThrow();
    await expect(setWindow(officeId, '07:00', '15:00', '14:00')).rejects.toThrow();
  });
});
