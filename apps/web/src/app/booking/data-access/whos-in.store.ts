import { DestroyRef, effect, inject, Injectable, InjectionToken, untracked } from '@angular/core';

import type { Booking, DayPart } from '../../core/graphql/api.types';
import { type ColleagueInOffice, ColleaguesApi } from '../../favourites/data-access/colleagues.api';
import { type ColleaguesLoadState, ColleaguesNextTo } from '../../favourites/data-access/colleagues-next-to';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';

/** How long live events are gathered before "who is in" is read again: a burst (a team day) gives one read. */
export const WHOS_IN_DEBOUNCE_MS = new InjectionToken<number>('WHOS_IN_DEBOUNCE_MS', { factory: () => 300 });

export type WhosInLoadState = ColleaguesLoadState;

export interface WhosInQuery {
  readonly officeId: string;
  readonly date: string;
}

/**
 * "Wer ist da?" for the booking page's office and date: the colleagues who allow it and have booked there, and the
 * person's own bookings (someone who holds a desk at that time cannot book a second one next to a colleague). Read
 * when the office or date changes, and again, debounced, after every desk event of the page, every change of the
 * person's own bookings and every (re)connection of the live socket. Provided per booking page.
 */
@Injectable()
export class WhosInStore {
  private readonly api = inject(ColleaguesApi);
  private readonly debounceMs = inject(WHOS_IN_DEBOUNCE_MS);
  private readonly state = new ColleaguesNextTo<ColleagueInOffice>(this.api, inject(BookingsApi), 'idle', () => {
    void this.reload();
  });
  private query: WhosInQuery | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly colleagues = this.state.items;
  readonly loadState = this.state.loadState;
  readonly loadError = this.state.loadError;
  /** Colleague whose "Daneben buchen" is under way. */
  readonly busyColleagueId = this.state.busy;
  /** Outcome of the last "Daneben buchen". */
  readonly note = this.state.note;

  constructor() {
    const stopListening = this.api.onLiveConnected(() => this.refresh());
    const changes = inject(MyBookingChanges);
    const seen = changes.version();
    effect(() => {
      if (changes.version() !== seen) untracked(() => this.refresh());
    });
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      clearTimeout(this.timer);
    });
  }

  /** Shows who is in at the office on the date (nobody for null). */
  watch(query: WhosInQuery | null): void {
    if (query?.officeId === this.query?.officeId && query?.date === this.query?.date) return;
    this.query = query;
    this.state.clear();
    clearTimeout(this.timer);
    if (query === null) {
      this.state.forgetReads('idle');
      return;
    }
    void this.reload();
  }

  /** Reads again after a short pause; calls in the pause make one read. */
  refresh(): void {
    if (this.query === null) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.debounceMs);
  }

  async reload(): Promise<void> {
    const query = this.query;
    if (query === null) return;
    clearTimeout(this.timer);
    // A live update reads again quietly: the list stays on screen until the new one is there.
    this.state.showLoading();
    await this.state.reload(() => this.api.whosIn(query.officeId, query.date));
  }

  /** The person's own booking on the date shown that covers a half of `part`, if any. */
  ownBookingFor(part: DayPart): Booking | null {
    const query = this.query;
    return query === null ? null : this.state.ownBookingAt(query.date, part);
  }

  /** Books the free desk nearest to the colleague's for `part`; returns the booking, or null when refused. */
  async bookNextTo(entry: ColleagueInOffice, part: DayPart): Promise<Booking | null> {
    const query = this.query;
    if (query === null) return null;
    return this.state.bookNextTo(entry.colleague.id, { colleague: entry.colleague, date: query.date, part });
  }
}
