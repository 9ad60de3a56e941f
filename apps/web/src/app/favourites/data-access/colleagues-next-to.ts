import { type Signal, signal, type WritableSignal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { Booking, DayPart } from '../../core/graphql/api.types';
import type { BookingsApi } from '../../shared/data-access/bookings.api';
import type { StatusNote } from '../../shared/ui/status-message';
import type { ColleaguesApi } from './colleagues.api';
import { bookedNextToText, ownBookingAt } from './colleagues.state';

export type ColleaguesLoadState = 'idle' | 'loading' | 'ready' | 'error';

/** Whose desk "Daneben buchen" books next to, and when. */
export interface NextToRequest {
  readonly colleague: { readonly id: string; readonly displayName: string };
  readonly date: string;
  readonly part: DayPart;
}

/**
 * What "Wer ist da?" (booking page) and the favourite colleagues have in common: a list of colleagues, read together
 * with the person's own bookings (where the person holds a desk already, "Daneben buchen" is not offered); its load
 * state and error; the actions on it, one at a time, with the note of the last one; and "Daneben buchen" itself.
 * A store owns one and says how to read its list (`reload`) and what to do after a refused action (`reread`).
 */
export class ColleaguesNextTo<T> {
  private readonly list = signal<readonly T[]>([]);
  private readonly myBookingList = signal<readonly Booking[]>([]);
  private readonly load: WritableSignal<ColleaguesLoadState>;
  private readonly errorText = signal<string | null>(null);
  private readonly busyKey = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private generation = 0;

  readonly items = this.list.asReadonly();
  readonly loadState: Signal<ColleaguesLoadState>;
  readonly loadError = this.errorText.asReadonly();
  /** The key of the action under way, if any. */
  readonly busy = this.busyKey.asReadonly();
  /** Outcome of the last action. */
  readonly note = this.lastNote.asReadonly();

  constructor(
    private readonly colleagues: ColleaguesApi,
    private readonly bookings: BookingsApi,
    initialState: ColleaguesLoadState,
    /** Reads the list again after a refused action: the refusal may come from a change not shown yet. */
    private readonly reread: () => void,
  ) {
    this.load = signal<ColleaguesLoadState>(initialState);
    this.loadState = this.load.asReadonly();
  }

  /**
   * Reads the list with `read` and the person's own bookings at once. A read that an older one overtakes, or that
   * `forgetReads` dropped, changes nothing. The list stays on screen while it is read again.
   */
  async reload(read: () => Promise<readonly T[]>): Promise<void> {
    const generation = ++this.generation;
    try {
      const [items, mine] = await Promise.all([
        read(),
        // Without the own bookings the list still shows; the API refuses a second desk anyway.
        this.bookings.myBookings().catch((): Booking[] => []),
      ]);
      if (generation !== this.generation) return;
      this.list.set(items);
      this.myBookingList.set(mine);
      this.errorText.set(null);
      this.load.set('ready');
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /** Shows "loading" unless a list is on screen (which then stays until the new one is there). */
  showLoading(): void {
    if (this.load() !== 'ready') this.load.set('loading');
  }

  /** Empties the list and the note, for another office or date. */
  clear(): void {
    this.list.set([]);
    this.lastNote.set(null);
  }

  /** Drops what reads under way will answer; `state`, when given, is the load state from now on. */
  forgetReads(state?: ColleaguesLoadState): void {
    this.generation += 1;
    if (state !== undefined) this.load.set(state);
  }

  updateItems(change: (items: readonly T[]) => readonly T[]): void {
    this.list.update(change);
  }

  /** The person's own live booking on `date` that covers a half of `part`, if any. */
  ownBookingAt(date: string, part: DayPart): Booking | null {
    return ownBookingAt(this.myBookingList(), date, part);
  }

  /** Sets the note of the action under way (its outcome). */
  tell(note: StatusNote): void {
    this.lastNote.set(note);
  }

  /**
   * Runs one action under `key` (none while another runs: then false). The action tells its own outcome (`tell`);
   * a refusal becomes an error note and reads the list again.
   */
  async run(key: string, action: () => Promise<void>): Promise<boolean> {
    if (this.busyKey() !== null) return false;
    this.busyKey.set(key);
    this.lastNote.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
      this.reread();
      return false;
    } finally {
      this.busyKey.set(null);
    }
  }

  /**
   * "Daneben buchen": books the free desk nearest to the colleague's, as action `key`. The note names desk, colleague
   * and day, and `more` when given. Returns the booking, or null when refused or another action runs.
   */
  async bookNextTo(key: string, request: NextToRequest, more?: (booking: Booking) => string): Promise<Booking | null> {
    let booked: Booking | null = null;
    await this.run(key, async () => {
      const { colleague, date, part } = request;
      const booking = await this.colleagues.bookNextTo({ colleagueId: colleague.id, date, part });
      booked = booking;
      this.myBookingList.update((bookings) => [...bookings, booking]);
      const text = bookedNextToText(booking, colleague.displayName);
      this.tell({ tone: 'success', text: more === undefined ? text : `${text} ${more(booking)}` });
    });
    return booked;
  }
}
