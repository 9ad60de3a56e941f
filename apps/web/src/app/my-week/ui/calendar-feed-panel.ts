import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, output } from '@angular/core';

import { StatusMessage, type StatusNote } from '../../shared/ui/status-message';
import type { CalendarFeed } from '../data-access/calendar.api';
import { germanDate } from '../data-access/week-dates';

/**
 * "Kalender-Abo": explains what a subscription shows and who can see it, shows the secret address once after it was
 * created, and offers to create, replace or revoke it.
 */
@Component({
  selector: 'nb-calendar-feed-panel',
  imports: [StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feed-panel.html',
  styleUrl: './calendar-feed-panel.css',
})
export class CalendarFeedPanel {
  private readonly document = inject(DOCUMENT);

  readonly feed = input<CalendarFeed | null>(null);
  /** The address, only right after it was created. */
  readonly url = input<string | null>(null);
  readonly busy = input(false);
  readonly note = input<StatusNote | null>(null);
  readonly create = output<void>();
  readonly revoke = output<void>();
  readonly copied = output<boolean>();

  protected since(createdAt: string | null): string {
    return createdAt ? germanDate(createdAt.slice(0, 10)) : '';
  }

  protected async copy(field: HTMLInputElement): Promise<void> {
    field.select();
    const clipboard = this.document.defaultView?.navigator.clipboard;
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(field.value);
      this.copied.emit(true);
    } catch {
      // Without clipboard access (an insecure page, a refusal) the address stays selected for copying by hand.
      this.copied.emit(false);
    }
  }
}
