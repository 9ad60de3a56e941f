import { computed, inject, Injectable, signal } from '@angular/core';

import { Announcer } from '../../core/a11y/announcer';
import { errorMessageFor } from '../../core/errors/error-messages';
import type { StatusNote } from '../../shared/ui/status-message';
import { ColleaguesApi, type FavouriteDesk } from './colleagues.api';

export type FavouritesLoadState = 'loading' | 'ready' | 'error';

/** What a toggle needs of a desk: its id, and its code for the messages. */
export interface DeskRef {
  readonly deskId: string;
  readonly code: string;
}

/**
 * The person's favourite desks: read once per page, then changed by the person's own toggles (only they change
 * them). Provided per page (booking page and favourites page).
 */
@Injectable()
export class FavouriteDesksStore {
  private readonly api = inject(ColleaguesApi);
  private readonly announcer = inject(Announcer);
  private readonly list = signal<readonly FavouriteDesk[]>([]);
  private readonly load = signal<FavouritesLoadState>('loading');
  private readonly errorText = signal<string | null>(null);
  private readonly pending = signal<ReadonlySet<string>>(new Set());
  private readonly lastNote = signal<StatusNote | null>(null);
  /** Counts reads and changes: the answer to a read older than a change is dropped (and read again). */
  private generation = 0;

  readonly desks = this.list.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.errorText.asReadonly();
  /** Outcome of the last failed toggle (successes are announced). */
  readonly note = this.lastNote.asReadonly();
  readonly ids = computed(() => new Set(this.list().map((desk) => desk.deskId)));

  constructor() {
    void this.reload();
  }

  isFavourite(deskId: string): boolean {
    return this.ids().has(deskId);
  }

  isBusy(deskId: string): boolean {
    return this.pending().has(deskId);
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const desks = await this.api.favouriteDesks();
      if (generation !== this.generation) return;
      this.list.set(desks);
      this.errorText.set(null);
      this.load.set('ready');
    } catch (error) {
      if (generation !== this.generation) return;
      this.errorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /** Marks the desk as a favourite, or removes the mark. */
  async toggle(desk: DeskRef): Promise<void> {
    if (this.isFavourite(desk.deskId)) {
      await this.remove(desk);
    } else {
      await this.add(desk);
    }
  }

  async add(desk: DeskRef): Promise<void> {
    await this.run(desk, async () => {
      const added = await this.api.addFavouriteDesk(desk.deskId);
      this.list.update((desks) => [...desks.filter((d) => d.deskId !== added.deskId), added]);
      this.announcer.announce($localize`Platz ${desk.code}:desk: ist jetzt einer Ihrer Favoriten.`);
    });
  }

  async remove(desk: DeskRef): Promise<void> {
    await this.run(desk, async () => {
      await this.api.removeFavouriteDesk(desk.deskId);
      this.list.update((desks) => desks.filter((d) => d.deskId !== desk.deskId));
      this.announcer.announce($localize`Platz ${desk.code}:desk: ist kein Favorit mehr.`);
    });
  }

  private async run(desk: DeskRef, action: () => Promise<void>): Promise<void> {
    if (this.isBusy(desk.deskId)) return;
    this.pending.update((ids) => new Set([...ids, desk.deskId]));
    this.lastNote.set(null);
    // An answer to a read started before this change would undo it on screen.
    this.generation += 1;
    try {
      await action();
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
    } finally {
      this.pending.update((ids) => new Set([...ids].filter((id) => id !== desk.deskId)));
      if (this.load() === 'loading') void this.reload();
    }
  }
}
