import { effect, inject, Injectable, signal, untracked } from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { errorMessageFor } from '../../core/errors/error-messages';
import type { Booking } from '../../core/graphql/api.types';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import {
  type Colleague,
  type ColleagueDay,
  ColleaguesApi,
  type FavouriteColleague,
  MIN_SEARCH_LENGTH,
} from './colleagues.api';
import { ColleaguesNextTo } from './colleagues-next-to';

/** The search as the page shows it: nothing asked yet, under way, or the answer (possibly empty). */
export type SearchState = 'idle' | 'searching' | 'done';

/**
 * The person's favourite colleagues with their days over the next two weeks, the search to add more, and "Daneben
 * buchen" for a day. Read on opening and again whenever the person's bookings change (live) or the socket
 * reconnects. Provided per favourites page.
 */
@Injectable()
export class FavouriteColleaguesStore {
  private readonly api = inject(ColleaguesApi);
  private readonly announcer = inject(Announcer);
  private readonly state = new ColleaguesNextTo<FavouriteColleague>(this.api, inject(BookingsApi), 'loading', () => {
    void this.reload();
  });
  private readonly results = signal<readonly Colleague[]>([]);
  private readonly search = signal<SearchState>('idle');
  private readonly problem = signal<string | null>(null);
  private searchGeneration = 0;

  readonly colleagues = this.state.items;
  /** 'loading' until the first answer, then 'ready' or 'error' (never 'idle'). */
  readonly loadState = this.state.loadState;
  readonly loadError = this.state.loadError;
  /** What is under way: `add:<id>`, `remove:<id>` or `next:<id>:<date>`. */
  readonly busy = this.state.busy;
  /** Outcome of the last action on a favourite colleague. */
  readonly note = this.state.note;
  readonly searchResults = this.results.asReadonly();
  readonly searchState = this.search.asReadonly();
  /** What is wrong with the search text (too short, refused). */
  readonly searchProblem = this.problem.asReadonly();

  constructor() {
    const changes = inject(MyBookingChanges);
    const seen = changes.version();
    effect(() => {
      if (changes.version() !== seen) untracked(() => void this.reload());
    });
    void this.reload();
  }

  async reload(): Promise<void> {
    await this.state.reload(() => this.api.favouriteColleagues());
  }

  /** The person's own booking at the time of a colleague's day, if any: then "Daneben buchen" is not offered. */
  ownBookingAt(day: Pick<ColleagueDay, 'date' | 'part'>): Booking | null {
    return this.state.ownBookingAt(day.date, day.part);
  }

  /** Looks for colleagues who let the person see them, by part of the name (at least two letters). */
  async find(text: string): Promise<void> {
    const query = text.trim();
    const generation = ++this.searchGeneration;
    if ([...query].length < MIN_SEARCH_LENGTH) {
      this.problem.set($localize`Bitte geben Sie mindestens ${MIN_SEARCH_LENGTH}:count: Buchstaben des Namens ein.`);
      this.results.set([]);
      this.search.set('idle');
      return;
    }
    this.problem.set(null);
    this.search.set('searching');
    try {
      const found = await this.api.search(query);
      if (generation !== this.searchGeneration) return;
      this.results.set(found);
      this.search.set('done');
      this.announcer.announce(
        found.length === 0
          ? $localize`Niemand gefunden.`
          : found.length === 1
            ? $localize`Eine Person gefunden.`
            : $localize`${found.length}:count: Personen gefunden.`,
      );
    } catch (error) {
      if (generation !== this.searchGeneration) return;
      this.results.set([]);
      this.problem.set(errorMessageFor(error));
      this.search.set('idle');
    }
  }

  async add(colleague: Colleague): Promise<boolean> {
    return this.state.run(`add:${colleague.id}`, async () => {
      const added = await this.api.addFavouriteColleague(colleague.id);
      this.results.update((found) => found.map((c) => (c.id === added.id ? { ...c, favourite: true } : c)));
      this.state.tell({
        tone: 'success',
        text: $localize`${added.displayName}:name: ist jetzt unter Ihren Favoriten.`,
      });
      await this.reload();
    });
  }

  async remove(colleague: Pick<FavouriteColleague, 'id' | 'displayName'>): Promise<boolean> {
    return this.state.run(`remove:${colleague.id}`, async () => {
      await this.api.removeFavouriteColleague(colleague.id);
      // A read under way may still list the colleague.
      this.state.forgetReads();
      this.state.updateItems((list) => list.filter((c) => c.id !== colleague.id));
      this.results.update((found) => found.map((c) => (c.id === colleague.id ? { ...c, favourite: false } : c)));
      this.state.tell({
        tone: 'success',
        text: $localize`${colleague.displayName}:name: ist nicht mehr unter Ihren Favoriten.`,
      });
    });
  }

  /** Books the desk nearest to the colleague's on their day, for the same part of the day. */
  async bookNextTo(colleague: Pick<FavouriteColleague, 'id' | 'displayName'>, day: ColleagueDay): Promise<boolean> {
    const booking = await this.state.bookNextTo(
      `next:${colleague.id}:${day.date}`,
      { colleague, date: day.date, part: day.part },
      (booked) => $localize`Büro: ${booked.office.name}:office:.`,
    );
    return booking !== null;
  }
}
