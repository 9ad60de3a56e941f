import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { WaitlistEntry } from '../../core/graphql/api.types';
import { waitlistStateText } from '../../shared/data-access/waitlist.state';
import type { StatusNote } from '../../shared/ui/status-message';
import { StatusMessage } from '../../shared/ui/status-message';

/** Shown when no desk is free: join the waitlist, see the place in it, leave it. */
@Component({
  selector: 'nb-waitlist-box',
  imports: [StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="status waitlist" aria-labelledby="waitlist-heading" data-testid="waitlist-box">
      <h3 id="waitlist-heading" class="waitlist__title">
        @if (entry()?.status === 'ASSIGNED') {
          <ng-container i18n>Platz von der Warteliste</ng-container>
        } @else {
          <ng-container i18n>Alle Plätze sind belegt</ng-container>
        }
      </h3>
      <div role="status" aria-live="polite" aria-atomic="true">
        @if (entry() !== null) {
          <p data-testid="waitlist-state">{{ stateText() }}</p>
        }
      </div>
      @if (entry() === null) {
        <p i18n>
          Sie können sich auf die Warteliste setzen. Wird ein Platz frei, bekommen Sie ihn automatisch und erhalten eine
          Mitteilung.
        </p>
      }
      @if (entry()?.status !== 'ASSIGNED') {
        <!-- One button for both actions keeps keyboard focus when joining turns into leaving. -->
        <button
          i18n
          type="button"
          [class.button--secondary]="entry() !== null"
          [attr.aria-disabled]="busy() || null"
          (click)="act()"
        >
          @if (busy()) {
            Bitte warten …
          } @else if (entry() !== null) {
            Warteliste verlassen
          } @else {
            Auf die Warteliste setzen
          }
        </button>
      }
      <nb-status-message [note]="note()" />
    </section>
  `,
  styles: `
    .waitlist__title {
      margin-top: 0;
    }
  `,
})
export class WaitlistBox {
  readonly entry = input<WaitlistEntry | null>(null);
  readonly busy = input(false);
  readonly note = input<StatusNote | null>(null);
  readonly join = output<void>();
  readonly leave = output<WaitlistEntry>();

  protected readonly stateText = computed(() => {
    const entry = this.entry();
    return entry === null ? '' : waitlistStateText(entry);
  });

  protected act(): void {
    if (this.busy()) {
      return;
    }
    const entry = this.entry();
    if (entry === null) {
      this.join.emit();
    } else {
      this.leave.emit(entry);
    }
  }
}
