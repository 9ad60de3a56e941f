import { Global, Module } from '@nestjs/common';

import { Authenticator } from './authenticator.js';
import { CallerLoader } from './caller.loader.js';
import { DemoAuthenticator } from './demo-identity.js';

/** Who is asking: the active authenticator (OpenID Connect or the demo identity) and the caller loader. */
@Global()
@Module({
  providers: [CallerLoader, { provide: Authenticator, useClass: DemoAuthenticator }],
  exports: [Authenticator, CallerLoader],
})
export class IdentityModule {}
