import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { fetchByOperation } from '../testing/fetch-router';
import { graphqlResponse } from '../testing/graphql-response';
import { aProfile } from '../testing/profile';
import { App } from './app';
import type { Profile } from './core/graphql/api.types';
import { FETCH } from './core/graphql/graphql-endpoint';
import { ServerPauses } from './core/graphql/server-pauses';
import { AUTH_SESSION, type AuthSession } from './core/identity/auth-session';
import { DemoSession } from './core/identity/demo-session';
import type { TeamSummary } from './team/data-access/my-teams';

describe('App', () => {
  let fetchMock: jest.Mock;
  let me: Profile;
  let myTeams: TeamSummary[];

  function configure(session?: AuthSession): void {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        { provide: FETCH, useValue: fetchMock },
        ...(session ? [{ provide: AUTH_SESSION, useValue: session }] : []),
      ],
    });
  }

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    // The profile arrives after the first render.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    localStorage.clear();
    me = aProfile({ displayName: 'Erika Mustermann' });
    myTeams = [];
    fetchMock = fetchByOperation({ Me: () => ({ me }), MyTeams: () => ({ myTeams }) });
  });

  it('offers a skip link to the main area', async () => {
    configure();
    const root = await render();

    const skip = root.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent?.trim()).toBe('Zum Inhalt springen');
    skip?.click();
    expect(document.activeElement).toBe(root.querySelector('main#main'));
  });

  it('says in its status region why the page waits when the API asked for a pause', async () => {
    configure();
    const root = await render();
    const region = root.querySelector('[data-testid="server-pause"] [role="status"]');
    expect(region?.textContent?.trim()).toBe('');

    TestBed.inject(ServerPauses).pause('connections', 15_000);
    TestBed.tick();

    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toContain('Hinweis:');
    expect(region?.textContent).toContain('in etwa 15 Sekunden von selbst noch einmal');
  });

  it('hides navigation until a person is chosen, and says it is the demo', async () => {
    configure();
    const root = await render();

    expect(root.querySelector('nav')).toBeNull();
    expect(root.querySelector('[data-testid="demo-badge"]')?.textContent).toContain('Demo-Modus');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows who the user is, with navigation, profile and a way to switch', async () => {
    configure();
    TestBed.inject(DemoSession).choose('p1');
    const root = await render();

    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Buchen', 'Meine Buchungen', 'Meine Woche', 'In der Nähe', 'Favoriten']);
    expect(root.querySelector('[data-testid="current-person"]')?.textContent).toContain('Erika Mustermann');
    expect(root.querySelector('.who a[href="/profil"]')?.textContent).toContain('Profil');
    expect(root.querySelector('.who__switch')?.textContent).toContain('Person wechseln');
    expect(root.querySelector('.who__sign-out')).toBeNull();
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'x-nahbar-demo-person': 'p1' });
  });

  it('offers "Team" to people in a team', async () => {
    myTeams = [{ id: 't1', name: 'Geodaten', organisationId: 'o1', viewerIsLead: false }];
    configure();
    TestBed.inject(DemoSession).choose('p1');
    const root = await render();

    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Buchen', 'Meine Buchungen', 'Meine Woche', 'In der Nähe', 'Favoriten', 'Team']);
    expect(root.querySelector('nav a[href="/team"]')).not.toBeNull();
  });

  it('offers the administration only to organisation admins', async () => {
    me = aProfile({
      roles: [
        { role: 'STAFF', scopeName: 'Landesamt', organisationId: 'o1', officeId: null, teamId: null },
        { role: 'ORGANISATION_ADMIN', scopeName: 'Landesamt', organisationId: 'o1', officeId: null, teamId: null },
      ],
    });
    configure();
    TestBed.inject(DemoSession).choose('p1');
    const root = await render();

    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual([
      'Buchen',
      'Meine Buchungen',
      'Meine Woche',
      'In der Nähe',
      'Favoriten',
      'Standort',
      'Verwaltung',
    ]);
  });

  it('offers "Standort" (the occupancy board) to facility managers, without the administration', async () => {
    me = aProfile({
      roles: [
        { role: 'STAFF', scopeName: 'Stadt Fürth', organisationId: 'o1', officeId: null, teamId: null },
        { role: 'FACILITY_MANAGER', scopeName: 'Rathaus', organisationId: null, officeId: 'f1', teamId: null },
      ],
    });
    configure();
    TestBed.inject(DemoSession).choose('p1');
    const root = await render();

    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual([
      'Buchen',
      'Meine Buchungen',
      'Meine Woche',
      'In der Nähe',
      'Favoriten',
      'Standort',
      'QR-Codes',
    ]);
    expect(root.querySelector('nav a[href="/standort"]')).not.toBeNull();
  });

  it('forgets a demo person the API does not know and goes back to the start page', async () => {
    fetchMock.mockResolvedValue(
      graphqlResponse({ errors: [{ message: 'unknown person', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
    configure();
    const demo = TestBed.inject(DemoSession);
    demo.choose('gone');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    await render();

    expect(demo.personId()).toBeNull();
    expect(localStorage.getItem('nahbar.demoPersonId')).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  describe('signed in with OpenID Connect', () => {
    let key: ReturnType<typeof signal<string | null>>;
    let session: AuthSession;

    beforeEach(() => {
      key = signal<string | null>('oidc:sub-1');
      session = {
        mode: 'OIDC',
        key,
        credentials: async () => ({ authorization: 'Bearer t' }),
        renew: async () => false,
        signIn: jest.fn(),
        signOut: jest.fn(async () => key.set(null)),
        forget: jest.fn(() => key.set(null)),
      };
    });

    it('shows the name, the profile link and "Abmelden", and no demo badge', async () => {
      configure(session);
      const root = await render();

      expect(root.querySelector('[data-testid="current-person"]')?.textContent).toContain('Erika Mustermann');
      expect(root.querySelector('[data-testid="demo-badge"]')).toBeNull();
      expect(root.querySelector('.who__switch')).toBeNull();
      const signOut = root.querySelector<HTMLButtonElement>('.who__sign-out');
      expect(signOut?.textContent?.trim()).toBe('Abmelden');
      expect(fetchMock.mock.calls[0]?.[1].headers).toMatchObject({ authorization: 'Bearer t' });
    });

    it('signs out and shows the start page', async () => {
      configure(session);
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
      const root = await render();

      root.querySelector<HTMLButtonElement>('.who__sign-out')?.click();
      await new Promise((resolve) => setTimeout(resolve));

      expect(session.signOut).toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledWith('/');
    });

    it('asks to sign in again when the session runs out, returning to the page afterwards', async () => {
      configure(session);
      const router = TestBed.inject(Router);
      jest.spyOn(router, 'url', 'get').mockReturnValue('/meine-buchungen');
      const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
      const fixture = TestBed.createComponent(App);
      await fixture.whenStable();

      key.set(null);
      await fixture.whenStable();

      expect(navigate).toHaveBeenCalledWith(['/'], { queryParams: { ziel: '/meine-buchungen' } });
    });

    it('ends a session whose token the API refuses', async () => {
      fetchMock.mockResolvedValue(
        graphqlResponse({ errors: [{ message: 'invalid', extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
      configure(session);
      await render();

      expect(session.forget).toHaveBeenCalled();
    });
  });
});
