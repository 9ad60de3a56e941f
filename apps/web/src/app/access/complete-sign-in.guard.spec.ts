import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { AUTH_SESSION, type AuthSession } from '../core/identity/auth-session';
import { rememberReturnUrl } from '../core/identity/return-url';
import { completeSignIn } from './complete-sign-in.guard';
import { SignInCallbackPage } from './sign-in-callback.page';

@Component({ template: '<h1>Ziel</h1>' })
class TargetPage {}

describe('the sign-in callback', () => {
  let session: AuthSession;

  async function arrive(): Promise<{ page: HTMLElement; router: Router }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'anmeldung', canActivate: [completeSignIn], component: SignInCallbackPage },
          { path: '**', component: TargetPage },
        ]),
        { provide: AUTH_SESSION, useValue: session },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/anmeldung');
    return { page: harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
  }

  beforeEach(() => {
    sessionStorage.clear();
    session = {
      mode: 'OIDC',
      key: signal<string | null>('oidc:sub-1'),
      credentials: async () => ({}),
      renew: async () => false,
      signIn: jest.fn(async () => undefined),
      signOut: async () => undefined,
      forget: () => undefined,
    };
  });

  it('goes on to the page the person wanted', async () => {
    rememberReturnUrl('/verwaltung');
    const { router } = await arrive();
    expect(router.url).toBe('/verwaltung');
  });

  it('goes on to booking when nothing was remembered', async () => {
    const { router } = await arrive();
    expect(router.url).toBe('/buchen');
  });

  it('explains a failed sign-in and offers to try again', async () => {
    session = { ...session, key: signal<string | null>(null) };
    const { page } = await arrive();

    expect(page.querySelector('h1')?.textContent).toContain('Die Anmeldung hat nicht geklappt');
    page.querySelector<HTMLButtonElement>('button')?.click();
    expect(session.signIn).toHaveBeenCalledWith(null);
  });
});
