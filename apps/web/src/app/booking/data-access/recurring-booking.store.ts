import { inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { BookRecurringInput, DeskAvailability, RecurringBookingResult } from '../../core/graphql/api.types';
import { BookingsApi } from '../../shared/data-access/bookings.api';
import { DeskAvailabilityStore } from './desk-availability.store';

/** The recurring booking dialog of the booking page: which desk, the request under way, and its result. */
@Injectable()
export class RecurringBookingStore {
  private readonly bookings = inject(BookingsApi);
  private readonly desks = inject(DeskAvailabilityStore);

  private readonly openDesk = signal<DeskAvailability | null>(null);
  private readonly sending = signal(false);
  private readonly lastResult = signal<RecurringBookingResult | null>(null);
  private readonly lastError = signal<string | null>(null);

  /** The desk the dialog is open for; null when closed. */
  readonly desk = this.openDesk.asReadonly();
  readonly busy = this.sending.asReadonly();
  readonly result = this.lastResult.asReadonly();
  readonly error = this.lastError.asReadonly();

  open(desk: DeskAvailability): void {
    this.openDesk.set(desk);
    this.lastResult.set(null);
    this.lastError.set(null);
  }

  close(): void {
    this.openDesk.set(null);
    this.lastResult.set(null);
    this.lastError.set(null);
  }

  async submit(input: BookRecurringInput): Promise<void> {
    if (this.sending()) {
      return;
    }
    this.sending.set(true);
    this.lastError.set(null);
    this.lastResult.set(null);
    try {
      this.lastResult.set(await this.bookings.bookRecurring(input));
      // The chosen date may be among the booked ones.
      void this.desks.reload();
    } catch (error) {
      this.lastError.set(errorMessageFor(error));
    } finally {
      this.sending.set(false);
    }
  }
}
