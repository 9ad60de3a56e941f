import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { BookingNotice } from '../data-access/my-booking-changes';

/** Messages about bookings that others changed, each with a button to close it. */
@Component({
  selector: 'nb-booking-notices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notices().length > 0) {
      <section
        i18n-aria-label
        class="notices"
        aria-label="Mitteilungen zu Ihren Buchungen"
        data-testid="booking-notices"
      >
        @for (notice of notices(); track notice.id) {
          <div class="status notice">
            <p class="notice__text"><span i18n class="status__prefix">Hinweis:</span> {{ notice.text }}</p>
            <button i18n type="button" class="button--secondary" (click)="dismiss.emit(notice.id)">
              Hinweis schließen
            </button>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .notice__text {
      flex: 1 1 20rem;
      margin: 0;
    }
  `,
})
export class BookingNotices {
  readonly notices = input.required<readonly BookingNotice[]>();
  readonly dismiss = output<number>();
}
