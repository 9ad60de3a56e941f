import { inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { StatusNote } from '../../shared/ui/status-message';
import { CalendarApi, type CalendarFeed } from './calendar.api';

/**
 * The person's calendar subscription: whether one exists, its address right after creating it (the API shows it only
 * then), and creating, replacing and revoking it. Provided per page.
 */
@Injectable()
export class CalendarFeedStore {
  private readonly api = inject(CalendarApi);
  private readonly feedValue = signal<CalendarFeed | null>(null);
  private readonly urlValue = signal<string | null>(null);
  private readonly busyValue = signal(false);
  private readonly noteValue = signal<StatusNote | null>(null);

  /** Null while unknown. */
  readonly feed = this.feedValue.asReadonly();
  /** The secret address, only right after it was created in this page. */
  readonly url = this.urlValue.asReadonly();
  readonly busy = this.busyValue.asReadonly();
  readonly note = this.noteValue.asReadonly();

  async load(): Promise<void> {
    try {
      this.feedValue.set(await this.api.feed());
    } catch (error) {
      this.noteValue.set({
        tone: 'error',
        text: $localize`Ihr Kalender-Abo konnte nicht geladen werden. ${errorMessageFor(error)}`,
      });
    }
  }

  /** Creates the address, or a new one in place of the old one (which stops working). */
  async create(): Promise<void> {
    if (this.busyValue()) return;
    const replacing = this.feedValue()?.exists === true;
    this.busyValue.set(true);
    try {
      const secret = await this.api.createFeed();
      this.urlValue.set(secret.url);
      this.feedValue.set({ exists: true, createdAt: secret.createdAt });
      this.noteValue.set({
        tone: 'success',
        text: replacing
          ? $localize`Neue Adresse erstellt. Die bisherige Adresse funktioniert nicht mehr.`
          : $localize`Ihr Kalender-Abo ist eingerichtet. Kopieren Sie die Adresse in Ihr Kalenderprogramm.`,
      });
    } catch (error) {
      this.noteValue.set({ tone: 'error', text: errorMessageFor(error) });
    } finally {
      this.busyValue.set(false);
    }
  }

  async revoke(): Promise<void> {
    if (this.busyValue()) return;
    this.busyValue.set(true);
    try {
      await this.api.revokeFeed();
      this.urlValue.set(null);
      this.feedValue.set({ exists: false, createdAt: null });
      this.noteValue.set({
        tone: 'success',
        text: $localize`Ihr Kalender-Abo ist widerrufen. Die Adresse zeigt niemandem mehr Ihre Buchungen.`,
      });
    } catch (error) {
      this.noteValue.set({ tone: 'error', text: errorMessageFor(error) });
    } finally {
      this.busyValue.set(false);
    }
  }

  /** Tells how copying the address went (the panel copies it). */
  copied(success: boolean): void {
    this.noteValue.set(
      success
        ? { tone: 'success', text: $localize`Die Adresse ist in der Zwischenablage.` }
        : { tone: 'info', text: $localize`Bitte markieren Sie die Adresse im Feld und kopieren Sie sie selbst.` },
    );
  }
}
