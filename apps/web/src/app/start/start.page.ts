import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { ROUTE_LINKS, START_QUERY_PARAMS } from '../app.paths';
import { errorMessageForCode } from '../core/errors/error-messages';
import { CurrentPerson } from '../core/identity/current-person';
import { Identity } from '../core/identity/identity';
import { safeReturnUrl } from '../core/identity/return-url';
import { DemoStart } from './demo-start';

/**
 * The first page: sign in (OpenID Connect), choose a demo person (demo mode), or learn that the server cannot be
 * reached. Pages that need a signed-in person send visitors here, with the page to return to.
 */
@Component({
  selector: 'nb-start-page',
  imports: [DemoStart, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start.page.html',
})
export class StartPage {
  protected readonly identity = inject(Identity);
  protected readonly currentPerson = inject(CurrentPerson);
  protected readonly links = ROUTE_LINKS;

  protected readonly returnUrl = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(
      map((params) => safeReturnUrl(params.get(START_QUERY_PARAMS.returnUrl), ROUTE_LINKS.signInCallback)),
    ),
    { initialValue: null },
  );

  /** Signed in, but the API does not give the profile: what went wrong, in German. */
  protected readonly problem = computed(() => {
    const code = this.currentPerson.problem();
    // A refused sign-in is forgotten at once (see App); it needs no text here.
    return code === null || code === 'UNAUTHENTICATED' ? null : errorMessageForCode(code);
  });
  protected readonly canRetry = computed(() => {
    const code = this.currentPerson.problem();
    return code === 'NETWORK' || code === 'UNKNOWN';
  });

  protected signIn(): void {
    void this.identity.signIn(this.returnUrl());
  }

  protected reloadPage(): void {
    globalThis.location?.reload();
  }
}
