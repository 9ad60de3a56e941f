import { addPeople, type DemoWorld, demoWorld, nextOpenDay } from './support/fixtures.js';
import { graphql } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

/**
 * `bookDesk` answers from what its transaction read and wrote (issue 8: no read-back after the commit). The answer
 * must be the booking exactly as it reads afterwards.
 */
const FIELDS = `id date part status deskId deskCode areaName createdAt checkedInAt cancellationReason
  office { id name address deskCount municipality { ags name land } operator { id name } }`;
const BOOK = `mutation($input: BookDeskInput!) { bookDesk(input: $input) { ${FIELDS} } }`;
const MINE = `{ myBookings { ${FIELDS} } }`;

interface BookingAnswer {
  readonly id: string;
  readonly [field: string]: unknown;
}

describe.each(DATABASE_KINDS)('the answer of bookDesk on %s', (kind) => {
  let test: TestApi;
  let world: DemoWorld;

  beforeAll(async () => {
    test = await startTestApi(kind);
    world = await demoWorld(test);
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('is the booking as myBookings reads it afterwards, the desk id in its canonical form', async () => {
    const [person] = await addPeople(test, 1, `Answer ${kind}`);
    const deskId = world.deskIds[2];
    if (!person || !deskId) throw new Error('demo data missing');

    const booked = await graphql<{ bookDesk: BookingAnswer }>(
      test.api.url,
      BOOK,
      { input: { deskId: deskId.toUpperCase(), date: nextOpenDay(4), part: 'AFTERNOON' } },
      person,
    );
    expect(booked.errors).toBeUndefined();
    const answer = booked.data?.bookDesk;
    expect(answer?.deskId).toBe(deskId);

    const mine = await graphql<{ myBookings: BookingAnswer[] }>(test.api.url, MINE, {}, person);
    expect(mine.data?.myBookings.find((booking) => booking.id === answer?.id)).toEqual(answer);
  });
});
