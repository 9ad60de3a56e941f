import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { Identity } from '../core/identity/identity';

/** Shown when the identity provider sent the person back without a valid sign-in. */
@Component({
  selector: 'nb-sign-in-callback-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n tabindex="-1">Die Anmeldung hat nicht geklappt</h1>
    <div role="alert" class="status status--error">
      <p i18n>
        <span class="status__prefix">Fehler:</span>
        Sie wurden nicht angemeldet. Bitte versuchen Sie es noch einmal. Wenn es wieder nicht klappt, wenden Sie sich an
        Ihre IT-Stelle.
      </p>
    </div>
    <p><button i18n type="button" (click)="signInAgain()">Erneut anmelden</button></p>
    <p><a i18n [routerLink]="startLink">Zur Startseite</a></p>
  `,
})
export class SignInCallbackPage {
  private readonly identity = inject(Identity);
  protected readonly startLink = ROUTE_LINKS.start;

  protected signInAgain(): void {
    void this.identity.signIn(null);
  }
}
