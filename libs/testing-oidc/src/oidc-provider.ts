import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CryptoKey, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type ClientMetadata,
  type Configuration,
  errors,
  type JWK,
} from 'oidc-provider';

/**
 * A real OpenID Connect provider (`oidc-provider`) inside the test process, for API and browser tests: one public
 * client (`nahbar-web`, authorization code + PKCE, refresh tokens), JWT access tokens for the API's resource with
 * the profile claims nahbar needs (name, e-mail, organisation), test accounts in memory, and a minimal sign-in page
 * (pick an account, press "Sign in"). Consent is granted without asking, as for a first-party client.
 */

export const CLIENT_ID = 'nahbar-web';
/** The API as resource (RFC 8707): tokens for it carry `aud: API_AUDIENCE`. The default resource of every request. */
export const API_RESOURCE = 'urn:nahbar:api';
export const API_AUDIENCE = 'nahbar-api';
/** The API again, with the short access-token lifetime of `shortAccessTokenTtlSeconds` (tests of expiry). */
export const SHORT_LIVED_API_RESOURCE = 'urn:nahbar:api:short-lived';
/** Another service: its tokens carry `aud: OTHER_AUDIENCE`, which the API must refuse. */
export const OTHER_RESOURCE = 'urn:example:other-service';
export const OTHER_AUDIENCE = 'other-service';

/** Claims of a test account (besides `sub`): what the provider puts into ID and access tokens. */
export interface TestAccountClaims {
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly preferred_username?: string;
  readonly email?: string;
  /** The organisation claim (named by `organisationClaim`): a value of `organisations.claim_value`. */
  readonly organisation?: string | readonly string[];
}

export interface OidcProviderOptions {
  /** Port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /** Redirect URIs of the web client; more can be added later with `allowRedirectUri`. */
  readonly redirectUris?: readonly string[];
  /** Lifetime of API access tokens (default 300 s). */
  readonly accessTokenTtlSeconds?: number;
  /** Lifetime of access tokens for `SHORT_LIVED_API_RESOURCE` (default 3 s). */
  readonly shortAccessTokenTtlSeconds?: number;
  /** Name of the organisation claim in access tokens (default `organisation`, as NAHBAR_OIDC_ORGANISATION_CLAIM). */
  readonly organisationClaim?: string;
  /** Test accounts by subject; more can be added with `addAccount`. */
  readonly accounts?: Readonly<Record<string, TestAccountClaims>>;
}

export interface TestOidcProvider {
  /** e.g. http://127.0.0.1:41234 (no trailing slash): NAHBAR_OIDC_ISSUER. */
  readonly issuer: string;
  readonly clientId: string;
  /** The `aud` of API access tokens: NAHBAR_OIDC_AUDIENCE. */
  readonly audience: string;
  readonly organisationClaim: string;
  /** The key the provider signs tokens with, for tests that craft tokens (wrong claims, right signature). */
  readonly signingKey: { readonly privateKey: CryptoKey; readonly kid: string; readonly alg: 'RS256' };
  redirectUris(): readonly string[];
  allowRedirectUri(uri: string): void;
  addAccount(sub: string, claims: TestAccountClaims): void;
  /** The environment that points the API at this provider. */
  apiEnv(): Record<string, string>;
  stop(): Promise<void>;
}

export interface SignInOptions {
  /** Resource (audience) to get the access token for; default `API_RESOURCE`. */
  readonly resource?: string;
  readonly scope?: string;
  readonly redirectUri?: string;
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly idToken: string | undefined;
  /** `exp` of the access token (seconds since 1970). */
  readonly expiresAt: number;
}

const DEFAULT_REDIRECT_URI = 'http://127.0.0.1/callback';
const DEFAULT_SCOPE = 'openid profile email offline_access';
const PROFILE_CLAIMS = ['name', 'given_name', 'family_name', 'preferred_username', 'email'] as const;

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<TestOidcProvider> {
  const organisationClaim = options.organisationClaim ?? 'organisation';
  const accounts = new Map<string, TestAccountClaims>(Object.entries(options.accounts ?? {}));
  const redirectUris = new Set(options.redirectUris ?? [DEFAULT_REDIRECT_URI]);
  const resources: Record<string, { audience: string; ttl: number }> = {
    [API_RESOURCE]: { audience: API_AUDIENCE, ttl: options.accessTokenTtlSeconds ?? 300 },
    [SHORT_LIVED_API_RESOURCE]: { audience: API_AUDIENCE, ttl: options.shortAccessTokenTtlSeconds ?? 3 },
    [OTHER_RESOURCE]: { audience: OTHER_AUDIENCE, ttl: 300 },
  };

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-${randomBytes(6).toString('hex')}`;
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } as JWK;

  // The issuer URL holds the port, so listen first and attach the provider after.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handle(req, res));
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientMetadata = (): ClientMetadata => ({
    client_id: CLIENT_ID,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [...redirectUris],
    post_logout_redirect_uris: [...redirectUris].map((uri) => new URL(uri).origin + '/'),
  });

  const configuration: Configuration = {
    adapter: memoryAdapter((id) => (id === CLIENT_ID ? clientMetadata() : undefined)),
    cookies: { keys: [randomBytes(16).toString('hex')] },
    jwks: { keys: [jwk] },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'preferred_username'], email: ['email'] },
    pkce: { required: () => true },
    ttl: {
      // Per resource (see getResourceServerInfo); 300 s for anything else.
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 300,
      IdToken: 3600,
      RefreshToken: 86_400,
      Grant: 86_400,
      Session: 86_400,
      Interaction: 600,
    },
    clientBasedCORS: () => true,
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...profileClaims(account) }) };
    },
    // The API reads who someone is from the access token alone (no userinfo call per request).
    extraTokenClaims: (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const account = accountId === undefined ? undefined : accounts.get(accountId);
      if (!account) return undefined;
      return {
        ...profileClaims(account),
        ...(account.organisation === undefined ? {} : { [organisationClaim]: account.organisation }),
      };
    },
    // Refresh tokens for the public web client, whether or not the request asked for offline_access with consent.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? API_RESOURCE,
        // A token request without `resource` gets a token for the resource granted at authorization.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          const resource = resources[indicator];
          if (!resource) throw new errors.InvalidTarget();
          return {
            scope: '',
            audience: resource.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: resource.ttl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerCallback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(provider, accounts, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error instanceof Error ? error.message : String(error));
      });
    } else {
      void providerCallback(req, res);
    }
  };

  return {
    issuer,
    clientId: CLIENT_ID,
    audience: API_AUDIENCE,
    organisationClaim,
    signingKey: { privateKey, kid, alg: 'RS256' },
    redirectUris: () => [...redirectUris],
    allowRedirectUri: (uri) => void redirectUris.add(uri),
    addAccount: (sub, claims) => void accounts.set(sub, claims),
    apiEnv: () => ({
      NAHBAR_OIDC_ISSUER: issuer,
      NAHBAR_OIDC_CLIENT_ID: CLIENT_ID,
      NAHBAR_OIDC_AUDIENCE: API_AUDIENCE,
      NAHBAR_OIDC_ORGANISATION_CLAIM: organisationClaim,
    }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Signs `sub` in the way a browser would: authorization request with PKCE, the provider's sign-in page, the code at
 * the redirect URI, then the token request. Real HTTP throughout, with a fresh cookie jar (a new session).
 */
export async function signIn(provider: TestOidcProvider, sub: string, options: SignInOptions = {}): Promise<Tokens> {
  const redirectUri = options.redirectUri ?? provider.redirectUris()[0] ?? DEFAULT_REDIRECT_URI;
  const resource = options.resource ?? API_RESOURCE;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const authorization = new URL('/auth', provider.issuer);
  authorization.search = new URLSearchParams({
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? DEFAULT_SCOPE,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(12).toString('base64url'),
    resource,
  }).toString();

  const browser = new CookieJar();
  let url = authorization;
  let response = await browser.fetch(url);
  const answered = new Set<string>();
  for (let step = 0; ; step += 1) {
    if (step > 12) throw new Error(`Sign-in of ${sub}: too many steps, stopped at ${url.href}`);
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location') ?? '', url);
      if (location.href.startsWith(redirectUri)) {
        url = location;
        break;
      }
      url = location;
      response = await browser.fetch(url);
    } else if (response.status === 200 && url.pathname.startsWith('/interaction/') && !answered.has(url.pathname)) {
      // The sign-in page: choose the account and submit, as a person would.
      answered.add(url.pathname);
      await response.arrayBuffer();
      const login = new URL(`${url.pathname}/login`, url);
      response = await browser.fetch(login, { method: 'POST', form: { sub } });
      url = login;
    } else {
      throw new Error(`Sign-in of ${sub} stopped at ${url.href}: ${response.status} ${await response.text()}`);
    }
  }
  const result = url.searchParams;
  if (result.get('error')) {
    throw new Error(`Sign-in of ${sub} refused: ${result.get('error')} ${result.get('error_description') ?? ''}`);
  }
  if (result.get('state') !== state) throw new Error('Sign-in: state mismatch');
  if (result.get('iss') !== provider.issuer) throw new Error('Sign-in: iss mismatch');
  const code = result.get('code');
  if (!code) throw new Error('Sign-in: no code');

  return tokenRequest(provider, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    resource,
  });
}

/** Exchanges a refresh token for new tokens, as the web client does before the access token expires. */
export async function refreshTokens(
  provider: TestOidcProvider,
  refreshToken: string,
  resource: string = API_RESOURCE,
): Promise<Tokens> {
  return tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: refreshToken, resource });
}

async function tokenRequest(provider: TestOidcProvider, parameters: Record<string, string>): Promise<Tokens> {
  const response = await fetch(new URL('/token', provider.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...parameters, client_id: provider.clientId }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    refresh_token?: string;
    id_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new Error(`Token request failed: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`);
  }
  const { exp } = decodeJwt(body.access_token);
  if (exp === undefined) throw new Error('Token request: the access token is not a JWT with exp');
  return { accessToken: body.access_token, refreshToken: body.refresh_token, idToken: body.id_token, expiresAt: exp };
}

/** The sign-in page and the (silent) consent of the test provider. */
async function interaction(
  provider: Provider,
  accounts: ReadonlyMap<string, TestAccountClaims>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login') {
    const path = `/interaction/${details.uid}`;
    if (req.method === 'POST' && req.url === `${path}/login`) {
      const sub = new URLSearchParams(await readBody(req)).get('sub') ?? '';
      if (accounts.has(sub)) {
        await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
        return;
      }
      return signInPage(res, `${path}/login`, accounts, 'Unknown account.');
    }
    return signInPage(res, `${path}/login`, accounts);
  }
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session?.accountId, clientId: String(params['client_id']) });
    if (!grant) throw new Error('grant not found');
    const missing = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  res.writeHead(400, { 'content-type': 'text/plain' }).end(`Unexpected prompt ${prompt.name}`);
}

function signInPage(
  res: ServerResponse,
  action: string,
  accounts: ReadonlyMap<string, TestAccountClaims>,
  error?: string,
): void {
  const options = [...accounts]
    .map(([sub, claims]) => `<option value="${html(sub)}">${html(claims.name ?? sub)} (${html(sub)})</option>`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider: sign in</title></head>
<body><main><h1>Sign in (test identity provider)</h1>
${error ? `<p role="alert">${html(error)}</p>` : ''}
<form method="post" action="${html(action)}">
<label for="sub">Account</label> <select id="sub" name="sub">${options}</select>
<button type="submit">Sign in</button>
</form></main></body></html>`);
}

function profileClaims(account: TestAccountClaims): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const name of PROFILE_CLAIMS) {
    const value = account[name];
    if (value !== undefined) claims[name] = value;
  }
  return claims;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Storage of the provider, per provider instance (oidc-provider's own memory adapter shares one store between all
 * providers of a process). Clients come from `clients`, so redirect URIs can be added while it runs.
 */
function memoryAdapter(clients: (id: string) => ClientMetadata | undefined) {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const byUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();
  const byGrant = new Map<string, Set<string>>();

  return class TestAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const key = this.key(id);
      store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      if (payload.uid) byUid.set(payload.uid, id);
      if (payload.userCode) byUserCode.set(payload.userCode, id);
      if (payload.grantId) {
        const members = byGrant.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        byGrant.set(payload.grantId, members);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return clients(id);
      const entry = store.get(this.key(id));
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        store.delete(this.key(id));
        return undefined;
      }
      return entry.payload;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = byUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = byUserCode.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const entry = store.get(this.key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of byGrant.get(grantId) ?? []) store.delete(key);
      byGrant.delete(grantId);
    }
  };
}

/** Just enough of a browser's cookie handling for the provider's session and interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  async fetch(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.cookies]
      .filter(([, entry]) => url.pathname.startsWith(entry.path))
      .map(([key, entry]) => `${key.split('\n')[0]}=${entry.value}`)
      .join('; ');
    const headers: Record<string, string> = {};
    if (cookie) headers['cookie'] = cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = attributeValue;
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
    }
    const key = `${name}\n${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { value, path });
  }
}
