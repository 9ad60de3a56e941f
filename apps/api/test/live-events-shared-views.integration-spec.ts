import type { Client } from 'graphql-ws';

import { nextOpenDay } from './support/fixtures.js';
import { EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = 'mutation($i: BookDeskInput!) { bookDesk(input: $i) { id } }';
const CANCEL = 'mutation($id: ID!) { cancelBooking(id: $id) { id } }';
const REVOKE = `mutation($i: RevokeSharingInput!) { revokeOfficeSharing(input: $i) { cancelledBookings } }`;
const SHARE = 'mutation($i: ShareOfficeInput!) { shareOffice(input: $i) { sharedWith { id } } }';
/** One text for everyone: the API executes a live event once per view, text and variables (realtime/shared-views). */
const CHANGES = `subscription($o: ID!, $d: String!, $p: DayPart!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: $p) { deskId free myBookingId }
}`;
/** Another selection of the same field: must not be answered with the first one's result. */
const OTHER_SELECTION = `subscription($o: ID!, $d: String!, $p: DayPart!) {
  deskAvailabilityChanged(officeId: $o, date: $d, part: $p) { desk: deskId morningFree afternoonFree }
}`;

interface Entry {
  deskId: string;
  free: boolean;
  myBookingId: string | null;
}

/**
 * Subscribers of one desk event share its execution when they may see it alike (figure 3 of issue 8). Callers with
 * different rights on the same event, asking with the same text and variables, must still get their own payloads:
 * their own booking, the part of the day they asked for, nothing at all once the office is no longer shared with them.
 */
describe.each(DATABASE_KINDS)('one desk event, callers with different rights, on %s', (kind) => {
  let test: TestApi;
  let url: string;
  let people: Record<string, string>;
  let erlangen: string;
  let desks: string[];
  let itNrw: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    const rows = await test.sql<{ id: string; display_name: string }>('SELECT id, display_name FROM people');
    people = Object.fromEntries(rows.map((row) => [row.display_name, row.id]));
    erlangen =
      (await test.sql<{ id: string }>(`SELECT id FROM offices WHERE name = 'Co-Working Erlangen Hauptbahnhof'`))[0]
        ?.id ?? '';
    desks = (await test.sql<{ id: string }>('SELECT id FROM desks WHERE office_id = $1 ORDER BY code', [erlangen])).map(
      (row) => row.id,
    );
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

  const book = async (personId: string, deskId: string, date: string, part: string): Promise<string> => {
    const answer = await graphql<{ bookDesk: { id: string } }>(url, BOOK, { i: { deskId, date, part } }, personId);
    const id = answer.data?.bookDesk.id;
    if (!id) throw new Error(`booking failed: ${JSON.stringify(answer.errors)}`);
    return id;
  };

  it('gives each caller their own view of one event, and nothing to one whose share was revoked', async () => {
    const date = nextOpenDay(14);
    const [desk, probeDesk, laterDesk] = desks as [string, string, string];
    const booker = as('Mehmet Yılmaz');
    const colleague = as('Sabine Wagner');
    const outsider = as('Fatma Demir');
    const clients: Client[] = [];
    const recorders: EventRecorder<Entry>[] = [];
    const watch = (personId: string, part: string, query = CHANGES): EventRecorder<Entry> => {
      const client = wsClient(url, personId);
      clients.push(client);
      const recorder = new EventRecorder<Entry>().subscribe(
        client,
        query,
        { o: erlangen, d: date, p: part },
        (data: { deskAvailabilityChanged: Entry }) => data.deskAvailabilityChanged,
      );
      recorders.push(recorder);
      return recorder;
    };
    const own = watch(booker, 'FULL_DAY');
    const colleagueFullDay = watch(colleague, 'FULL_DAY');
    const colleagueAfternoon = watch(colleague, 'AFTERNOON');
    const colleagueOtherSelection = watch(colleague, 'FULL_DAY', OTHER_SELECTION);
    const outsiderFullDay = watch(outsider, 'FULL_DAY');
    try {
      for (let attempt = 0; attempt < 100 && recorders.some((recorder) => recorder.events.length === 0); attempt += 1) {
        await graphql(url, CANCEL, { id: await book(colleague, probeDesk, date, 'MORNING') }, colleague);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const recorder of recorders) {
        expect(recorder.errors).toEqual([]);
        recorder.events.length = 0;
      }

      // The office is no longer shared with the outsider's organisation: its subscription stays, but hears nothing.
      const revoked = await graphql(
        url,
        REVOKE,
        { i: { officeId: erlangen, organisationId: itNrw, cancelBookings: false } },
        as('Anna Schmidt'),
      );
      expect(revoked.errors).toBeUndefined();

      const bookingId = await book(booker, desk, date, 'MORNING');
      for (const recorder of [own, colleagueFullDay, colleagueAfternoon, colleagueOtherSelection]) {
        await recorder.waitFor(1, 10_000);
      }
      expect(own.events[0]).toEqual({ deskId: desk, free: false, myBookingId: bookingId });
      expect(colleagueFullDay.events[0]).toEqual({ deskId: desk, free: false, myBookingId: null });
      expect(colleagueAfternoon.events[0]).toEqual({ deskId: desk, free: true, myBookingId: null });
      expect(colleagueOtherSelection.events[0]).toEqual({ desk, morningFree: false, afternoonFree: true });

      // Shared again: the next event is the first the outsider hears (events reach a subscriber in order).
      const shared = await graphql(
        url,
        SHARE,
        { i: { officeId: erlangen, organisationId: itNrw } },
        as('Anna Schmidt'),
      );
      expect(shared.errors).toBeUndefined();
      const later = await book(colleague, laterDesk, date, 'FULL_DAY');
      await outsiderFullDay.waitFor(1, 10_000);
      expect(outsiderFullDay.errors).toEqual([]);
      expect(outsiderFullDay.events).toEqual([{ deskId: laterDesk, free: false, myBookingId: null }]);
      await graphql(url, CANCEL, { id: later }, colleague);
      await graphql(url, CANCEL, { id: bookingId }, booker);
    } finally {
      for (const recorder of recorders) recorder.stop();
      for (const client of clients) await client.dispose();
      await graphql(url, SHARE, { i: { officeId: erlangen, organisationId: itNrw } }, as('Anna Schmidt'));
    }
  });
});
