import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import type { DeskAvailability } from '../../core/graphql/api.types';
import { DAY_PART_LABELS } from '../../shared/labels/day-part.labels';
import { equipmentLabel } from '../../shared/labels/equipment.labels';
import type { DeskStatus } from '../data-access/desk-availability.state';
import { blockedText, deskStatus } from '../data-access/desk-availability.state';

const STATUS_TEXT: Readonly<Record<Exclude<DeskStatus, 'blocked'>, string>> = {
  free: $localize`frei`,
  taken: $localize`belegt`,
  mine: $localize`Ihre Buchung`,
  closed: $localize`an diesem Tag nicht buchbar`,
};

/** Shapes beside the status word, so status never depends on colour alone. */
export const STATUS_ICON: Readonly<Record<DeskStatus, string>> = {
  free: '✓',
  taken: '✕',
  mine: '★',
  blocked: '⊘',
  closed: '–',
};

/** One desk: its code, whether it is free, and the one action that fits. */
@Component({
  selector: 'nb-desk-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk-card.html',
  styleUrl: './desk-card.css',
})
export class DeskCard {
  readonly desk = input.required<DeskAvailability>();
  /** This desk's booking or cancellation is under way. */
  readonly busy = input(false);
  /** Another action is under way; this card waits. */
  readonly waiting = input(false);
  /** The office takes no bookings on the day shown: a free desk cannot be booked (the page says why). */
  readonly dayClosed = input(false);
  readonly bookDesk = output<void>();
  readonly cancelBooking = output<void>();
  /** Book this desk on several days: the page opens the dialog. */
  readonly bookRecurring = output<void>();
  /** Whether the person marked this desk as a favourite; null: no favourite toggle (e.g. not read yet). */
  readonly favourite = input<boolean | null>(null);
  /** The favourite mark of this desk is being changed. */
  readonly favouriteBusy = input(false);
  readonly toggleFavourite = output<void>();

  protected readonly status = computed(() => deskStatus(this.desk(), this.dayClosed()));
  protected readonly statusText = computed(() => {
    const status = this.status();
    return status === 'blocked' ? blockedText(this.desk()) : STATUS_TEXT[status];
  });
  /** Booking (or cancelling) fits the desk: free, or the own booking. */
  protected readonly actionable = computed(() => this.status() === 'free' || this.status() === 'mine');
  /** A series can start from here: not for a blocked desk, which no day can have. */
  protected readonly recurringOffered = computed(() => this.status() !== 'taken' && this.status() !== 'blocked');
  protected readonly statusIcon = computed(() => STATUS_ICON[this.status()]);
  protected readonly recurringLabel = computed(() => $localize`Platz ${this.desk().code}:desk: regelmäßig buchen`);
  /** Equipment in German and "barrierefrei", as words. */
  protected readonly facts = computed(() => {
    const desk = this.desk();
    return [...desk.equipment.map(equipmentLabel), ...(desk.accessible ? ['barrierefrei'] : [])];
  });

  /** For a desk taken for the part asked, which half of the day is still free. */
  protected readonly halfFree = computed(() => {
    const desk = this.desk();
    if (this.status() !== 'taken' || this.dayClosed()) {
      return null;
    }
    if (desk.morningFree) {
      return DAY_PART_LABELS.MORNING;
    }
    return desk.afternoonFree ? DAY_PART_LABELS.AFTERNOON : null;
  });

  /**
   * What this card last asked for. While it is busy the label says that, not what the status suggests: a live event
   * can turn the desk "mine" before the booking's own answer arrives, and "wird storniert" would then be wrong.
   */
  private readonly requested = signal<'book' | 'cancel' | null>(null);

  protected readonly actionLabel = computed(() => {
    const code = this.desk().code;
    const cancelling = this.busy() ? this.requested() === 'cancel' : this.status() === 'mine';
    if (this.busy()) {
      return cancelling
        ? $localize`Bitte warten: Buchung von Platz ${code} wird storniert`
        : $localize`Bitte warten: Platz ${code} wird gebucht`;
    }
    return this.status() === 'mine' ? $localize`Buchung von Platz ${code} stornieren` : $localize`Platz ${code} buchen`;
  });

  /** The toggle's name says which desk, and what pressing it does: the state itself is in aria-pressed. */
  protected readonly favouriteLabel = computed(() => {
    const code = this.desk().code;
    return this.favourite()
      ? $localize`Platz ${code}:desk: als Favorit entfernen`
      : $localize`Platz ${code}:desk: als Favorit merken`;
  });

  protected askToggleFavourite(): void {
    if (!this.favouriteBusy()) {
      this.toggleFavourite.emit();
    }
  }

  protected askRecurring(): void {
    if (!this.busy() && !this.waiting()) {
      this.bookRecurring.emit();
    }
  }

  protected act(): void {
    if (this.busy() || this.waiting()) {
      return;
    }
    if (this.status() === 'mine') {
      this.requested.set('cancel');
      this.cancelBooking.emit();
    } else if (this.status() === 'free') {
      this.requested.set('book');
      this.bookDesk.emit();
    }
  }
}
