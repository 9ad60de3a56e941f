import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { graphqlResponse } from '../../testing/graphql-response';
import { aProfile } from '../../testing/profile';
import { FETCH } from '../core/graphql/graphql-endpoint';
import { AUTH_SESSION, type AuthSession, UnavailableSession } from '../core/identity/auth-session';
import { DemoPeopleApi } from './data-access/demo-people.api';
import { StartPage } from './start.page';

describe('StartPage', () => {
  let fetchMock: jest.Mock;

  function oidcSession(key: string | null): AuthSession {
    return {
      mode: 'OIDC',
      key: signal(key),
      credentials: async () => ({}),
      renew: async () => false,
      signIn: jest.fn(async () => undefined),
      signOut: jest.fn(async () => undefined),
      forget: jest.fn(),
    };
  }

  async function open(session: AuthSession, url = '/'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '', component: StartPage }]),
        { provide: AUTH_SESSION, useValue: session },
        { provide: FETCH, useValue: fetchMock },
        { provide: DemoPeopleApi, useValue: { demoPeople: async () => [] } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  beforeEach(() => {
    localStorage.clear();
    fetchMock = jest.fn(async () => graphqlResponse({ data: { me: aProfile() } }));
  });

  it('offers "Anmelden" instead of demo people when the server signs in with OpenID Connect', async () => {
    const session = oidcSession(null);
    const page = await open(session);

    expect(page.querySelector('[data-testid="demo-mode"]')).toBeNull();
    expect(page.querySelectorAll('input[type="radio"]')).toHaveLength(0);
    const button = [...page.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Anmelden');
    expect(button).toBeDefined();
    button?.click();
    expect(session.signIn).toHaveBeenCalledWith(null);
  });

  it('explains why sign-in is needed and returns to the page asked for', async () => {
    const session = oidcSession(null);
    const page = await open(session, '/?ziel=%2Fverwaltung');

    expect(page.querySelector('[data-testid="sign-in-needed"]')?.textContent).toContain('Bitte melden Sie sich an');
    [...page.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Anmelden')?.click();
    expect(session.signIn).toHaveBeenCalledWith('/verwaltung');
  });

  it('never returns to another site after signing in', async () => {
    const session = oidcSession(null);
    const page = await open(session, '/?ziel=%2F%2Fevil.example');

    [...page.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Anmelden')?.click();
    expect(session.signIn).toHaveBeenCalledWith(null);
  });

  it('greets a signed-in person by name', async () => {
    const page = await open(oidcSession('oidc:sub-1'));
    expect(page.querySelector('h1')?.textContent).toContain('Guten Tag, Anna Schmidt');
  });

  it('says in plain words when the organisation is not known to nahbar', async () => {
    fetchMock.mockResolvedValue(
      graphqlResponse({ errors: [{ message: 'x', extensions: { code: 'ORGANISATION_UNKNOWN' } }] }),
    );
    const page = await open(oidcSession('oidc:sub-1'));

    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'Ihre Organisation ist in nahbar noch nicht eingerichtet',
    );
  });

  it('says when the server cannot be reached', async () => {
    const page = await open(new UnavailableSession());
    expect(page.querySelector('h1')?.textContent).toContain('nahbar ist gerade nicht erreichbar');
    expect(page.textContent).toContain('Erneut versuchen');
  });
});
