import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';

/** The facility area's frame: links between its pages (the current one marked with aria-current) and the page. */
@Component({
  selector: 'nb-facility-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav i18n-aria-label class="facility-tabs" aria-label="Standort">
      <ul>
        <li>
          <a
            [routerLink]="links.facility"
            routerLinkActive="is-active"
            [routerLinkActiveOptions]="{ exact: true }"
            ariaCurrentWhenActive="page"
            i18n
            >Belegung</a
          >
        </li>
        <li>
          <a
            [routerLink]="links.facilityUtilisation"
            routerLinkActive="is-active"
            ariaCurrentWhenActive="page"
            i18n="utilisation over a range|"
            >Auslastung</a
          >
        </li>
        <li>
          <a [routerLink]="links.facilityOperations" routerLinkActive="is-active" ariaCurrentWhenActive="page" i18n
            >Verwaltung</a
          >
        </li>
        <li>
          <a [routerLink]="links.facilityImport" routerLinkActive="is-active" ariaCurrentWhenActive="page" i18n
            >Import</a
          >
        </li>
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .facility-tabs ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 1.25rem;
      padding: 0;
      list-style: none;
      border-bottom: 2px solid currentColor;
    }

    .facility-tabs a {
      display: inline-block;
      padding: 0.5rem 1rem;
      border: 2px solid transparent;
      border-bottom: none;
      border-radius: 0.375rem 0.375rem 0 0;
    }

    /* The current page is marked by shape and weight, not by colour alone. */
    .facility-tabs a.is-active {
      border-color: currentColor;
      font-weight: 700;
      text-decoration: none;
    }
  `,
})
export class FacilityShell {
  protected readonly links = ROUTE_LINKS;
}
