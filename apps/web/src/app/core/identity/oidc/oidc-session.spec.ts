import { TestBed } from '@angular/core/testing';
import { OidcSecurityService } from 'angular-auth-oidc-client';

import { aJwt, epochIn, FakeOidcSecurityService } from '../../../../testing/fake-oidc-security-service';
import { takeReturnUrl } from '../return-url';
import { oidcConfiguration } from './oidc-providers';
import { OidcSession } from './oidc-session';

describe('OidcSession', () => {
  let oidc: FakeOidcSecurityService;
  let session: OidcSession;

  beforeEach(() => {
    sessionStorage.clear();
    oidc = new FakeOidcSecurityService();
    TestBed.configureTestingModule({ providers: [OidcSession, { provide: OidcSecurityService, useValue: oidc }] });
    session = TestBed.inject(OidcSession);
  });

  it('knows who is signed in by the ID token subject', () => {
    expect(session.key()).toBeNull();
    oidc.signIn('sub-42', aJwt(epochIn(300)));
    expect(session.key()).toBe('oidc:sub-42');
    oidc.signOut();
    expect(session.key()).toBeNull();
  });

  it('asks the library for the token on every request, so a renewal shows at once', async () => {
    oidc.signIn('sub-1', aJwt(epochIn(300), 'a'));
    const first = await session.credentials();
    oidc.accessToken = aJwt(epochIn(600), 'b');
    const second = await session.credentials();

    expect(first).not.toEqual(second);
    expect(oidc.getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('renews an expired token, once for many requests at the same time', async () => {
    oidc.signIn('sub-1', aJwt(epochIn(-60)));
    const fresh = aJwt(epochIn(300));
    oidc.refreshResult = fresh;

    const all = await Promise.all([session.credentials(), session.credentials(), session.credentials()]);

    expect(all).toEqual(Array(3).fill({ authorization: `Bearer ${fresh}` }));
    expect(oidc.forceRefreshSession).toHaveBeenCalledTimes(1);
  });

  it('forgets the sign-in when the refresh token is refused, and then sends nothing', async () => {
    oidc.signIn('sub-1', aJwt(epochIn(-60)));
    oidc.refreshResult = null;

    expect(await session.credentials()).toEqual({});
    expect(oidc.logoffLocal).toHaveBeenCalled();
    expect(session.key()).toBeNull();
  });

  it('takes an opaque token as it is: the API decides', async () => {
    oidc.signIn('sub-1', 'opaque-token');
    expect(await session.credentials()).toEqual({ authorization: 'Bearer opaque-token' });
    expect(oidc.forceRefreshSession).not.toHaveBeenCalled();
  });

  it('on start, picks up an expired session with its refresh token', async () => {
    oidc.refreshToken = 'refresh-1';
    oidc.refreshResult = aJwt(epochIn(300));

    await session.start();

    expect(oidc.checkAuth).toHaveBeenCalled();
    expect(oidc.forceRefreshSession).toHaveBeenCalled();
    expect(session.key()).toBe('oidc:sub-1');
  });

  it('on start without any session, does not try to refresh', async () => {
    await session.start();
    expect(oidc.forceRefreshSession).not.toHaveBeenCalled();
    expect(session.key()).toBeNull();
  });

  it('remembers where to return and goes to the identity provider', async () => {
    await session.signIn('/verwaltung');
    expect(oidc.authorize).toHaveBeenCalled();
    expect(takeReturnUrl()).toBe('/verwaltung');
  });

  it('signs out at the provider, revoking the tokens', async () => {
    oidc.signIn('sub-1', aJwt(epochIn(300)));
    await session.signOut();
    expect(oidc.logoffAndRevokeTokens).toHaveBeenCalled();
    expect(session.key()).toBeNull();
  });

  it('still signs out when the revocation fails', async () => {
    oidc.signIn('sub-1', aJwt(epochIn(300)));
    oidc.logoffAndRevokeTokens.mockImplementation(() => {
      throw new Error('revocation failed');
    });
    await session.signOut();
    expect(oidc.logoff).toHaveBeenCalled();
  });
});

describe('oidcConfiguration', () => {
  it('uses code flow with PKCE, refresh tokens and the callback route of the app', () => {
    const config = oidcConfiguration(
      { mode: 'OIDC', issuer: 'https://id.example.de', clientId: 'nahbar-web', scope: 'openid profile' },
      'https://nahbar.example.de',
    );
    expect(config).toMatchObject({
      authority: 'https://id.example.de',
      clientId: 'nahbar-web',
      scope: 'openid profile',
      responseType: 'code',
      redirectUrl: 'https://nahbar.example.de/anmeldung',
      postLogoutRedirectUri: 'https://nahbar.example.de/',
      useRefreshToken: true,
      silentRenew: true,
    });
    expect(config.disablePkce).toBeUndefined();
  });
});
