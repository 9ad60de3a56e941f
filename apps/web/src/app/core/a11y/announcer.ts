import { Injectable, signal } from '@angular/core';

/**
 * Text for the page's polite live region (rendered once by the app shell),
 * for changes a screen reader user would otherwise miss, such as a desk
 * taken by someone else.
 */
@Injectable({ providedIn: 'root' })
export class Announcer {
  private readonly text = signal('');
  private pending: ReturnType<typeof setTimeout> | undefined;

  readonly message = this.text.asReadonly();

  announce(message: string): void {
    // Empty the region first, so the same sentence twice is read twice.
    this.text.set('');
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.text.set(message), 100);
  }
}
