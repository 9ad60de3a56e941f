import { ChangeDetectionStrategy, Component, DOCUMENT, effect, inject, untracked } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { ROUTE_LINKS } from './app.paths';
import { Announcer } from './core/a11y/announcer';
import { focusHeadingOnNavigation } from './core/a11y/focus-heading-on-navigation';
import { CurrentPerson } from './core/identity/current-person';
import { DemoIdentity } from './core/identity/demo-identity';

/** The frame of every page: skip link, header with navigation and person, main area, live region. */
@Component({
  selector: 'nb-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly links = ROUTE_LINKS;
  protected readonly identity = inject(DemoIdentity);
  protected readonly currentPerson = inject(CurrentPerson);
  protected readonly announcer = inject(Announcer);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  constructor() {
    focusHeadingOnNavigation();
    effect(() => {
      if (this.currentPerson.isUnknown()) {
        untracked(() => this.forgetUnknownPerson());
      }
    });
  }

  protected skipToMain(event: Event): void {
    // A plain "#main" link would resolve against <base href> and leave the page.
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  private forgetUnknownPerson(): void {
    this.identity.clear();
    this.announcer.announce(
      'Die gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut, als wer Sie nahbar ausprobieren möchten.',
    );
    void this.router.navigateByUrl(this.links.start);
  }
}
