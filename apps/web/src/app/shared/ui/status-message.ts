import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type StatusTone = 'success' | 'error' | 'info';

export interface StatusNote {
  readonly tone: StatusTone;
  readonly text: string;
}

const TONE_PREFIX: Readonly<Record<StatusTone, string>> = {
  success: $localize`Erledigt:`,
  error: $localize`Fehler:`,
  info: $localize`Hinweis:`,
};

/**
 * A visible message in a polite live region. The region stays in the page
 * when empty, so screen readers notice the text when it arrives.
 */
@Component({
  selector: 'nb-status-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-live="polite" aria-atomic="true">
      @if (note(); as current) {
        <p class="status status--{{ current.tone }}">
          <span class="status__prefix">{{ prefix[current.tone] }}</span>
          {{ current.text }}
        </p>
      }
    </div>
  `,
})
export class StatusMessage {
  readonly note = input<StatusNote | null>(null);
  protected readonly prefix = TONE_PREFIX;
}
