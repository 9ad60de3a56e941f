import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { MyTeams } from './data-access/my-teams';

/** The teams the person belongs to or leads, each a link to its page. */
@Component({
  selector: 'nb-teams-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n tabindex="-1">Meine Teams</h1>
    @if (myTeams.hasTeams()) {
      <ul class="plain-list teams">
        @for (team of myTeams.teams(); track team.id) {
          <li class="team">
            <a class="team__link" [routerLink]="[links.team, team.id]">{{ team.name }}</a>
            @if (team.viewerIsLead) {
              <span i18n class="team__role">Sie leiten dieses Team.</span>
            }
          </li>
        }
      </ul>
    } @else if (myTeams.loadFailed()) {
      <div role="alert" class="status status--error">
        <p i18n>
          <span class="status__prefix">Fehler:</span>
          Ihre Teams konnten nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es noch
          einmal.
        </p>
        <button i18n type="button" (click)="myTeams.reload()">Erneut versuchen</button>
      </div>
    } @else if (myTeams.loaded()) {
      <p i18n>
        Sie gehören zu keinem Team. Teams legt die Organisationsverwaltung Ihrer Behörde an; die Teamleitung nimmt
        Mitglieder auf.
      </p>
    } @else {
      <p i18n aria-live="polite">Ihre Teams werden geladen …</p>
    }
  `,
  styles: `
    .teams {
      display: grid;
      gap: 0.75rem;
    }

    .team {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
      padding: 0.75rem 1rem;
      border: 2px solid var(--nb-border);
      border-radius: 0.5rem;
    }

    .team__link {
      font-size: 1.25rem;
      font-weight: 600;
    }
  `,
})
export class TeamsPage {
  protected readonly myTeams = inject(MyTeams);
  protected readonly links = ROUTE_LINKS;
}
