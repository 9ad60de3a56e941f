import {
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  resource,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import type { Booking, WaitlistEntry } from '../core/graphql/api.types';
import { formatSavedAt } from '../core/offline/last-known.store';
import { BookingsApi } from '../shared/data-access/bookings.api';
import { MyBookingChanges } from '../shared/data-access/my-booking-changes';
import { WaitlistApi } from '../shared/data-access/waitlist.api';
import { visibleWaitlist, waitlistWhen } from '../shared/data-access/waitlist.state';
import { formatCivilDate } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import type { StatusNote } from '../shared/ui/status-message';
import { StatusMessage } from '../shared/ui/status-message';
import { MyBookingItem } from './ui/my-booking-item';
import { MyWaitlistItem } from './ui/my-waitlist-item';

/**
 * The current person's bookings from today on, each with a way to cancel it. The list follows changes live
 * (a booking made in another tab, one cancelled because an office is no longer shared) and after reconnecting.
 */
@Component({
  selector: 'nb-my-bookings-page',
  imports: [MyBookingItem, MyWaitlistItem, RouterLink, StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-bookings.page.html',
})
export class MyBookingsPage {
  private readonly api = inject(BookingsApi);
  private readonly waitlistApi = inject(WaitlistApi);
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');
  private readonly waitlistHeading = viewChild<ElementRef<HTMLElement>>('waitlistHeading');

  protected readonly links = ROUTE_LINKS;
  protected readonly errorMessageFor = errorMessageFor;
  /** When the list shown is the last one kept on this device because the network failed: the time it is from. */
  protected readonly offlineSince = signal<string | null>(null);
  protected readonly bookings = resource({
    loader: async ({ abortSignal }) => {
      const { bookings, savedAt } = await this.api.myBookingsOrLastKnown(abortSignal);
      this.offlineSince.set(savedAt === null ? null : formatSavedAt(savedAt));
      return bookings;
    },
  });
  protected readonly waitlist = resource({
    loader: async ({ abortSignal }) => visibleWaitlist(await this.waitlistApi.myWaitlist(abortSignal)),
  });
  protected readonly note = signal<StatusNote | null>(null);
  protected readonly busyId = signal<string | null>(null);

  constructor() {
    const changes = inject(MyBookingChanges);
    const seen = changes.version();
    effect(() => {
      if (changes.version() !== seen) {
        untracked(() => {
          this.bookings.reload();
          // A desk assigned from the waitlist changes both lists.
          this.waitlist.reload();
        });
      }
    });
  }

  protected async cancel(booking: Booking): Promise<void> {
    if (this.busyId() !== null) {
      return;
    }
    this.busyId.set(booking.id);
    try {
      const cancelled = await this.api.cancelBooking(booking.id);
      this.bookings.update((list) => list?.filter((item) => item.id !== cancelled.id));
      this.note.set({
        tone: 'success',
        text: $localize`Ihre Buchung von Platz ${cancelled.deskCode} am ${formatCivilDate(cancelled.date)} (${DAY_PART_LABELS[cancelled.part]}) ist storniert.`,
      });
      // The button that had focus is gone: continue at the list.
      this.listHeading()?.nativeElement.focus();
    } catch (error) {
      this.note.set({ tone: 'error', text: errorMessageFor(error) });
      this.bookings.reload();
    } finally {
      this.busyId.set(null);
    }
  }

  protected async leaveWaitlist(entry: WaitlistEntry): Promise<void> {
    if (this.busyId() !== null) {
      return;
    }
    this.busyId.set(entry.id);
    try {
      const left = await this.waitlistApi.leave(entry.id);
      this.waitlist.update((list) => list?.filter((item) => item.id !== left.id));
      this.note.set({
        tone: 'success',
        text: $localize`Sie stehen nicht mehr auf der Warteliste für ${entry.office.name} am ${waitlistWhen(entry)}.`,
      });
      this.waitlistHeading()?.nativeElement.focus();
    } catch (error) {
      this.note.set({ tone: 'error', text: errorMessageFor(error) });
      this.waitlist.reload();
    } finally {
      this.busyId.set(null);
    }
  }
}
