import { computed, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { TeamCalendarDay } from '../../core/graphql/api.types';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import { TeamApi } from './team.api';
import type { DateRange } from './team-dates';
import { addDays, addMonths, monthOf, weekOf } from './team-dates';
import type { LoadState } from './team-days.store';

export type CalendarView = 'week' | 'month';

/**
 * The team's calendar for one week or one month: team days and, for members who allow it, who is in where
 * (the API leaves out the past and everyone who keeps it to themselves). Provided per team page.
 */
@Injectable()
export class TeamCalendarStore {
  private readonly api = inject(TeamApi);
  private readonly viewValue = signal<CalendarView>('week');
  private readonly anchor = signal(todayInOfficeZone());
  private readonly entries = signal<readonly TeamCalendarDay[]>([]);
  private readonly load = signal<LoadState>('idle');
  private readonly errorText = signal<string | null>(null);
  private teamId: string | null = null;
  private today = todayInOfficeZone();
  private generation = 0;

  readonly view = this.viewValue.asReadonly();
  readonly range = computed((): DateRange => {
    const anchor = this.anchor();
    return this.viewValue() === 'week' ? weekOf(anchor) : monthOf(anchor);
  });
  readonly days = this.entries.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.errorText.asReadonly();
  /** The range shown contains today. */
  readonly showsToday = computed(() => {
    const { from, to } = this.range();
    return this.today >= from && this.today <= to;
  });

  open(teamId: string, today = todayInOfficeZone()): void {
    if (teamId === this.teamId) {
      return;
    }
    this.teamId = teamId;
    this.today = today;
    this.anchor.set(today);
    this.entries.set([]);
    void this.reload();
  }

  setView(view: CalendarView): void {
    if (view !== this.viewValue()) {
      this.viewValue.set(view);
      void this.reload();
    }
  }

  previous(): void {
    this.move(-1);
  }

  next(): void {
    this.move(1);
  }

  /** Back to the week or month of today. */
  backToToday(): void {
    this.anchor.set(this.today);
    void this.reload();
  }

  async reload(): Promise<void> {
    const teamId = this.teamId;
    if (teamId === null) {
      return;
    }
    const generation = ++this.generation;
    const range = this.range();
    this.load.set('loading');
    try {
      const days = await this.api.teamCalendar({ teamId, ...range });
      if (generation === this.generation) {
        this.entries.set(days);
        this.errorText.set(null);
        this.load.set('ready');
      }
    } catch (error) {
      if (generation === this.generation) {
        this.errorText.set(errorMessageFor(error));
        this.load.set('error');
      }
    }
  }

  private move(steps: number): void {
    const anchor = this.range().from;
    this.anchor.set(this.viewValue() === 'week' ? addDays(anchor, 7 * steps) : addMonths(anchor, steps));
    void this.reload();
  }
}
