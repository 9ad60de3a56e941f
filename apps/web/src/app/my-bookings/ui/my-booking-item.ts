import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import type { Booking } from '../../core/graphql/api.types';
import { formatCivilDate } from '../../shared/date/civil-date';
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
  protected readonly date = computed(() => formatCivilDate(this.booking().date));
  protected readonly part = computed(() => DAY_PART_LABELS[this.booking().part]);
  protected readonly summary = computed(
    () => $localize`Platz ${this.booking().deskCode}:desk:, ${this.date()}:date:, ${this.part()}:part:`,
  );
  /** The button's visible text first (voice control finds it), then which booking. */
  protected readonly cancelLabel = computed(() => {
    const action = this.busy()
      ? $localize`Bitte warten: wird storniert`
      : this.confirming()
        ? $localize`Wirklich stornieren?`
        : $localize`Stornieren`;
    return `${action} – ${this.summary()}`;
  });

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
