import type { Caller } from './caller.js';

/** What a request or a WebSocket connection presents to prove who it is. */
export interface Credentials {
  /** `Authorization: Bearer …` (HTTP) or the `authorization` connection parameter (WebSocket). */
  readonly bearerToken?: string;
  /** The demo mode's chosen person (header or connection parameter `x-nahbar-demo-person`). */
  readonly demoPersonId?: string;
}

/**
 * Turns credentials into a caller. Resolves `undefined` when no credentials of its kind were presented and throws
 * `UnauthenticatedError` when they were presented but are not valid. One implementation is active: OpenID Connect
 * when an issuer is configured, else the demo identity.
 */
export abstract class Authenticator {
  abstract readonly mode: 'OIDC' | 'DEMO';
  abstract authenticate(credentials: Credentials): Promise<Caller | undefined>;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Reads credentials from HTTP headers or graphql-ws connection parameters (the same names in both). */
export function readCredentials(source: Readonly<Record<string, unknown>>): Credentials {
  const authorization = first(source['authorization']);
  const demoPersonId = first(source[DEMO_PERSON_KEY]);
  const bearerToken = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
  return {
    ...(bearerToken === undefined ? {} : { bearerToken }),
    ...(demoPersonId === undefined ? {} : { demoPersonId }),
  };
}

/** Header and connection-parameter name of the demo identity. */
export const DEMO_PERSON_KEY = 'x-nahbar-demo-person';

function first(value: unknown): string | undefined {
  const candidate = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof candidate === 'string' ? candidate : undefined;
}
