import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { anOffice } from '../../../testing/office';
import type { Booking, PresenceProgress } from '../../core/graphql/api.types';
import type { LiveSink } from '../../core/graphql/graphql-live.client';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import { MyWeekApi, type WeekTeamDay } from './my-week.api';
import { MyWeekStore, progressForWeek, weekDays } from './my-week.store';

const booking = (id: string, date: string, overrides: Partial<Booking> = {}): Booking => ({
  id,
  date,
  part: 'MORNING',
  status: 'BOOKED',
  deskId: `d-${id}`,
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  checkedInAt: null,
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
  ...overrides,
});

const teamDay = (id: string, date: string, overrides: Partial<WeekTeamDay> = {}): WeekTeamDay => ({
  id,
  teamId: 't1',
  teamName: 'Statistik',
  date,
  part: 'FULL_DAY',
  mandatory: true,
  note: null,
  cancelled: false,
  myAnswer: null,
  office: { id: 'o1', name: 'Co-Working Erlangen Hauptbahnhof' },
  ...overrides,
});

const progress: PresenceProgress = {
  team: { id: 't1', name: 'Statistik' },
  policy: { period: 'WEEK', minDays: 2, fixedWeekdays: [] },
  periods: [
    {
      from: '2026-11-23',
      to: '2026-11-29',
      required: 2,
      planned: 1,
      met: false,
      workingDays: 5,
      holidays: [],
      missingFixedWeekdays: [],
    },
    {
      from: '2026-11-30',
      to: '2026-12-06',
      required: 2,
      planned: 2,
      met: true,
      workingDays: 5,
      holidays: [],
      missingFixedWeekdays: [],
    },
  ],
};

describe('week grouping', () => {
  const week = { from: '2026-11-23', to: '2026-11-29' };

  it('lists Monday to Friday, the weekend only when something is on, and leaves out cancelled bookings', () => {
    const days = weekDays(
      week,
      '2026-11-24',
      [
        booking('b1', '2026-11-24', { part: 'AFTERNOON' }),
        booking('b2', '2026-11-24', { status: 'CANCELLED' }),
        booking('b3', '2026-11-24', { part: 'MORNING', status: 'CHECKED_IN' }),
        booking('b4', '2026-11-28', { status: 'RELEASED' }),
      ],
      [teamDay('p1', '2026-11-26'), teamDay('p2', '2026-11-27', { cancelled: true })],
    );
    expect(days.map((day) => day.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
    expect(days[1]?.isToday).toBe(true);
    expect(days[1]?.bookings.map((b) => b.id)).toEqual(['b3', 'b1']);
    expect(days[3]?.teamDays.map((d) => d.id)).toEqual(['p1']);
    expect(days[4]?.teamDays).toEqual([]);
    expect(days[5]?.bookings.map((b) => b.id)).toEqual(['b4']);
  });

  it('picks the policy period the week falls in, or none', () => {
    expect(progressForWeek([progress], week)[0]?.period?.planned).toBe(1);
    expect(progressForWeek([progress], { from: '2026-11-30', to: '2026-12-06' })[0]?.period?.met).toBe(true);
    expect(progressForWeek([progress], { from: '2026-11-16', to: '2026-11-22' })[0]?.period).toBeNull();
  });
});

describe('MyWeekStore', () => {
  let version: ReturnType<typeof signal<number>>;
  let api: {
    bookingsBetween: jest.Mock;
    teams: jest.Mock;
    teamDays: jest.Mock;
    progress: jest.Mock;
    followTeam: jest.Mock;
  };
  let sinks: LiveSink<void>[];
  let stops: jest.Mock[];
  let store: MyWeekStore;

  beforeEach(() => {
    version = signal(0);
    sinks = [];
    stops = [];
    api = {
      bookingsBetween: jest.fn(async (from: string) => (from === '2026-11-23' ? [booking('b1', '2026-11-24')] : [])),
      teams: jest.fn(async () => [{ id: 't1', name: 'Statistik' }]),
      teamDays: jest.fn(async () => [teamDay('p1', '2026-11-26')]),
      progress: jest.fn(async () => [progress]),
      followTeam: jest.fn((_teamId: string, sink: LiveSink<void>) => {
        sinks.push(sink);
        const stop = jest.fn();
        stops.push(stop);
        return stop;
      }),
    };
    TestBed.configureTestingModule({
      providers: [
        MyWeekStore,
        { provide: MyWeekApi, useValue: api },
        { provide: MyBookingChanges, useValue: { version } },
      ],
    });
    store = TestBed.inject(MyWeekStore);
  });

  it('reads the week of today with the team days and the progress, and follows the teams live', async () => {
    await store.open('2026-11-25');
    expect(api.bookingsBetween).toHaveBeenCalledWith('2026-11-23', '2026-11-29');
    expect(api.teamDays).toHaveBeenCalledWith('t1', '2026-11-23', '2026-11-29');
    expect(store.loadState()).toBe('ready');
    expect(store.showsThisWeek()).toBe(true);
    expect(store.bookingCount()).toBe(1);
    expect(store.progress()[0]?.period?.planned).toBe(1);
    expect(api.followTeam).toHaveBeenCalledTimes(1);

    sinks[0]?.next(undefined);
    await new Promise((resolve) => setTimeout(resolve));
    expect(api.bookingsBetween).toHaveBeenCalledTimes(2);
    // Still one subscription per team.
    expect(api.followTeam).toHaveBeenCalledTimes(1);
  });

  it('moves a week at a time and back to this week', async () => {
    await store.open('2026-11-25');
    await store.next();
    expect(store.week()).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(store.showsThisWeek()).toBe(false);
    expect(store.bookingCount()).toBe(0);
    await store.previous();
    await store.previous();
    expect(store.week().from).toBe('2026-11-16');
    await store.thisWeek();
    expect(store.week().from).toBe('2026-11-23');
  });

  it('reads again when the person’s bookings change, keeping the week on screen meanwhile', async () => {
    await store.open('2026-11-25');
    api.bookingsBetween.mockResolvedValueOnce([booking('b1', '2026-11-24'), booking('b2', '2026-11-25')]);
    version.set(1);
    TestBed.tick();
    expect(store.loadState()).toBe('ready');
    expect(store.bookingCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve));
    expect(api.bookingsBetween).toHaveBeenCalledTimes(2);
    expect(store.bookingCount()).toBe(2);
  });

  it('says what went wrong, and stops following when the page goes', async () => {
    await store.open('2026-11-25');
    api.progress.mockRejectedValueOnce(new Error('down'));
    await store.reload();
    expect(store.loadState()).toBe('error');
    expect(store.loadError()).not.toBeNull();
    TestBed.resetTestingModule();
    expect(stops[0]).toHaveBeenCalled();
  });
});
