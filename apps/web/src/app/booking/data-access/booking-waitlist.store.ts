import { effect, inject, Injectable, resource, signal, untracked } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { JoinWaitlistInput, WaitlistEntry } from '../../core/graphql/api.types';
import { MyBookingChanges } from '../../shared/data-access/my-booking-changes';
import { WaitlistApi } from '../../shared/data-access/waitlist.api';
import { waitlistEntryFor } from '../../shared/data-access/waitlist.state';
import type { StatusNote } from '../../shared/ui/status-message';

/** The person's waitlist entries as the booking page needs them: join for a full time, leave again. */
@Injectable()
export class BookingWaitlistStore {
  private readonly api = inject(WaitlistApi);
  private readonly entries = resource({
    loader: ({ abortSignal }) => this.api.myWaitlist(abortSignal),
  });
  private readonly sending = signal(false);
  private readonly lastNote = signal<StatusNote | null>(null);

  readonly busy = this.sending.asReadonly();
  readonly note = this.lastNote.asReadonly();

  constructor() {
    // A desk assigned from the waitlist (or any other change) arrives here: read the entries again.
    const changes = inject(MyBookingChanges);
    const seen = changes.version();
    effect(() => {
      if (changes.version() !== seen) {
        untracked(() => this.entries.reload());
      }
    });
  }

  /** The entry for this office, date and part, when the person is on that waitlist. */
  entryFor(query: JoinWaitlistInput): WaitlistEntry | null {
    const list = this.entries.hasValue() ? this.entries.value() : [];
    return waitlistEntryFor(list, query.officeId, query.date, query.part);
  }

  /** Forgets the last message, e.g. when another time is chosen. */
  clearNote(): void {
    this.lastNote.set(null);
  }

  async join(query: JoinWaitlistInput): Promise<void> {
    await this.run(async () => {
      const entry = await this.api.join(query);
      this.entries.update((list) => [...(list ?? []).filter((item) => item.id !== entry.id), entry]);
      // The box shows the place in line in its own status region.
      this.lastNote.set(null);
    });
  }

  async leave(entry: WaitlistEntry): Promise<void> {
    await this.run(async () => {
      const left = await this.api.leave(entry.id);
      this.entries.update((list) => (list ?? []).filter((item) => item.id !== left.id));
      this.lastNote.set({ tone: 'success', text: $localize`Sie stehen nicht mehr auf der Warteliste.` });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.sending()) {
      return;
    }
    this.sending.set(true);
    try {
      await action();
    } catch (error) {
      this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
      this.entries.reload();
    } finally {
      this.sending.set(false);
    }
  }
}
