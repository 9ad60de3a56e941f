import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';

/** What a signed-in person sees at the address of a page their roles do not open. */
@Component({
  selector: 'nb-forbidden-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n tabindex="-1">Keine Berechtigung</h1>
    <p i18n class="lead" data-testid="forbidden">Für diese Seite fehlt Ihnen die Berechtigung.</p>
    <p i18n>
      Wenn Sie die Seite für Ihre Arbeit brauchen, wenden Sie sich an die Organisationsverwaltung Ihrer Behörde.
    </p>
    <p><a i18n [routerLink]="bookingLink">Zurück zur Platzbuchung</a></p>
  `,
})
export class ForbiddenPage {
  protected readonly bookingLink = ROUTE_LINKS.booking;
}
