import { ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, untracked } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { ROUTE_LINKS, START_QUERY_PARAMS } from './app.paths';
import { Announcer } from './core/a11y/announcer';
import { focusHeadingOnNavigation } from './core/a11y/focus-heading-on-navigation';
import { ServerPauses } from './core/graphql/server-pauses';
import type { AppLanguage } from './core/i18n/language';
import { activeLanguage, switchLanguage } from './core/i18n/language';
import { CurrentPerson } from './core/identity/current-person';
import { Identity } from './core/identity/identity';
import { LastKnownStore } from './core/offline/last-known.store';
import { MyBookingChanges } from './shared/data-access/my-booking-changes';
import { BookingNotices } from './shared/ui/booking-notices';
import { StatusMessage, type StatusNote } from './shared/ui/status-message';
import { MyTeams } from './team/data-access/my-teams';

/** The frame of every page: skip link, header with navigation and person, notices, main area, live region. */
@Component({
  selector: 'nb-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, BookingNotices, StatusMessage],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly links = ROUTE_LINKS;
  protected readonly identity = inject(Identity);
  protected readonly currentPerson = inject(CurrentPerson);
  protected readonly announcer = inject(Announcer);
  protected readonly bookingChanges = inject(MyBookingChanges);
  private readonly serverPauses = inject(ServerPauses);
  /** Why the page waits when the API asked for a pause (too many requests or connections), and that nahbar retries. */
  protected readonly pauseNote = computed<StatusNote | null>(() => {
    const text = this.serverPauses.notice();
    return text === null ? null : { tone: 'info', text };
  });
  /** The "Team" link shows for people in a team. */
  protected readonly myTeams = inject(MyTeams);
  private readonly lastKnown = inject(LastKnownStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private signingOut = false;
  /** The language switch offers the other language, named in that language. */
  protected readonly otherLanguage: AppLanguage = activeLanguage() === 'de' ? 'en' : 'de';
  protected readonly otherLanguageName = this.otherLanguage === 'en' ? 'English' : 'Deutsch';

  constructor() {
    focusHeadingOnNavigation();
    effect(() => {
      if (this.currentPerson.problem() === 'UNAUTHENTICATED') {
        untracked(() => this.forgetRefusedSignIn());
      }
    });
    let lastKey = this.identity.key();
    effect(() => {
      const key = this.identity.key();
      const ended = lastKey !== null && key === null;
      lastKey = key;
      if (ended && this.identity.mode === 'OIDC' && !this.signingOut) {
        untracked(() => this.sessionEnded());
      }
    });
  }

  protected skipToMain(event: Event): void {
    // A plain "#main" link would resolve against <base href> and leave the page.
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  protected switchLanguage(): void {
    switchLanguage(this.otherLanguage, this.document);
  }

  protected async signOut(): Promise<void> {
    // The session ends on purpose: no "expired" message. Signing in again reloads the app.
    this.signingOut = true;
    // What was kept for offline use is the person's own: it does not stay on a shared computer.
    this.lastKnown.forgetAll();
    await this.identity.signOut();
    // Where the identity provider has no sign-out page, the app stays: show the start page.
    await this.router.navigateByUrl(this.links.start);
    this.announcer.announce($localize`Sie sind abgemeldet.`);
  }

  /** The API does not accept the sign-in (a demo person that is gone, a token it refuses). */
  private forgetRefusedSignIn(): void {
    if (this.identity.mode === 'OIDC') {
      // Ending the session here leads to sessionEnded().
      this.identity.forget();
      return;
    }
    this.identity.forget();
    this.announcer.announce(
      $localize`Die gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut, als wer Sie nahbar ausprobieren möchten.`,
    );
    void this.router.navigateByUrl(this.links.start);
  }

  /** The sign-in ran out (renewal failed): ask to sign in again, then come back here. */
  private sessionEnded(): void {
    this.announcer.announce($localize`Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.`);
    const here = this.router.url;
    void this.router.navigate([this.links.start], {
      queryParams: here === this.links.start ? {} : { [START_QUERY_PARAMS.returnUrl]: here },
    });
  }
}
