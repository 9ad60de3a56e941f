import { graphqlResponse, htmlResponse } from '../../../testing/graphql-response';
import { AUTH_CONFIGURATION, authSetupFrom, loadAuthSetup } from './auth-setup';

describe('authSetupFrom', () => {
  it('reads demo mode', () => {
    expect(authSetupFrom({ data: { authConfiguration: { mode: 'DEMO', issuer: null } } })).toEqual({ mode: 'DEMO' });
  });

  it('reads OpenID Connect with issuer, client id and scope', () => {
    const body = {
      data: { authConfiguration: { mode: 'OIDC', issuer: 'https://id.example', clientId: 'web', scope: 'openid' } },
    };
    expect(authSetupFrom(body)).toEqual({
      mode: 'OIDC',
      issuer: 'https://id.example',
      clientId: 'web',
      scope: 'openid',
    });
  });

  it('asks for the usual scopes when the server names none', () => {
    const body = { data: { authConfiguration: { mode: 'OIDC', issuer: 'https://id', clientId: 'web', scope: null } } };
    expect(authSetupFrom(body)).toMatchObject({ scope: 'openid profile email offline_access' });
  });

  it('treats an incomplete or unknown answer as unavailable', () => {
    expect(authSetupFrom({ data: { authConfiguration: { mode: 'OIDC', issuer: null, clientId: 'web' } } })).toEqual({
      mode: 'UNAVAILABLE',
    });
    expect(authSetupFrom({ errors: [{ message: 'x' }] })).toEqual({ mode: 'UNAVAILABLE' });
    expect(authSetupFrom(null)).toEqual({ mode: 'UNAVAILABLE' });
  });
});

describe('loadAuthSetup', () => {
  it('asks /graphql without credentials', async () => {
    const fetchMock = jest.fn(async () => graphqlResponse({ data: { authConfiguration: { mode: 'DEMO' } } }));
    expect(await loadAuthSetup(fetchMock)).toEqual({ mode: 'DEMO' });

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(JSON.parse(String(init.body)).query).toBe(AUTH_CONFIGURATION.document);
    expect(Object.keys(init.headers as object)).toEqual(['content-type', 'accept']);
  });

  it('is unavailable when the server cannot be reached or answers with a proxy page', async () => {
    expect(await loadAuthSetup(jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))).toEqual({
      mode: 'UNAVAILABLE',
    });
    expect(await loadAuthSetup(jest.fn(async () => htmlResponse(502)))).toEqual({ mode: 'UNAVAILABLE' });
  });

  it('keeps the setup and starts with it when the server cannot be reached (offline), never with nonsense', async () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    };
    const offline = jest.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await loadAuthSetup(offline, storage)).toEqual({ mode: 'UNAVAILABLE' });

    const oidc = { mode: 'OIDC', issuer: 'https://id.example', clientId: 'web', scope: 'openid' };
    await loadAuthSetup(
      jest.fn(async () => graphqlResponse({ data: { authConfiguration: oidc } })),
      storage,
    );
    expect(await loadAuthSetup(offline, storage)).toEqual(oidc);
    expect(
      await loadAuthSetup(
        jest.fn(async () => htmlResponse(502)),
        storage,
      ),
    ).toEqual(oidc);

    items.set('nahbar.authSetup', '{"data":{"authConfiguration":{"mode":"OIDC"}}}');
    expect(await loadAuthSetup(offline, storage)).toEqual({ mode: 'UNAVAILABLE' });
  });
});
