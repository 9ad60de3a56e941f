import type { Client } from 'graphql-ws';

import { addPeople, type DemoWorld, demoWorld, nextOpenDay } from './support/fixtures.js';
import { EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelBooking(id: $id) { id } }`;
const CHANGES = `subscription Changes($officeId: ID!, $date: String!, $part: DayPart!) {
  deskAvailabilityChanged(officeId: $officeId, date: $date, part: $part) { deskId free myBookingId }
}`;

interface Entry {
  deskId: string;
  free: boolean;
  myBookingId: string | null;
}

/**
 * The API reads what a live desk event shows once per event and shares it between the event's subscribers (figure 3
 * of issue 8: thousands of subscribers on one office). Each subscriber must still get its own view.
 */
describe.each(DATABASE_KINDS)('one desk event, many subscribers, on %s', (kind) => {
  let test: TestApi;
  let world: DemoWorld;
  let url: string;

  beforeAll(async () => {
    test = await startTestApi(kind);
    url = test.api.url;
    world = await demoWorld(test);
  });

  afterAll(async () => {
    await test?.stop();
  });

  const book = async (personId: string, deskId: string, date: string): Promise<string> => {
    const answer = await graphql<{ bookDesk: { id: string } }>(
      url,
      BOOK,
      { input: { deskId, date, part: 'FULL_DAY' } },
      personId,
    );
    const id = answer.data?.bookDesk.id;
    if (!id) throw new Error(`booking failed: ${JSON.stringify(answer.errors)}`);
    return id;
  };

  it('gives the booker the booking as theirs and everyone else the desk as taken, from one event', async () => {
    const [booker, prober, ...watchers] = (await addPeople(test, 8, `Viele ${kind}`)) as [string, string, ...string[]];
    const date = nextOpenDay(9);
    const [deskId, probeDesk] = world.deskIds as [string, string];
    const clients: Client[] = [booker, ...watchers].map((person) => wsClient(url, person));
    const recorders = clients.map((client) =>
      new EventRecorder<Entry>().subscribe(
        client,
        CHANGES,
        { officeId: world.officeId, date, part: 'FULL_DAY' },
        (data: { deskAvailabilityChanged: Entry }) => data.deskAvailabilityChanged,
      ),
    );
    try {
      // graphql-ws acknowledges a subscription only implicitly: probe until every subscriber has heard an event.
      for (let attempt = 0; attempt < 100 && recorders.some((recorder) => recorder.events.length === 0); attempt += 1) {
        await graphql(url, CANCEL, { id: await book(prober, probeDesk, date) }, prober);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const recorder of recorders) {
        expect(recorder.errors).toEqual([]);
        recorder.events.length = 0;
      }

      const bookingId = await book(booker, deskId, date);
      for (const recorder of recorders) await recorder.waitFor(1, 10_000);
      const [own, ...others] = recorders.map((recorder) => recorder.events.find((event) => event.deskId === deskId));
      expect(own).toEqual({ deskId, free: false, myBookingId: bookingId });
      for (const other of others) expect(other).toEqual({ deskId, free: false, myBookingId: null });
    } finally {
      for (const recorder of recorders) recorder.stop();
      for (const client of clients) await client.dispose();
    }
  });
});
