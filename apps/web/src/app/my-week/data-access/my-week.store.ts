import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { Booking, PresencePeriodProgress, PresencePolicy, PresenceProgress } from '../../core/graphql/api.types';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import { MyWeekApi, type WeekTeam, type WeekTeamDay } from './my-week.api';
import { addDays, datesOf, isoWeekday, type Week, weekOf } from './week-dates';

export type LoadState = 'loading' | 'ready' | 'error';

/** One day of the week view: the person's bookings and their teams' days. */
export interface WeekDay {
  readonly date: string;
  readonly isToday: boolean;
  readonly bookings: readonly Booking[];
  readonly teamDays: readonly WeekTeamDay[];
}

/** A team's policy and the period of it the shown week falls in; null when the API has none for that week. */
export interface WeekProgress {
  readonly team: PresenceProgress['team'];
  readonly policy: PresencePolicy;
  readonly period: PresencePeriodProgress | null;
}

const PART_ORDER: Readonly<Record<Booking['part'], number>> = { MORNING: 0, FULL_DAY: 1, AFTERNOON: 2 };

/** Bookings the week shows: cancelled ones are gone from the person's week; released ones stay, as a reminder. */
export function shownBookings(bookings: readonly Booking[], date: string): Booking[] {
  return bookings
    .filter((booking) => booking.date === date && booking.status !== 'CANCELLED')
    .sort((a, b) => PART_ORDER[a.part] - PART_ORDER[b.part]);
}

/** Groups what was read by day: Monday to Friday always, Saturday and Sunday only when something is on. */
export function weekDays(
  week: Week,
  today: string,
  bookings: readonly Booking[],
  teamDays: readonly WeekTeamDay[],
): WeekDay[] {
  return datesOf(week)
    .map((date) => ({
      date,
      isToday: date === today,
      bookings: shownBookings(bookings, date),
      teamDays: teamDays
        .filter((day) => day.date === date && !day.cancelled)
        .sort((a, b) => a.teamName.localeCompare(b.teamName, 'de')),
    }))
    .filter((day) => isoWeekday(day.date) <= 5 || day.bookings.length > 0 || day.teamDays.length > 0);
}

/** The period of each policy that overlaps the week (a week policy: that week; a month policy: its month). */
export function progressForWeek(progress: readonly PresenceProgress[], week: Week): WeekProgress[] {
  return progress.map(({ team, policy, periods }) => ({
    team,
    policy,
    period: periods.find((period) => period.from <= week.to && period.to >= week.from) ?? null,
  }));
}

/**
 * The person's week: their bookings (every status but cancelled), their teams' days and their presence policy
 * progress. It reads again when their bookings change (also in another tab or by a lead's team day), when a team day
 * of one of their teams changes, and after the live connection came back. Provided per page.
 */
@Injectable()
export class MyWeekStore {
  private readonly api = inject(MyWeekApi);
  private readonly weekValue = signal<Week>(weekOf(todayInOfficeZone()));
  private readonly todayValue = signal(todayInOfficeZone());
  private readonly bookingList = signal<readonly Booking[]>([]);
  private readonly teamDayList = signal<readonly WeekTeamDay[]>([]);
  private readonly progressList = signal<readonly PresenceProgress[]>([]);
  private readonly load = signal<LoadState>('loading');
  private readonly errorText = signal<string | null>(null);
  private readonly followed = new Map<string, () => void>();
  private generation = 0;

  readonly week = this.weekValue.asReadonly();
  readonly today = this.todayValue.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.errorText.asReadonly();
  readonly days = computed(() => weekDays(this.weekValue(), this.todayValue(), this.bookingList(), this.teamDayList()));
  readonly progress = computed(() => progressForWeek(this.progressList(), this.weekValue()));
  readonly showsThisWeek = computed(() => this.weekValue().from === weekOf(this.todayValue()).from);
  readonly bookingCount = computed(() => this.days().reduce((count, day) => count + day.bookings.length, 0));

  constructor() {
    const changes = inject(MyBookingChanges);
    const seen = changes.version();
    effect(() => {
      if (changes.version() !== seen) {
        untracked(() => void this.reload());
      }
    });
    inject(DestroyRef).onDestroy(() => this.followTeams([]));
  }

  /** Shows the week of `today` (Europe/Berlin) and reads it. */
  open(today: string = todayInOfficeZone()): Promise<void> {
    this.todayValue.set(today);
    this.show(weekOf(today));
    return this.reload();
  }

  previous(): Promise<void> {
    return this.move(-7);
  }

  next(): Promise<void> {
    return this.move(7);
  }

  thisWeek(): Promise<void> {
    this.show(weekOf(this.todayValue()));
    return this.reload();
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    const { from, to } = this.weekValue();
    // A live update reads again quietly: the week stays on screen until the new state is there.
    if (this.load() !== 'ready') this.load.set('loading');
    try {
      const [bookings, teams, progress] = await Promise.all([
        this.api.bookingsBetween(from, to),
        this.api.teams(),
        this.api.progress(),
      ]);
      const teamDays = (await Promise.all(teams.map((team) => this.api.teamDays(team.id, from, to)))).flat();
      if (generation !== this.generation) return;
      this.bookingList.set(bookings);
      this.teamDayList.set(teamDays);
      this.progressList.set(progress);
      this.errorText.set(null);
      this.load.set('ready');
      this.followTeams(teams);
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  private move(days: number): Promise<void> {
    this.show(weekOf(addDays(this.weekValue().from, days)));
    return this.reload();
  }

  /** Another week: nothing of the previous one stays on screen while it loads. */
  private show(week: Week): void {
    this.weekValue.set(week);
    this.bookingList.set([]);
    this.teamDayList.set([]);
    this.load.set('loading');
  }

  /** One live subscription per team of the person (they share the app's one socket): a changed team day reads again. */
  private followTeams(teams: readonly WeekTeam[]): void {
    const wanted = new Set(teams.map((team) => team.id));
    for (const [teamId, stop] of this.followed) {
      if (!wanted.has(teamId)) {
        stop();
        this.followed.delete(teamId);
      }
    }
    for (const teamId of wanted) {
      if (!this.followed.has(teamId)) {
        this.followed.set(
          teamId,
          this.api.followTeam(teamId, {
            next: () => void this.reload(),
            // The week still shows what was read; a reload brings it up to date.
            error: () => undefined,
          }),
        );
      }
    }
  }
}
