import { type EnvironmentProviders, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import { aJwt, epochIn, FakeOidcSecurityService } from '../../../testing/fake-oidc-security-service';
import { authProviders } from './auth-providers';
import { DemoSession } from './demo-session';
import { Identity } from './identity';

const OIDC_SETUP = {
  mode: 'OIDC',
  issuer: 'https://id.example.de/realms/land',
  clientId: 'nahbar-web',
  scope: 'openid profile email offline_access',
} as const;

describe('Identity', () => {
  async function identityFor(
    setup: Parameters<typeof authProviders>[0],
    extra: (Provider | EnvironmentProviders)[] = [],
  ): Promise<Identity> {
    const providers = await authProviders(setup, 'https://nahbar.example.de');
    TestBed.configureTestingModule({ providers: [...providers, ...extra] });
    return TestBed.inject(Identity);
  }

  beforeEach(() => localStorage.clear());

  describe('in demo mode', () => {
    it('names the chosen person in a header and as connection parameter', async () => {
      const identity = await identityFor({ mode: 'DEMO' });
      expect(identity.mode).toBe('DEMO');
      expect(identity.isSignedIn()).toBe(false);
      expect(await identity.requestHeaders()).toEqual({});

      identity.demo?.choose('person-3');

      expect(identity.isSignedIn()).toBe(true);
      expect(await identity.requestHeaders()).toEqual({ 'x-nahbar-demo-person': 'person-3' });
      expect(await identity.connectionParams()).toEqual({ 'x-nahbar-demo-person': 'person-3' });
      expect(TestBed.inject(DemoSession).personId()).toBe('person-3');
    });

    it('has nothing to renew, and forgetting clears the choice', async () => {
      const identity = await identityFor({ mode: 'DEMO' });
      identity.demo?.choose('person-3');

      expect(await identity.renew()).toBe(false);
      identity.forget();
      expect(identity.isSignedIn()).toBe(false);
      expect(localStorage.getItem('nahbar.demoPersonId')).toBeNull();
    });
  });

  describe('in OpenID Connect mode', () => {
    let oidc: FakeOidcSecurityService;

    beforeEach(() => {
      oidc = new FakeOidcSecurityService();
    });

    function withOidc(): Promise<Identity> {
      return identityFor(OIDC_SETUP, [{ provide: OidcSecurityService, useValue: oidc }]);
    }

    it('checks the session once before the app starts', async () => {
      await withOidc();
      expect(oidc.checkAuth).toHaveBeenCalledTimes(1);
    });

    it('has no demo choice and sends nothing until signed in', async () => {
      const identity = await withOidc();
      expect(identity.mode).toBe('OIDC');
      expect(identity.demo).toBeNull();
      expect(await identity.requestHeaders()).toEqual({});
    });

    it('sends the current access token as bearer, in headers and connection parameters, never the demo header', async () => {
      localStorage.setItem('nahbar.demoPersonId', 'someone');
      const identity = await withOidc();
      const first = aJwt(epochIn(300));
      oidc.signIn('sub-1', first);

      expect(identity.isSignedIn()).toBe(true);
      expect(await identity.requestHeaders()).toEqual({ authorization: `Bearer ${first}` });

      const second = aJwt(epochIn(600));
      oidc.accessToken = second;
      expect(await identity.connectionParams()).toEqual({ authorization: `Bearer ${second}` });
    });

    it('renews a token about to expire before sending it', async () => {
      const identity = await withOidc();
      oidc.signIn('sub-1', aJwt(epochIn(3)));
      const fresh = aJwt(epochIn(300));
      oidc.refreshResult = fresh;

      expect(await identity.requestHeaders()).toEqual({ authorization: `Bearer ${fresh}` });
      expect(oidc.forceRefreshSession).toHaveBeenCalledTimes(1);
    });
  });

  it('signs nobody in when the server could not be asked', async () => {
    const identity = await identityFor({ mode: 'UNAVAILABLE' });
    expect(identity.mode).toBe('UNAVAILABLE');
    expect(identity.isSignedIn()).toBe(false);
    expect(await identity.requestHeaders()).toEqual({});
  });
});
