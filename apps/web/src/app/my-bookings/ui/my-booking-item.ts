import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import type { Booking } from '../../core/graphql/api.types';
import { formatGermanDate } from '../../shared/date/civil-date';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';

/** One upcoming booking. Cancelling takes two clicks on the same button. */
@Component({
  selector: 'nb-my-booking-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-booking-item.html',
  styleUrl: './my-booking-item.css',
})
export class MyBookingItem {
  readonly booking = input.required<Booking>();
  /** The cancellation of this booking is under way. */
  readonly busy = input(false);
  readonly cancelBooking = output<void>();

  protected readonly confirming = signal(false);
  protected readonly date = computed(() => formatGermanDate(this.booking().date));
  protected readonly part = computed(() => DAY_PART_LABELS[this.booking().part]);
  protected readonly summary = computed(() => `Platz ${this.booking().deskCode}, ${this.date()}, ${this.part()}`);

  protected press(): void {
    if (this.busy()) {
      return;
    }
    if (this.confirming()) {
      this.confirming.set(false);
      this.cancelBooking.emit();
    } else {
      this.confirming.set(true);
    }
  }
}
