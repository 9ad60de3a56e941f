import { TestBed } from '@angular/core/testing';

import { FakeTeamDaysApi } from '../../../testing/fake-team-days-api';
import { aPresenceDay, aTeam, aTeamDayBooking, OUTSIDE_ADMIN } from '../../../testing/presence-day';
import { Announcer } from '../../core/a11y/announcer';
import { TeamApi } from './team.api';
import { TeamDaysStore } from './team-days.store';

const TODAY = '2026-11-23';

/** Lets awaited promises inside the store run on. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

describe('TeamDaysStore', () => {
  let api: FakeTeamDaysApi;
  let store: TeamDaysStore;
  let announce: jest.SpyInstance<void, [string]>;

  async function openWith(...days: ReturnType<typeof aPresenceDay>[]): Promise<void> {
    store.open('t1', TODAY);
    // The team comes first: its days are read only for a member.
    await settle();
    api.lastDaysRead().resolve(days);
    await settle();
  }

  beforeEach(() => {
    api = new FakeTeamDaysApi();
    TestBed.configureTestingModule({ providers: [TeamDaysStore, { provide: TeamApi, useValue: api }] });
    announce = jest.spyOn(TestBed.inject(Announcer), 'announce');
    store = TestBed.inject(TeamDaysStore);
  });

  it('reads the team and its days of the next eight weeks, and follows the team', async () => {
    await openWith(aPresenceDay({ id: 'pd2', date: '2026-12-01' }), aPresenceDay({ id: 'pd1' }));

    expect(api.lastDaysRead().variables).toEqual({ teamId: 't1', from: '2026-11-23', to: '2027-01-17' });
    expect(api.follows.map((follow) => follow.teamId)).toEqual(['t1']);
    expect(store.team()?.name).toBe('Geodaten');
    expect(store.days().map((day) => day.id)).toEqual(['pd1', 'pd2']);
    expect(store.daysLoadState()).toBe('ready');
  });

  it('answers "Ich komme" and says which desk the person got', async () => {
    await openWith(aPresenceDay());
    api.answerResult = (id, answer) => aPresenceDay({ id, myAnswer: answer, myBooking: aTeamDayBooking() });

    await store.answer(store.days()[0] ?? aPresenceDay(), 'ATTENDING');

    expect(api.callsOf('answerPresenceDay')).toEqual([{ id: 'pd1', answer: 'ATTENDING' }]);
    expect(store.days()[0]?.myAnswer).toBe('ATTENDING');
    expect(store.note()).toEqual({
      tone: 'success',
      text: 'Ihre Antwort ist gespeichert: Sie kommen am Dienstag, 24. November 2026. Ihr Platz: A-03 im Bereich Erdgeschoss.',
    });
  });

  it('does not send the answer already given', async () => {
    await openWith(aPresenceDay({ myAnswer: 'AWAY' }));

    await store.answer(store.days()[0] ?? aPresenceDay(), 'AWAY');

    expect(api.callsOf('answerPresenceDay')).toEqual([]);
  });

  it('explains a refused answer and reads the days again when the day is gone', async () => {
    await openWith(aPresenceDay());
    api.failWith = 'PRESENCE_DAY_CANCELLED';

    await store.answer(store.days()[0] ?? aPresenceDay(), 'ATTENDING');

    expect(store.note()?.tone).toBe('error');
    expect(store.note()?.text).toContain('abgesagt');
    expect(api.daysReads).toHaveLength(2);
  });

  it('puts a team day created by the lead in its place and announces it', async () => {
    await openWith(aPresenceDay());

    api.emit({ reason: 'CREATED', presenceDay: aPresenceDay({ id: 'pd0', date: '2026-11-23', mandatory: true }) });

    expect(store.days().map((day) => day.id)).toEqual(['pd0', 'pd1']);
    expect(announce).toHaveBeenCalledWith(
      'Neuer Teamtag: Montag, 23. November 2026, Ganzer Tag, in Co-Working Erlangen. Die Teilnahme ist verpflichtend.',
    );
  });

  it('takes out a cancelled day live and moves a moved one', async () => {
    await openWith(aPresenceDay(), aPresenceDay({ id: 'pd2', date: '2026-11-26' }));

    api.emit({ reason: 'CANCELLED', presenceDay: aPresenceDay({ cancelled: true }) });
    api.emit({ reason: 'MOVED', presenceDay: aPresenceDay({ id: 'pd2', date: '2027-03-01' }) });

    expect(store.days()).toEqual([]);
    expect(announce).toHaveBeenCalledWith(
      'Der Teamtag am Dienstag, 24. November 2026, Ganzer Tag, in Co-Working Erlangen wurde abgesagt.',
    );
  });

  it('updates the counts on answers without announcing them', async () => {
    await openWith(aPresenceDay());
    const version = store.version();

    api.emit({
      reason: 'ANSWERED',
      presenceDay: aPresenceDay({ answers: { attending: 1, away: 0, open: 2, seated: 2 } }),
    });

    expect(store.days()[0]?.answers.attending).toBe(1);
    expect(store.version()).toBe(version + 1);
    expect(announce).not.toHaveBeenCalled();
  });

  it('applies events that arrive during a read after the read', async () => {
    store.open('t1', TODAY);
    await settle();
    api.emit({ reason: 'CREATED', presenceDay: aPresenceDay({ id: 'pd2', date: '2026-11-30' }) });

    api.lastDaysRead().resolve([aPresenceDay()]);
    await settle();

    expect(store.days().map((day) => day.id)).toEqual(['pd1', 'pd2']);
  });

  it('reads the days again when the live socket (re)connects', async () => {
    await openWith(aPresenceDay());

    api.reconnect();
    api.lastDaysRead().resolve([]);
    await settle();

    expect(api.daysReads).toHaveLength(2);
    expect(store.days()).toEqual([]);
  });

  it('cancels a day, and does not announce its own cancellation when the event follows', async () => {
    await openWith(aPresenceDay());

    expect(await store.cancel(store.days()[0] ?? aPresenceDay())).toBe(true);
    api.emit({ reason: 'CANCELLED', presenceDay: aPresenceDay({ cancelled: true }) });

    expect(store.days()).toEqual([]);
    expect(store.note()?.text).toContain('ist abgesagt');
    expect(announce).not.toHaveBeenCalled();
  });

  it('neither reads nor follows the days of a team whose admin is not a member of it', async () => {
    api.teamDetails = aTeam(OUTSIDE_ADMIN);
    store.open('t1', TODAY);
    await settle();

    expect(store.team()?.viewerCanManage).toBe(true);
    expect(api.callsOf('presenceDays')).toEqual([]);
    expect(api.follows).toEqual([]);
    expect(store.daysLoadState()).toBe('idle');
    // Neither after a change of the team nor when the live socket (re)connects.
    await store.reloadTeam();
    await store.reloadDays();
    api.reconnect();
    await settle();
    expect(api.callsOf('presenceDays')).toEqual([]);
  });

  it('stops following the days when the viewer is no longer a member', async () => {
    await openWith(aPresenceDay());
    api.teamDetails = aTeam(OUTSIDE_ADMIN);

    await store.reloadTeam();

    expect(api.follows[0]?.stopped).toBe(true);
    expect(store.days()).toEqual([]);
  });

  it('stops following when the page goes', async () => {
    await openWith();

    TestBed.resetTestingModule();

    expect(api.follows[0]?.stopped).toBe(true);
    expect(api.connectedListeners.size).toBe(0);
  });
});
