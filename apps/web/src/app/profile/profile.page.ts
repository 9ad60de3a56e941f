import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';

import { errorMessageFor } from '../core/errors/error-messages';
import type { Visibility } from '../core/graphql/api.types';
import { errorCodeOf } from '../core/graphql/graphql-request.error';
import { CurrentPerson } from '../core/identity/current-person';
import { Identity } from '../core/identity/identity';
import { roleLabel, VISIBILITY_CHOICES } from '../shared/labels/role.labels';
import type { StatusNote } from '../shared/ui/status-message';
import { StatusMessage } from '../shared/ui/status-message';
import { ProfileApi } from './data-access/profile.api';
import { MyDataSection } from './my-data-section';
import { postalCodeProblem, profileChanges } from './profile-form';

/** The signed-in person: who they are (read-only), their roles, and the settings they choose themselves. */
@Component({
  selector: 'nb-profile-page',
  imports: [StatusMessage, MyDataSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.css',
})
export class ProfilePage {
  private readonly currentPerson = inject(CurrentPerson);
  private readonly api = inject(ProfileApi);
  private readonly postalCodeField = viewChild<ElementRef<HTMLInputElement>>('postalCodeField');

  protected readonly fromIdentityProvider = inject(Identity).mode === 'OIDC';
  protected readonly profile = this.currentPerson.profile;
  protected readonly choices = VISIBILITY_CHOICES;
  protected readonly roleLabel = roleLabel;

  /** The form's values: what is saved, until the person changes them. */
  protected readonly postalCode = linkedSignal(() => this.profile()?.homePostalCode ?? '');
  protected readonly visibility = linkedSignal<Visibility>(() => this.profile()?.visibility ?? 'NOBODY');
  /** Problems show after leaving the field or trying to save, not while typing the first digits. */
  protected readonly checked = signal(false);
  /** The API's refusal of a well-formed code that is no German postal code (INVALID_POSTAL_CODE), until typing. */
  private readonly unknownPostalCode = signal<string | null>(null);
  protected readonly postalCodeProblem = computed(
    () => (this.checked() ? postalCodeProblem(this.postalCode()) : null) ?? this.unknownPostalCode(),
  );
  protected readonly saving = signal(false);
  protected readonly note = signal<StatusNote | null>(null);

  protected typePostalCode(value: string): void {
    this.postalCode.set(value);
    this.unknownPostalCode.set(null);
    this.note.set(null);
  }

  protected choose(visibility: Visibility): void {
    this.visibility.set(visibility);
    this.note.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const profile = this.profile();
    if (profile === null || this.saving()) {
      return;
    }
    this.checked.set(true);
    if (postalCodeProblem(this.postalCode()) !== null) {
      this.note.set({ tone: 'error', text: $localize`Bitte prüfen Sie die Postleitzahl.` });
      this.postalCodeField()?.nativeElement.focus();
      return;
    }
    const changes = profileChanges(profile, { homePostalCode: this.postalCode(), visibility: this.visibility() });
    if (changes === null) {
      this.note.set({ tone: 'info', text: $localize`Sie haben nichts geändert.` });
      return;
    }
    this.saving.set(true);
    this.note.set(null);
    try {
      this.currentPerson.replace(await this.api.updateProfile(changes));
      this.checked.set(false);
      this.note.set({ tone: 'success', text: $localize`Ihre Einstellungen sind gespeichert.` });
    } catch (error) {
      if (errorCodeOf(error) === 'INVALID_POSTAL_CODE') {
        // Shown next to the field (and named by it), so the person sees at once what to correct.
        this.unknownPostalCode.set(errorMessageFor(error));
        this.note.set({
          tone: 'error',
          text: $localize`Bitte prüfen Sie die Postleitzahl. Es wurde nichts gespeichert.`,
        });
        this.postalCodeField()?.nativeElement.focus();
      } else {
        this.note.set({ tone: 'error', text: errorMessageFor(error) });
      }
    } finally {
      this.saving.set(false);
    }
  }
}
