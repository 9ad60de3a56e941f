import { Injectable } from '@nestjs/common';

import { UnauthenticatedError } from '../common/domain-error.js';
import { Authenticator, type Credentials, DEMO_PERSON_KEY } from './authenticator.js';
import type { Caller } from './caller.js';
import { CallerLoader } from './caller.loader.js';

/**
 * The demo mode's stand-in for sign-in: the client names the person it acts as in the header (HTTP) or connection
 * parameter (WebSocket) `x-nahbar-demo-person`. Active only when no OpenID Connect issuer is configured and never
 * in production (the configuration refuses it).
 */
export const DEMO_PERSON_HEADER = DEMO_PERSON_KEY;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class DemoAuthenticator extends Authenticator {
  readonly mode = 'DEMO' as const;

  constructor(private readonly callers: CallerLoader) {
    super();
  }

  async authenticate(credentials: Credentials): Promise<Caller | undefined> {
    const claimed = credentials.demoPersonId;
    if (claimed === undefined) return undefined;
    if (!UUID_PATTERN.test(claimed)) throw new UnauthenticatedError('The demo person is not valid. Choose again.');
    const caller = await this.callers.load(claimed.toLowerCase());
    if (!caller) throw new UnauthenticatedError('This person does not exist (any more). Choose again.');
    return caller;
  }
}
