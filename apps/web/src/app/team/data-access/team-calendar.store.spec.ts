import { TestBed } from '@angular/core/testing';

import { FakeTeamDaysApi } from '../../../testing/fake-team-days-api';
import { TeamApi } from './team.api';
import { TeamCalendarStore } from './team-calendar.store';

describe('TeamCalendarStore', () => {
  let api: FakeTeamDaysApi;
  let store: TeamCalendarStore;

  beforeEach(() => {
    api = new FakeTeamDaysApi();
    TestBed.configureTestingModule({ providers: [TeamCalendarStore, { provide: TeamApi, useValue: api }] });
    store = TestBed.inject(TeamCalendarStore);
  });

  it('reads the week of today, then the next and previous weeks', async () => {
    store.open('t1', '2026-11-25');
    store.next();
    store.previous();
    store.previous();
    await Promise.resolve();

    expect(api.callsOf('teamCalendar')).toEqual([
      { teamId: 't1', from: '2026-11-23', to: '2026-11-29' },
      { teamId: 't1', from: '2026-11-30', to: '2026-12-06' },
      { teamId: 't1', from: '2026-11-23', to: '2026-11-29' },
      { teamId: 't1', from: '2026-11-16', to: '2026-11-22' },
    ]);
    expect(store.showsToday()).toBe(false);
  });

  it('switches to the month and back to today', async () => {
    store.open('t1', '2026-11-25');
    store.setView('month');
    store.next();
    expect(store.range()).toEqual({ from: '2026-12-01', to: '2026-12-31' });

    store.backToToday();

    expect(store.range()).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(store.showsToday()).toBe(true);
  });

  it('shows the days the API returns', async () => {
    api.calendar = [{ date: '2026-11-23', presenceDays: [], whoIsIn: [] }];
    store.open('t1', '2026-11-25');
    await Promise.resolve();
    await Promise.resolve();

    expect(store.loadState()).toBe('ready');
    expect(store.days().map((day) => day.date)).toEqual(['2026-11-23']);
  });

  it('says when the calendar could not be read', async () => {
    api.failWith = 'INVALID_DATE_RANGE';
    store.open('t1', '2026-11-25');
    await Promise.resolve();
    await Promise.resolve();

    expect(store.loadState()).toBe('error');
    expect(store.loadError()).toContain('Zeitraum');
  });
});
