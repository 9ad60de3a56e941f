import { DestroyRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { Booking, DayPart } from '../../core/graphql/api.types';
import { type ColleagueInOffice, ColleaguesApi } from '../../favourites/data-access/colleagues.api';
import { bookedNextToText, ownBookingAt } from '../../favourites/data-access/colleagues.state';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import type { StatusNote } from '../../shared/ui/status-message';

/** How long live events are gathered before "who is in" is read again: a burst (a team day) gives one read. */
export const WHOS_IN_DEBOUNCE_MS = new InjectionToken<number>('WHOS_IN_DEBOUNCE_MS', { factory: () => 300 });

export type WhosInLoadState = 'idle' | 'loading' | 'ready' | 'error';

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
  private readonly bookings = inject(BookingsApi);
  private readonly debounceMs = inject(WHOS_IN_DEBOUNCE_MS);
  private readonly list = signal<readonly ColleagueInOffice[]>([]);
  private readonly myBookingList = signal<readonly Booking[]>([]);
  private readonly load = signal<WhosInLoadState>('idle');
  private readonly errorText = signal<string | null>(null);
  private readonly busy = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private query: WhosInQuery | null = null;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly colleagues = this.list.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.errorText.asReadonly();
  /** Colleague whose "Daneben buchen" is under way. */
  readonly busyColleagueId = this.busy.asReadonly();
  /** Outcome of the last "Daneben buchen". */
  readonly note = this.lastNote.asReadonly();

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
    this.list.set([]);
    this.lastNote.set(null);
    clearTimeout(this.timer);
    if (query === null) {
      this.generation += 1;
      this.load.set('idle');
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
    const generation = ++this.generation;
    // A live update reads again quietly: the list stays on screen until the new one is there.
    if (this.load() !== 'ready') this.load.set('loading');
    try {
      const [colleagues, mine] = await Promise.all([
        this.api.whosIn(query.officeId, query.date),
        // Without the own bookings the list still shows; the API refuses a second desk anyway.
        this.bookings.myBookings().catch((): Booking[] => []),
      ]);
      if (generation !== this.generation) return;
      this.list.set(colleagues);
      this.myBookingList.set(mine);
      this.errorText.set(null);
      this.load.set('ready');
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /** The person's own booking on the date shown that covers a half of `part`, if any. */
  ownBookingFor(part: DayPart): Booking | null {
    const query = this.query;
    return query === null ? null : ownBookingAt(this.myBookingList(), query.date, part);
  }

  /** Books the free desk nearest to the colleague's for `part`; returns the booking, or null when refused. */
  async bookNextTo(entry: ColleagueInOffice, part: DayPart): Promise<Booking | null> {
    const query = this.query;
    if (query === null || this.busy() !== null) return null;
    this.busy.set(entry.colleague.id);
    this.lastNote.set(null);
    try {
      const booking = await this.api.bookNextTo({ colleagueId: entry.colleague.id, date: query.date, part });
      this.myBookingList.update((bookings) => [...bookings, booking]);
      this.lastNote.set({ tone: 'success', text: bookedNextToText(booking, entry.colleague.displayName) });
      return booking;
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
      // The refusal may come from a change not shown yet (the colleague left, stopped sharing, the office is full).
      void this.reload();
      return null;
    } finally {
      this.busy.set(null);
    }
  }
}
