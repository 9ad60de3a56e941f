import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { WaitlistEntry } from '../../core/graphql/api.types';
import { waitlistWhen } from '../../shared/data-access/waitlist.state';

/** One waitlist entry: when, where, the place in line or the desk assigned, and a way to leave. */
@Component({
  selector: 'nb-my-waitlist-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="booking" [attr.data-waitlist-id]="entry().id">
      <h3 class="booking__when">{{ when() }}</h3>
      <p class="booking__where">{{ entry().office.name }}, {{ entry().office.municipality.name }}</p>
      @if (entry().status === 'ASSIGNED') {
        <p i18n data-status="assigned">
          <span aria-hidden="true">✓ </span><strong>Platz zugeteilt</strong>
          @if (entry().booking; as booking) {
            : Platz {{ booking.deskCode }} ({{ booking.areaName }})
          }
        </p>
      } @else {
        <p i18n data-status="waiting">
          @if (entry().position !== null) {
            Platz {{ entry().position }} der Warteliste
          } @else {
            Auf der Warteliste
          }
        </p>
        <button
          i18n
          type="button"
          class="button--secondary"
          [attr.aria-label]="leaveLabel()"
          [attr.aria-disabled]="busy() || null"
          (click)="!busy() && leave.emit()"
        >
          @if (busy()) {
            Bitte warten …
          } @else {
            Warteliste verlassen
          }
        </button>
      }
    </article>
  `,
  styleUrl: './my-booking-item.css',
})
export class MyWaitlistItem {
  readonly entry = input.required<WaitlistEntry>();
  readonly busy = input(false);
  readonly leave = output<void>();

  protected readonly when = computed(() => waitlistWhen(this.entry()));
  protected readonly placeAndTime = computed(() => `${this.entry().office.name}, ${this.when()}`);
  /** The button's visible text first (voice control finds it), then which entry. */
  protected readonly leaveLabel = computed(() =>
    this.busy()
      ? $localize`Bitte warten: Warteliste verlassen – ${this.placeAndTime()}:entry:`
      : $localize`Warteliste verlassen – ${this.placeAndTime()}:entry:`,
  );
}
