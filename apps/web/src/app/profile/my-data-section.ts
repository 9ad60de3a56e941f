import { ChangeDetectionStrategy, Component, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { Announcer } from '../core/a11y/announcer';
import { errorMessageFor } from '../core/errors/error-messages';
import { Identity } from '../core/identity/identity';
import { LastKnownStore } from '../core/offline/last-known.store';
import type { StatusNote } from '../shared/ui/status-message';
import { StatusMessage } from '../shared/ui/status-message';
import { confirmsErasure, MyDataApi } from './data-access/my-data.api';

/**
 * "Meine Daten" on the profile page: save everything nahbar holds about the person as a JSON file, or erase the
 * account (explained first, confirmed by typing a word; the result is announced and the person is signed out).
 */
@Component({
  selector: 'nb-my-data-section',
  imports: [StatusMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-data-section.html',
  styleUrl: './my-data-section.css',
})
export class MyDataSection {
  private readonly api = inject(MyDataApi);
  private readonly identity = inject(Identity);
  private readonly router = inject(Router);
  private readonly announcer = inject(Announcer);
  private readonly lastKnown = inject(LastKnownStore);
  private readonly confirmField = viewChild<ElementRef<HTMLInputElement>>('confirmField');

  /** The word to type, in the active language (the API accepts it in either). */
  protected readonly confirmationWord = $localize`:word typed to confirm erasing the account:LÖSCHEN`;

  protected readonly downloading = signal(false);
  protected readonly downloadNote = signal<StatusNote | null>(null);
  protected readonly confirmation = signal('');
  protected readonly confirmProblem = signal<string | null>(null);
  protected readonly erasing = signal(false);
  protected readonly eraseNote = signal<StatusNote | null>(null);

  protected async download(): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadNote.set(null);
    try {
      const fileName = await this.api.downloadMyData();
      this.downloadNote.set({
        tone: 'success',
        text: $localize`Ihre Daten sind als Datei ${fileName}:fileName: gespeichert.`,
      });
    } catch (error) {
      this.downloadNote.set({ tone: 'error', text: errorMessageFor(error) });
    } finally {
      this.downloading.set(false);
    }
  }

  protected typeConfirmation(value: string): void {
    this.confirmation.set(value);
    this.confirmProblem.set(null);
    this.eraseNote.set(null);
  }

  protected async erase(event: Event): Promise<void> {
    event.preventDefault();
    if (this.erasing()) return;
    if (!confirmsErasure(this.confirmation())) {
      this.confirmProblem.set(
        $localize`Bitte geben Sie ${this.confirmationWord}:word: ein, um das Löschen zu bestätigen.`,
      );
      this.confirmField()?.nativeElement.focus();
      return;
    }
    this.erasing.set(true);
    this.eraseNote.set(null);
    try {
      const result = await this.api.eraseMyAccount(this.confirmation());
      // What was kept for offline use goes too; then the session ends and the start page shows.
      this.lastKnown.forgetAll();
      await this.identity.signOut();
      await this.router.navigateByUrl(ROUTE_LINKS.start);
      this.announcer.announce(
        $localize`Ihr Konto ist gelöscht. Stornierte künftige Buchungen: ${result.cancelledBookings}:count:. Sie sind abgemeldet.`,
      );
    } catch (error) {
      this.eraseNote.set({ tone: 'error', text: errorMessageFor(error) });
      this.confirmField()?.nativeElement.focus();
    } finally {
      this.erasing.set(false);
    }
  }
}
