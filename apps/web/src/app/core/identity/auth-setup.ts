import { GRAPHQL_PATH } from '../graphql/graphql-endpoint';
import { graphqlOperation } from '../graphql/graphql-operation';

export interface OidcSetup {
  readonly mode: 'OIDC';
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

/** How this server signs people in, as read before the app starts. */
export type AuthSetup = { readonly mode: 'DEMO' } | OidcSetup | { readonly mode: 'UNAVAILABLE' };

interface AuthConfigurationData {
  readonly authConfiguration: {
    readonly mode: string;
    readonly issuer: string | null;
    readonly clientId: string | null;
    readonly scope: string | null;
  };
}

export const AUTH_CONFIGURATION = graphqlOperation<AuthConfigurationData>(
  'query AuthConfiguration { authConfiguration { mode issuer clientId scope } }',
);

const DEFAULT_SCOPE = 'openid profile email offline_access';

/** The setup an answer of the API describes; anything incomplete or unknown is UNAVAILABLE. */
export function authSetupFrom(body: unknown): AuthSetup {
  const config = (body as { data?: Partial<AuthConfigurationData> } | null)?.data?.authConfiguration;
  if (config?.mode === 'DEMO') {
    return { mode: 'DEMO' };
  }
  if (config?.mode === 'OIDC' && config.issuer && config.clientId) {
    return { mode: 'OIDC', issuer: config.issuer, clientId: config.clientId, scope: config.scope || DEFAULT_SCOPE };
  }
  return { mode: 'UNAVAILABLE' };
}

/** Where the last setup the server gave is kept, for starting the installed app offline. */
export const AUTH_SETUP_STORAGE_KEY = 'nahbar.authSetup';

/**
 * Asks the server how people sign in (a plain request without credentials, before the app starts). A server that
 * cannot be reached or answers nonsense gives UNAVAILABLE: the start page then says so. With `storage`, a setup the
 * server gave is kept there, and used when the server cannot be reached (offline), so the app still shows what it
 * last knew.
 */
export async function loadAuthSetup(
  fetchFn: typeof fetch,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = null,
): Promise<AuthSetup> {
  try {
    const response = await fetchFn(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: AUTH_CONFIGURATION.document, variables: {} }),
    });
    const setup = authSetupFrom(await response.json());
    if (setup.mode !== 'UNAVAILABLE') keep(storage, setup);
    return setup;
  } catch {
    return keptSetup(storage) ?? { mode: 'UNAVAILABLE' };
  }
}

function keep(storage: Pick<Storage, 'setItem'> | null, setup: AuthSetup): void {
  try {
    storage?.setItem(AUTH_SETUP_STORAGE_KEY, JSON.stringify({ data: { authConfiguration: setup } }));
  } catch {
    // Full or blocked storage: offline the app then says the server is unreachable.
  }
}

function keptSetup(storage: Pick<Storage, 'getItem'> | null): AuthSetup | null {
  try {
    const raw = storage?.getItem(AUTH_SETUP_STORAGE_KEY);
    const setup = raw ? authSetupFrom(JSON.parse(raw)) : null;
    return setup?.mode === 'UNAVAILABLE' ? null : setup;
  } catch {
    return null;
  }
}
