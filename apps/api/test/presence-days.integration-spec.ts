import { addDays, publicHoliday, startOfIsoWeek } from '@nahbar/domain';

import {
  addOffice,
  addOtherOrganisationPerson,
  addPeople,
  addTeam,
  daysFromToday,
  nextHoliday,
  nextOpenDay,
  plainDesks,
  type TestDesk,
  type TestOffice,
} from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, type GraphqlResponse, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

const DAY = `id teamId teamName date part mandatory note cancelled myAnswer areaName office { id }
  myBooking { id deskId areaName date part status }
  answers { attending away open seated }
  memberAnswers { personId displayName answer seated }`;
const CREATE = `mutation Create($input: PresenceDayInput!) { createPresenceDay(input: $input) { ${DAY} } }`;
const MOVE = `mutation Move($input: MovePresenceDayInput!) { movePresenceDay(input: $input) { ${DAY} } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelPresenceDay(id: $id) { ${DAY} } }`;
const ANSWER = `mutation Answer($id: ID!, $answer: PresenceAnswer!) { answerPresenceDay(id: $id, answer: $answer) { ${DAY} } }`;
const PREVIEW = `query Preview($input: PresenceDayInput!, $movingId: ID) {
  presenceDayPreview(input: $input, movingId: $movingId) {
    members toSeat alreadyBookedHere bookedElsewhere away freeDesks seatable shortfall sideBySide areaName
    refusal { code message messageDe }
  }
}`;
const DAYS = `query Days($teamId: ID!, $from: String!, $to: String!) {
  presenceDays(teamId: $teamId, from: $from, to: $to) { ${DAY} }
}`;
const CALENDAR = `query Calendar($teamId: ID!, $from: String!, $to: String!) {
  teamCalendar(teamId: $teamId, from: $from, to: $to) {
    date presenceDays { id } whoIsIn { personId displayName office { id } part }
  }
}`;
const BOOK = `mutation Book($input: BookDeskInput!) { bookDesk(input: $input) { id } }`;
const TEAM_CHANGES = `subscription Team($teamId: ID!) {
  teamPresenceChanged(teamId: $teamId) { reason presenceDay { id myAnswer answers { seated } memberAnswers { personId } } }
}`;
const MY_CHANGES = `subscription { myBookingChanged { reason booking { id date status } } }`;
const BEST = `query Best($input: BestPresenceDaysInput!) { bestPresenceDays(input: $input) { date canCome } }`;
const TEAM = `query Team($id: ID!) {
  team(id: $id) { id viewerIsLead viewerIsMember viewerCanManage members { personId } policy { minDays } }
}`;
const RENAME = `mutation Rename($id: ID!, $name: String!) { renameTeam(id: $id, name: $name) { id name } }`;
const ADD_MEMBER = `mutation Add($input: TeamMemberInput!) { addTeamMember(input: $input) { id members { personId } } }`;
const CANDIDATES = `query Candidates($teamId: ID!) { teamCandidates(teamId: $teamId) { id } }`;
const SET_POLICY = `mutation Policy($input: PresencePolicyInput!) { setPresencePolicy(input: $input) { id policy { minDays } } }`;
const SUMMARY = `query Summary($teamId: ID!) {
  teamPolicySummary(teamId: $teamId) { members meeting { count fewerThanThree } notMeeting { count fewerThanThree } }
}`;
const AVAILABILITY = `subscription Desks($officeId: ID!, $date: String!) {
  deskAvailabilityChanged(officeId: $officeId, date: $date, part: FULL_DAY) { deskId free }
}`;

interface Day {
  id: string;
  teamId: string;
  teamName: string;
  date: string;
  part: string;
  mandatory: boolean;
  note: string | null;
  cancelled: boolean;
  myAnswer: string | null;
  areaName: string | null;
  office: { id: string };
  myBooking: { id: string; deskId: string; areaName: string; date: string; part: string; status: string } | null;
  answers: { attending: number; away: number; open: number; seated: number };
  memberAnswers: { personId: string; displayName: string; answer: string | null; seated: boolean }[] | null;
}
interface Preview {
  members: number;
  toSeat: number;
  alreadyBookedHere: number;
  bookedElsewhere: number;
  away: number;
  freeDesks: number;
  seatable: number;
  shortfall: number;
  sideBySide: boolean;
  areaName: string | null;
  refusal: { code: string; message: string; messageDe: string } | null;
}
interface TeamChange {
  reason: string;
  presenceDay: { id: string; myAnswer: string | null; answers: { seated: number }; memberAnswers: unknown[] | null };
}
interface TeamView {
  id: string;
  viewerIsLead: boolean;
  viewerIsMember: boolean;
  viewerCanManage: boolean;
  members: { personId: string }[];
  policy: { minDays: number } | null;
}
interface BookingChange {
  reason: string;
  booking: { id: string; date: string; status: string };
}
interface SeatRow {
  person_id: string;
  desk_id: string;
  status: string;
  source: string;
  presence_day_id: string | null;
  area: string;
  date: string;
}

/** Lets a subscription start before the change it is to see. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(DATABASE_KINDS)('team days on %s', (kind) => {
  let test: TestApi;
  let count = 0;

  beforeAll(async () => {
    test = await startTestApi(kind);
  });

  afterAll(async () => {
    await test?.stop();
  });

  interface Setup {
    office: TestOffice;
    teamId: string;
    /** The team's lead first, then its members, in order of display name. */
    people: string[];
    lead: string;
    members: string[];
    /** A person of the same organisation who is not in the team. */
    outsider: string;
  }

  /** A fresh office, a team of `size` people (the first leads it) and an outsider of the same organisation. */
  async function setup(
    size: number,
    desks: readonly TestDesk[],
    settings: {
      capacityShare?: number;
      horizonDays?: number;
      openingWeekdays?: number[];
      quotaDaysPerWeek?: number;
    } = {},
  ): Promise<Setup> {
    count += 1;
    const office = await addOffice(test, { name: `Teambüro ${kind} ${count}`, desks, ...settings });
    const people = await addPeople(test, size, `T${count} ${kind}`);
    const [lead, ...members] = people as [string, ...string[]];
    const teamId = await addTeam(test, `Team ${kind} ${count}`, [lead], members);
    const [outsider] = (await addPeople(test, 1, `Außen ${count} ${kind}`)) as [string];
    return { office, teamId, people, lead, members, outsider };
  }

  const dayInput = (s: Setup, date: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    teamId: s.teamId,
    officeId: s.office.officeId,
    date,
    ...extra,
  });

  function create(
    personId: string,
    input: Record<string, unknown>,
  ): Promise<GraphqlResponse<{ createPresenceDay: Day }>> {
    return graphql<{ createPresenceDay: Day }>(test.api.url, CREATE, { input }, personId);
  }

  async function created(personId: string, input: Record<string, unknown>): Promise<Day> {
    const response = await create(personId, input);
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('team day not created');
    return response.data.createPresenceDay;
  }

  async function preview(
    personId: string,
    input: Record<string, unknown>,
    movingId?: string,
  ): Promise<GraphqlResponse<{ presenceDayPreview: Preview }>> {
    return graphql<{ presenceDayPreview: Preview }>(test.api.url, PREVIEW, { input, movingId }, personId);
  }

  function answer(personId: string, id: string, value: string): Promise<GraphqlResponse<{ answerPresenceDay: Day }>> {
    return graphql<{ answerPresenceDay: Day }>(test.api.url, ANSWER, { id, answer: value }, personId);
  }

  async function answered(personId: string, id: string, value: string): Promise<Day> {
    const response = await answer(personId, id, value);
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('not answered');
    return response.data.answerPresenceDay;
  }

  async function seats(dayId: string): Promise<SeatRow[]> {
    return test.sql<SeatRow>(
      `SELECT b.person_id, b.desk_id, b.status, b.source, b.presence_day_id, a.name AS area, b.date
       FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN areas a ON a.id = d.area_id
       WHERE b.presence_day_id = $1 ORDER BY b.created_at, b.id`,
      [dayId],
    );
  }

  async function liveSeats(dayId: string): Promise<SeatRow[]> {
    return (await seats(dayId)).filter((seat) => seat.status === 'BOOKED');
  }

  async function book(personId: string, deskId: string, date: string, part = 'FULL_DAY'): Promise<string> {
    const response = await graphql<{ bookDesk: { id: string } }>(
      test.api.url,
      BOOK,
      { input: { deskId, date, part } },
      personId,
    );
    expect(response.errors).toBeUndefined();
    return response.data?.bookDesk.id ?? '';
  }

  /** Makes `personId` an admin of the organisation the test teams belong to. */
  async function makeAdmin(personId: string): Promise<void> {
    await test.sql(
      `INSERT INTO role_assignments (person_id, role, organisation_id)
       VALUES ($1, 'ORGANISATION_ADMIN', (SELECT id FROM organisations ORDER BY name LIMIT 1))`,
      [personId],
    );
  }

  async function countRows(table: string, teamId: string): Promise<number> {
    const [row] = await test.sql<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE team_id = $1`, [
      teamId,
    ]);
    return row?.count ?? 0;
  }

  it('seats every member not away and not booked side by side in one area, in one transaction, and tells them live', async () => {
    const desks: TestDesk[] = [
      { code: 'N-01', area: 'Nord' },
      { code: 'N-02', area: 'Nord' },
      ...['S-01', 'S-02', 'S-03', 'S-04', 'S-05'].map((code) => ({ code, area: 'Süd' })),
    ];
    const s = await setup(4, desks);
    const [memberA, memberB, memberC] = s.members as [string, string, string];
    const elsewhere = await addOffice(test, { name: `Anderswo ${kind} ${count}`, desks: plainDesks(1) });
    const date = nextOpenDay(3);
    await book(memberC, elsewhere.deskIds[0] as string, date);

    const shown = await preview(s.lead, dayInput(s, date));
    expect(shown.errors).toBeUndefined();
    expect(shown.data?.presenceDayPreview).toEqual({
      members: 4,
      toSeat: 3,
      alreadyBookedHere: 0,
      bookedElsewhere: 1,
      away: 0,
      freeDesks: 7,
      seatable: 3,
      shortfall: 0,
      sideBySide: true,
      areaName: 'Süd',
      refusal: null,
    });

    const memberClient = wsClient(test.api.url, memberA);
    const outsiderClient = wsClient(test.api.url, s.outsider);
    const teamChanges = new EventRecorder<TeamChange>().subscribe(
      memberClient,
      TEAM_CHANGES,
      { teamId: s.teamId },
      (data: { teamPresenceChanged: TeamChange }) => data.teamPresenceChanged,
    );
    const myChanges = new EventRecorder<BookingChange>().subscribe(
      memberClient,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: BookingChange }) => data.myBookingChanged,
    );
    const deskChanges = new EventRecorder<{ deskId: string; free: boolean }>().subscribe(
      memberClient,
      AVAILABILITY,
      { officeId: s.office.officeId, date },
      (data: { deskAvailabilityChanged: { deskId: string; free: boolean } }) => data.deskAvailabilityChanged,
    );
    const outsiderTeam = new EventRecorder<TeamChange>().subscribe(
      outsiderClient,
      TEAM_CHANGES,
      { teamId: s.teamId },
      (data: { teamPresenceChanged: TeamChange }) => data.teamPresenceChanged,
    );
    const outsiderMine = new EventRecorder<BookingChange>().subscribe(
      outsiderClient,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: BookingChange }) => data.myBookingChanged,
    );
    try {
      await settle();
      const day = await created(s.lead, dayInput(s, date, { mandatory: true, note: '  Planungsrunde  ' }));
      expect(day).toMatchObject({
        teamId: s.teamId,
        date,
        part: 'FULL_DAY',
        mandatory: true,
        note: 'Planungsrunde',
        cancelled: false,
        myAnswer: null,
        areaName: 'Süd',
        office: { id: s.office.officeId },
        answers: { attending: 0, away: 0, open: 4, seated: 3 },
      });
      expect(day.myBooking).toMatchObject({ areaName: 'Süd', date, part: 'FULL_DAY', status: 'BOOKED' });
      expect(day.memberAnswers?.map((member) => [member.personId, member.answer, member.seated])).toEqual([
        [s.lead, null, true],
        [memberA, null, true],
        [memberB, null, true],
        [memberC, null, false],
      ]);

      const made = await seats(day.id);
      expect(made.map((seat) => seat.person_id).sort()).toEqual([s.lead, memberA, memberB].sort());
      expect(new Set(made.map((seat) => seat.area))).toEqual(new Set(['Süd']));
      expect(made.every((seat) => seat.source === 'TEAM_DAY' && seat.status === 'BOOKED')).toBe(true);
      expect(new Set(made.map((seat) => seat.desk_id)).size).toBe(3);

      await teamChanges.waitFor(1, 10_000);
      expect(teamChanges.events[0]).toEqual({
        reason: 'CREATED',
        presenceDay: { id: day.id, myAnswer: null, answers: { seated: 3 }, memberAnswers: null },
      });
      await myChanges.waitFor(1, 10_000);
      const mine = made.find((seat) => seat.person_id === memberA);
      expect(myChanges.events[0]).toEqual({
        reason: 'TEAM_DAY_BOOKED',
        booking: { id: expect.any(String), date, status: 'BOOKED' },
      });
      expect(mine).toBeDefined();
      await deskChanges.waitFor(3, 10_000);
      expect(new Set(deskChanges.events.map((event) => event.deskId))).toEqual(
        new Set(made.map((seat) => seat.desk_id)),
      );
      expect(deskChanges.events.every((event) => !event.free)).toBe(true);

      // The outsider is refused the team's channel and hears nothing of it.
      await outsiderTeam.waitFor(1, 500).catch(() => undefined);
      expect(outsiderTeam.events).toEqual([]);
      const [refusal] = outsiderTeam.errors as [unknown];
      const error: unknown = Array.isArray(refusal) ? refusal[0] : refusal;
      expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('TEAM_NOT_FOUND');
      expect(outsiderMine.events).toEqual([]);

      // A member sees counts and their own answer, not each member's.
      const listed = await graphql<{ presenceDays: Day[] }>(
        test.api.url,
        DAYS,
        { teamId: s.teamId, from: date, to: date },
        memberB,
      );
      expect(listed.data?.presenceDays).toEqual([
        expect.objectContaining({ id: day.id, memberAnswers: null, answers: day.answers }),
      ]);
      expect(listed.data?.presenceDays[0]?.myBooking).toMatchObject({ areaName: 'Süd' });
    } finally {
      for (const recorder of [teamChanges, myChanges, deskChanges, outsiderTeam, outsiderMine]) recorder.stop();
      await memberClient.dispose();
      await outsiderClient.dispose();
    }
  });

  it('refuses when desks are short (PRESENCE_DAY_SHORT_OF_DESKS, nothing written) unless the lead accepts it', async () => {
    const s = await setup(3, plainDesks(2));
    const date = nextOpenDay(4);
    const shown = await preview(s.lead, dayInput(s, date));
    expect(shown.data?.presenceDayPreview).toMatchObject({ toSeat: 3, freeDesks: 2, seatable: 2, shortfall: 1 });

    const refused = await create(s.lead, dayInput(s, date));
    expect(errorCode(refused)).toBe('PRESENCE_DAY_SHORT_OF_DESKS');
    expect(refused.errors?.[0]?.extensions?.['messages']).toEqual({
      de: expect.stringContaining('fehlt 1 Platz'),
      en: expect.stringContaining('1 desk is missing'),
    });
    expect(refused.data ?? null).toBeNull();
    expect(await countRows('presence_days', s.teamId)).toBe(0);
    expect(
      await test.sql('SELECT 1 FROM bookings b JOIN desks d ON d.id = b.desk_id WHERE d.office_id = $1', [
        s.office.officeId,
      ]),
    ).toEqual([]);

    const day = await created(s.lead, dayInput(s, date, { acceptShortfall: true }));
    expect(day.answers).toEqual({ attending: 0, away: 0, open: 3, seated: 2 });
    // Seated in order of display name: the last one goes without a desk.
    expect(day.memberAnswers?.map((member) => member.seated)).toEqual([true, true, false]);

    // The capacity cap holds for team days too: half of four desks is two.
    const capped = await setup(3, plainDesks(4), { capacityShare: 0.5 });
    const cappedPreview = await preview(capped.lead, dayInput(capped, date));
    expect(cappedPreview.data?.presenceDayPreview).toMatchObject({ freeDesks: 2, seatable: 2, shortfall: 1 });
    expect(errorCode(await create(capped.lead, dayInput(capped, date)))).toBe('PRESENCE_DAY_SHORT_OF_DESKS');

    // Blocked desks are never used; a member holding a booking here already keeps it.
    const blocked = await setup(3, plainDesks(4));
    const [deskBlocked, deskA, deskB, deskOwn] = blocked.office.deskIds as [string, string, string, string];
    await test.sql(`UPDATE desks SET active = false, blocked_reason = 'Defekt' WHERE id = $1`, [deskBlocked]);
    const [own] = blocked.members as [string];
    await book(own, deskOwn, date);
    const blockedPreview = await preview(blocked.lead, dayInput(blocked, date));
    expect(blockedPreview.data?.presenceDayPreview).toMatchObject({
      members: 3,
      alreadyBookedHere: 1,
      toSeat: 2,
      freeDesks: 2,
      seatable: 2,
      shortfall: 0,
    });
    const blockedDay = await created(blocked.lead, dayInput(blocked, date));
    expect((await liveSeats(blockedDay.id)).map((seat) => seat.desk_id).sort()).toEqual([deskA, deskB].sort());
  });

  it('refuses holidays, closures, closed weekdays and past dates; the horizon and the quota do not apply', async () => {
    const s = await setup(2, plainDesks(3), { openingWeekdays: [1, 2, 3, 4, 5], horizonDays: 3, quotaDaysPerWeek: 1 });
    const holiday = nextHoliday();
    const closed = nextOpenDay(5);
    await test.sql(`INSERT INTO office_closures (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $2, 'Umzug')`, [
      s.office.officeId,
      closed,
    ]);
    let saturday = daysFromToday(1);
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6 || publicHoliday(saturday, 'BY')) {
      saturday = addDays(saturday, 1);
    }

    const cases: [string, string][] = [
      [holiday, 'HOLIDAY'],
      [closed, 'CLOSURE'],
      [saturday, 'CLOSED_WEEKDAY'],
      [daysFromToday(-1), 'DATE_IN_PAST'],
      ['2027-02-30', 'INVALID_DATE'],
    ];
    for (const [date, code] of cases) {
      expect(errorCode(await create(s.lead, dayInput(s, date)))).toBe(code);
      const shown = await preview(s.lead, dayInput(s, date));
      expect(shown.data?.presenceDayPreview).toMatchObject({ seatable: 0, refusal: { code } });
    }
    expect(await countRows('presence_days', s.teamId)).toBe(0);

    // Beyond the office's horizon of 3 days, and a member over their weekly quota of 1 day: booked all the same.
    const far = nextOpenDay(20);
    const [member] = s.members as [string];
    await test.sql(`INSERT INTO bookings (person_id, desk_id, date, part) VALUES ($1, $2, $3, 'FULL_DAY')`, [
      member,
      s.office.deskIds[2],
      addDays(startOfIsoWeek(far), far === startOfIsoWeek(far) ? 1 : 0),
    ]);
    const day = await created(s.lead, dayInput(s, far));
    expect(day.answers.seated).toBe(2);
  });

  it('answering AWAY frees the desk live; ATTENDING again seats the member next to the team', async () => {
    const s = await setup(3, plainDesks(6));
    // Three desks close together, the rest apart; one near the group.
    const positions = [
      [0.1, 0.1],
      [0.15, 0.1],
      [0.2, 0.1],
      [0.9, 0.9],
      [0.3, 0.1],
      [0.5, 0.6],
    ];
    for (const [index, [x, y]] of positions.entries()) {
      await test.sql('UPDATE desks SET position_x = $2, position_y = $3 WHERE id = $1', [
        s.office.deskIds[index],
        x,
        y,
      ]);
    }
    const date = nextOpenDay(6);
    const day = await created(s.lead, dayInput(s, date));
    const first = await liveSeats(day.id);
    expect(new Set(first.map((seat) => seat.desk_id))).toEqual(new Set(s.office.deskIds.slice(0, 3)));

    const [member] = s.members as [string];
    const own = first.find((seat) => seat.person_id === member);
    const client = wsClient(test.api.url, s.outsider);
    const deskChanges = new EventRecorder<{ deskId: string; free: boolean }>().subscribe(
      client,
      AVAILABILITY,
      { officeId: s.office.officeId, date },
      (data: { deskAvailabilityChanged: { deskId: string; free: boolean } }) => data.deskAvailabilityChanged,
    );
    try {
      await settle();
      const away = await answered(member, day.id, 'AWAY');
      expect(away).toMatchObject({ myAnswer: 'AWAY', myBooking: null, memberAnswers: null });
      expect(away.answers).toEqual({ attending: 0, away: 1, open: 2, seated: 2 });
      await deskChanges.waitFor(1, 10_000);
      expect(deskChanges.events[0]).toEqual({ deskId: own?.desk_id, free: true });
    } finally {
      deskChanges.stop();
      await client.dispose();
    }
    // Someone else takes the freed desk; the member comes after all and sits next to the team.
    await book(s.outsider, own?.desk_id ?? '', date);
    const back = await answered(member, day.id, 'ATTENDING');
    expect(back.myAnswer).toBe('ATTENDING');
    expect(back.myBooking?.deskId).toBe(s.office.deskIds[4]);
    expect(back.answers).toEqual({ attending: 1, away: 0, open: 2, seated: 3 });
    // Answering again keeps the one desk.
    expect((await answered(member, day.id, 'ATTENDING')).answers.seated).toBe(3);

    // No desk left: the answer is kept without one.
    const [other] = s.members.slice(1) as [string];
    await answered(other, day.id, 'AWAY');
    const fill = await addPeople(test, 3, `Füller ${kind} ${count}`);
    const freeNow = await test.sql<{ id: string }>(
      `SELECT d.id FROM desks d WHERE d.office_id = $1 AND NOT EXISTS (
         SELECT 1 FROM bookings b WHERE b.desk_id = d.id AND b.date = $2 AND b.status = 'BOOKED') ORDER BY d.code`,
      [s.office.officeId, date],
    );
    for (const [index, desk] of freeNow.entries()) await book(fill[index] as string, desk.id, date);
    const unseated = await answered(other, day.id, 'ATTENDING');
    expect(unseated).toMatchObject({ myAnswer: 'ATTENDING', myBooking: null });
    const lead = await graphql<{ presenceDays: Day[] }>(
      test.api.url,
      DAYS,
      { teamId: s.teamId, from: date, to: date },
      s.lead,
    );
    expect(lead.data?.presenceDays[0]?.memberAnswers?.find((m) => m.personId === other)).toMatchObject({
      answer: 'ATTENDING',
      seated: false,
    });
  });

  it('moving keeps the answers and seats the team again at the new place; members are told live', async () => {
    const s = await setup(3, plainDesks(4));
    const [away, coming] = s.members as [string, string];
    const date = nextOpenDay(7);
    const day = await created(s.lead, dayInput(s, date));
    await answered(away, day.id, 'AWAY');
    const before = await liveSeats(day.id);
    expect(before.map((seat) => seat.person_id).sort()).toEqual([s.lead, coming].sort());

    const target = await addOffice(test, { name: `Neues Teambüro ${kind} ${count}`, desks: plainDesks(3) });
    const newDate = nextOpenDay(8);
    const client = wsClient(test.api.url, coming);
    const myChanges = new EventRecorder<BookingChange>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: BookingChange }) => data.myBookingChanged,
    );
    const teamChanges = new EventRecorder<TeamChange>().subscribe(
      client,
      TEAM_CHANGES,
      { teamId: s.teamId },
      (data: { teamPresenceChanged: TeamChange }) => data.teamPresenceChanged,
    );
    try {
      await settle();
      const moved = await graphql<{ movePresenceDay: Day }>(
        test.api.url,
        MOVE,
        { input: { id: day.id, officeId: target.officeId, date: newDate, part: 'MORNING' } },
        s.lead,
      );
      expect(moved.errors).toBeUndefined();
      expect(moved.data?.movePresenceDay).toMatchObject({
        id: day.id,
        date: newDate,
        part: 'MORNING',
        office: { id: target.officeId },
        answers: { attending: 0, away: 1, open: 2, seated: 2 },
      });
      const after = await seats(day.id);
      // The away member's desk went when they answered; the other two with the move.
      expect(after.filter((seat) => seat.status === 'CANCELLED').map((seat) => seat.date)).toEqual([date, date, date]);
      const live = after.filter((seat) => seat.status === 'BOOKED');
      expect(live.map((seat) => seat.person_id).sort()).toEqual([s.lead, coming].sort());
      expect(live.every((seat) => seat.date === newDate && target.deskIds.includes(seat.desk_id))).toBe(true);
      await myChanges.waitFor(2, 10_000);
      expect(myChanges.events.map((event) => [event.reason, event.booking.date, event.booking.status])).toEqual([
        ['TEAM_DAY_MOVED', date, 'CANCELLED'],
        ['TEAM_DAY_MOVED', newDate, 'BOOKED'],
      ]);
      await teamChanges.waitFor(1, 10_000);
      expect(teamChanges.events[0]).toMatchObject({ reason: 'MOVED', presenceDay: { id: day.id } });
    } finally {
      myChanges.stop();
      teamChanges.stop();
      await client.dispose();
    }

    // Another team day on the target date: PRESENCE_DAY_EXISTS, nothing changed.
    const other = await created(s.lead, dayInput(s, nextOpenDay(9)));
    const clash = await graphql(
      test.api.url,
      MOVE,
      { input: { id: other.id, officeId: target.officeId, date: newDate } },
      s.lead,
    );
    expect(errorCode(clash)).toBe('PRESENCE_DAY_EXISTS');
    expect((await liveSeats(other.id)).every((seat) => seat.date === nextOpenDay(9))).toBe(true);
    const previewMove = await preview(s.lead, { teamId: s.teamId, officeId: target.officeId, date: newDate }, other.id);
    expect(previewMove.data?.presenceDayPreview.refusal?.code).toBe('PRESENCE_DAY_EXISTS');
  });

  it('cancelling cancels its bookings and hands freed desks to the waitlist; plain members may not', async () => {
    const s = await setup(2, plainDesks(2));
    const [member] = s.members as [string];
    const date = nextOpenDay(10);
    const day = await created(s.lead, dayInput(s, date));
    expect(errorCode(await graphql(test.api.url, CANCEL, { id: day.id }, member))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(test.api.url, CANCEL, { id: day.id }, s.outsider))).toBe('PRESENCE_DAY_NOT_FOUND');
    const joined = await graphql(
      test.api.url,
      'mutation($i: JoinWaitlistInput!) { joinWaitlist(input: $i) { id } }',
      { i: { officeId: s.office.officeId, date, part: 'FULL_DAY' } },
      s.outsider,
    );
    expect(joined.errors).toBeUndefined();

    const client = wsClient(test.api.url, member);
    const myChanges = new EventRecorder<BookingChange>().subscribe(
      client,
      MY_CHANGES,
      {},
      (data: { myBookingChanged: BookingChange }) => data.myBookingChanged,
    );
    try {
      await settle();
      const cancelled = await graphql<{ cancelPresenceDay: Day }>(test.api.url, CANCEL, { id: day.id }, s.lead);
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data?.cancelPresenceDay).toMatchObject({ cancelled: true, answers: { seated: 0 } });
      await myChanges.waitFor(1, 10_000);
      expect(myChanges.events[0]).toMatchObject({ reason: 'TEAM_DAY_CANCELLED', booking: { status: 'CANCELLED' } });
    } finally {
      myChanges.stop();
      await client.dispose();
    }
    expect((await seats(day.id)).map((seat) => seat.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const [status] = await test.sql<{ status: string }>('SELECT status FROM presence_days WHERE id = $1', [day.id]);
    expect(status?.status).toBe('CANCELLED');
    const handed = await test.sql<{ source: string }>(
      `SELECT source FROM bookings WHERE person_id = $1 AND date = $2 AND status = 'BOOKED'`,
      [s.outsider, date],
    );
    expect(handed).toEqual([{ source: 'WAITLIST' }]);

    expect(errorCode(await graphql(test.api.url, CANCEL, { id: day.id }, s.lead))).toBe('PRESENCE_DAY_CANCELLED');
    expect(errorCode(await answer(member, day.id, 'ATTENDING'))).toBe('PRESENCE_DAY_CANCELLED');
    const move = await graphql(
      test.api.url,
      MOVE,
      { input: { id: day.id, officeId: s.office.officeId, date: nextOpenDay(11) } },
      s.lead,
    );
    expect(errorCode(move)).toBe('PRESENCE_DAY_CANCELLED');
    // The date is free again for a new team day.
    await created(s.lead, dayInput(s, date, { acceptShortfall: true }));
  });

  it('keeps the team from outsiders (TEAM_NOT_FOUND) and lead actions from plain members (FORBIDDEN)', async () => {
    const s = await setup(2, plainDesks(3));
    const [member] = s.members as [string];
    const stranger = await addOtherOrganisationPerson(test, `Fremd ${kind} ${count}`);
    const date = nextOpenDay(12);
    const range = { teamId: s.teamId, from: date, to: date };
    for (const person of [s.outsider, stranger]) {
      expect(errorCode(await create(person, dayInput(s, date)))).toBe('TEAM_NOT_FOUND');
      expect(errorCode(await preview(person, dayInput(s, date)))).toBe('TEAM_NOT_FOUND');
      expect(errorCode(await graphql(test.api.url, DAYS, range, person))).toBe('TEAM_NOT_FOUND');
      expect(errorCode(await graphql(test.api.url, CALENDAR, range, person))).toBe('TEAM_NOT_FOUND');
    }
    expect(errorCode(await create(member, dayInput(s, date)))).toBe('FORBIDDEN');
    expect(errorCode(await preview(member, dayInput(s, date)))).toBe('FORBIDDEN');
    const day = await created(s.lead, dayInput(s, date));
    for (const person of [s.outsider, stranger]) {
      expect(errorCode(await answer(person, day.id, 'AWAY'))).toBe('PRESENCE_DAY_NOT_FOUND');
    }
    const move = await graphql(
      test.api.url,
      MOVE,
      { input: { id: day.id, officeId: s.office.officeId, date: nextOpenDay(13) } },
      member,
    );
    expect(errorCode(move)).toBe('FORBIDDEN');
    // A member sees the counts and their own answer, not each member's.
    const viewed = await graphql<{ presenceDays: Day[] }>(test.api.url, DAYS, range, member);
    expect(viewed.data?.presenceDays[0]).toMatchObject({ id: day.id, answers: { open: 2 }, memberAnswers: null });
    // A team from another organisation's staff office: OFFICE_NOT_FOUND.
    const [foreignOffice] = await test.sql<{ id: string }>(
      `SELECT f.id FROM offices f, (SELECT id FROM organisations ORDER BY name LIMIT 1) o
       WHERE f.operator_id <> o.id
         AND NOT EXISTS (SELECT 1 FROM office_shares x WHERE x.office_id = f.id AND x.organisation_id = o.id)
       ORDER BY f.name LIMIT 1`,
    );
    expect(foreignOffice).toBeDefined();
    expect(errorCode(await create(s.lead, { ...dayInput(s, date), officeId: foreignOffice?.id }))).toBe(
      'OFFICE_NOT_FOUND',
    );
  });

  it('keeps team days from an admin who is not in the team (FORBIDDEN, nothing live); the admin still keeps the team', async () => {
    const s = await setup(3, plainDesks(4));
    const [member] = s.members as [string];
    const admin = s.outsider;
    await makeAdmin(admin);
    const date = nextOpenDay(16);
    const range = { teamId: s.teamId, from: date, to: date };
    const day = await created(s.lead, dayInput(s, date));

    const adminClient = wsClient(test.api.url, admin);
    const memberClient = wsClient(test.api.url, member);
    const pick = (data: { teamPresenceChanged: TeamChange }): TeamChange => data.teamPresenceChanged;
    const adminChanges = new EventRecorder<TeamChange>().subscribe(
      adminClient,
      TEAM_CHANGES,
      { teamId: s.teamId },
      pick,
    );
    const memberChanges = new EventRecorder<TeamChange>().subscribe(
      memberClient,
      TEAM_CHANGES,
      { teamId: s.teamId },
      pick,
    );
    try {
      await settle();
      const refused = {
        presenceDays: await graphql(test.api.url, DAYS, range, admin),
        teamCalendar: await graphql(test.api.url, CALENDAR, range, admin),
        presenceDayPreview: await preview(admin, dayInput(s, nextOpenDay(17))),
        createPresenceDay: await create(admin, dayInput(s, nextOpenDay(17))),
        movePresenceDay: await graphql(
          test.api.url,
          MOVE,
          { input: { id: day.id, officeId: s.office.officeId, date: nextOpenDay(18) } },
          admin,
        ),
        cancelPresenceDay: await graphql(test.api.url, CANCEL, { id: day.id }, admin),
        bestPresenceDays: await graphql(test.api.url, BEST, { input: { ...range, to: nextOpenDay(20) } }, admin),
      };
      for (const [operation, response] of Object.entries(refused)) {
        expect([operation, errorCode(response)]).toEqual([operation, 'FORBIDDEN']);
        expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
        expect(response.errors?.[0]?.extensions?.['messages']).toEqual({
          de: expect.stringContaining('Teamtage sind nur für die Mitglieder und Leitungen des Teams'),
          en: expect.stringContaining('Team days are for the team’s members and leads only'),
        });
      }
      expect(errorCode(await answer(admin, day.id, 'ATTENDING'))).toBe('NOT_A_MEMBER');
      // The subscription is refused from the start, with the same error.
      const [refusal] = adminChanges.errors.flat() as { extensions?: { code?: string } }[];
      expect(refusal?.extensions?.code).toBe('FORBIDDEN');

      // The member's answer reaches the team live, not the admin; nothing was planned, moved or cancelled.
      await answered(member, day.id, 'AWAY');
      await memberChanges.waitFor(1, 10_000);
      expect(memberChanges.events[0]).toMatchObject({ reason: 'ANSWERED', presenceDay: { id: day.id } });
      expect(await countRows('presence_days', s.teamId)).toBe(1);
      const [kept] = await test.sql<{ date: string; status: string }>(
        'SELECT date, status FROM presence_days WHERE id = $1',
        [day.id],
      );
      expect(kept).toEqual({ date, status: 'PLANNED' });

      // The admin keeps the team: its name, its members, its policy and the policy summary (counts only).
      const viewed = await graphql<{ team: TeamView }>(test.api.url, TEAM, { id: s.teamId }, admin);
      expect(viewed.data?.team).toMatchObject({ viewerIsLead: false, viewerIsMember: false, viewerCanManage: true });
      expect(viewed.data?.team.members).toHaveLength(3);
      const renamed = await graphql(test.api.url, RENAME, { id: s.teamId, name: `Umbenannt ${kind} ${count}` }, admin);
      expect(renamed.errors).toBeUndefined();
      const candidates = await graphql<{ teamCandidates: { id: string }[] }>(
        test.api.url,
        CANDIDATES,
        { teamId: s.teamId },
        admin,
      );
      expect(candidates.errors).toBeUndefined();
      const [newcomer] = await addPeople(test, 1, `Neu ${kind} ${count}`);
      const added = await graphql<{ addTeamMember: { members: unknown[] } }>(
        test.api.url,
        ADD_MEMBER,
        { input: { teamId: s.teamId, personId: newcomer } },
        admin,
      );
      expect(added.data?.addTeamMember.members).toHaveLength(4);
      const policy = await graphql(
        test.api.url,
        SET_POLICY,
        { input: { teamId: s.teamId, period: 'WEEK', minDays: 1 } },
        admin,
      );
      expect(policy.errors).toBeUndefined();
      const summary = await graphql<{ teamPolicySummary: { members: number } }>(
        test.api.url,
        SUMMARY,
        { teamId: s.teamId },
        admin,
      );
      expect(summary.errors).toBeUndefined();
      expect(summary.data?.teamPolicySummary.members).toBe(4);
      // Adding a member told the team live (MEMBERS_CHANGED): the admin still heard nothing.
      await memberChanges.waitFor(2, 10_000);
      await settle();
      expect(adminChanges.events).toEqual([]);
    } finally {
      adminChanges.stop();
      memberChanges.stop();
      await adminClient.dispose();
      await memberClient.dispose();
    }

    // An admin who is a plain member reads the days like any member; one who leads the team keeps everything.
    await makeAdmin(member);
    const asMember = await graphql<{ presenceDays: Day[] }>(test.api.url, DAYS, range, member);
    expect(asMember.data?.presenceDays[0]).toMatchObject({ id: day.id, memberAnswers: null });
    expect(errorCode(await create(member, dayInput(s, nextOpenDay(19))))).toBe('FORBIDDEN');
    const memberView = await graphql<{ team: TeamView }>(test.api.url, TEAM, { id: s.teamId }, member);
    expect(memberView.data?.team).toMatchObject({ viewerIsLead: false, viewerIsMember: true, viewerCanManage: true });
    await makeAdmin(s.lead);
    const asLead = await graphql<{ presenceDays: Day[] }>(test.api.url, DAYS, range, s.lead);
    expect(asLead.data?.presenceDays[0]?.memberAnswers).toHaveLength(4);
    const leadView = await graphql<{ team: TeamView }>(test.api.url, TEAM, { id: s.teamId }, s.lead);
    expect(leadView.data?.team).toMatchObject({ viewerIsLead: true, viewerIsMember: true, viewerCanManage: true });
    const best = await graphql(test.api.url, BEST, { input: { ...range, to: nextOpenDay(20) } }, s.lead);
    expect(best.errors).toBeUndefined();
  });

  it('two leads racing for the same team and date: one team day, one PRESENCE_DAY_EXISTS', async () => {
    const s = await setup(3, plainDesks(4));
    const [secondLead] = s.members as [string];
    await test.sql('UPDATE team_members SET is_lead = true WHERE team_id = $1 AND person_id = $2', [
      s.teamId,
      secondLead,
    ]);
    const other = await addOffice(test, { name: `Zweitbüro ${kind} ${count}`, desks: plainDesks(4) });
    const date = nextOpenDay(14);
    const results = await Promise.all([
      create(s.lead, dayInput(s, date)),
      create(secondLead, { ...dayInput(s, date), officeId: other.officeId }),
    ]);
    expect(results.map((result) => errorCode(result) ?? 'OK').sort()).toEqual(['OK', 'PRESENCE_DAY_EXISTS']);
    expect(await countRows('presence_days', s.teamId)).toBe(1);
    const [winner] = results.flatMap((result) => (result.data ? [result.data.createPresenceDay] : []));
    const all = await test.sql<{ presence_day_id: string }>(
      `SELECT b.presence_day_id FROM bookings b JOIN team_members m ON m.person_id = b.person_id
       WHERE m.team_id = $1 AND b.date = $2`,
      [s.teamId, date],
    );
    expect(all).toHaveLength(3);
    expect(all.every((row) => row.presence_day_id === winner?.id)).toBe(true);
  });

  it('the calendar shows who is in only for members who allow it, and never before today', async () => {
    const s = await setup(5, plainDesks(5));
    const [teams, organisation, nobody, viewer] = s.members as [string, string, string, string];
    await test.sql(`UPDATE people SET visibility = 'TEAMS' WHERE id = $1`, [teams]);
    await test.sql(`UPDATE people SET visibility = 'ORGANISATION' WHERE id = $1`, [organisation]);
    const date = nextOpenDay(15);
    for (const [index, person] of [teams, organisation, nobody].entries()) {
      await book(person, s.office.deskIds[index] as string, date);
    }
    const yesterday = daysFromToday(-1);
    await test.sql(`INSERT INTO bookings (person_id, desk_id, date, part) VALUES ($1, $2, $3, 'FULL_DAY')`, [
      teams,
      s.office.deskIds[0],
      yesterday,
    ]);
    const day = await created(s.lead, dayInput(s, date, { acceptShortfall: true }));

    const calendar = async (personId: string, from: string, to: string) =>
      graphql<{
        teamCalendar: { date: string; presenceDays: { id: string }[]; whoIsIn: { personId: string; part: string }[] }[];
      }>(test.api.url, CALENDAR, { teamId: s.teamId, from, to }, personId);

    const seen = await calendar(viewer, yesterday, date);
    expect(seen.errors).toBeUndefined();
    const entries = seen.data?.teamCalendar ?? [];
    expect(entries.map((entry) => entry.date)[0]).toBe(yesterday);
    expect(entries.at(-1)?.date).toBe(date);
    expect(entries[0]?.whoIsIn).toEqual([]);
    const onDate = entries.at(-1);
    expect(onDate?.presenceDays).toEqual([{ id: day.id }]);
    // The two who allow it and the viewer's own team-day seat; the lead and the one who do not allow it stay hidden.
    expect(new Set(onDate?.whoIsIn.map((who) => who.personId))).toEqual(new Set([teams, organisation, viewer]));

    // The lead sees no more than any member: their own seat and those who allow it.
    const leadView = await calendar(s.lead, date, date);
    expect(new Set(leadView.data?.teamCalendar[0]?.whoIsIn.map((who) => who.personId))).toEqual(
      new Set([teams, organisation, s.lead]),
    );
    // An admin of the organisation who is not in the team sees nothing of it (the team's days are for the team).
    await makeAdmin(s.outsider);
    expect(errorCode(await calendar(s.outsider, date, date))).toBe('FORBIDDEN');

    expect(errorCode(await calendar(s.lead, date, addDays(date, 62)))).toBe('INVALID_DATE_RANGE');
    expect(errorCode(await calendar(s.lead, date, daysFromToday(0)))).toBe('INVALID_DATE_RANGE');
    expect(errorCode(await calendar(s.lead, 'gestern', date))).toBe('INVALID_DATE_RANGE');
  });
});
