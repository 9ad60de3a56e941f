import { Global, Module } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthConfigurationResolver } from './auth-configuration.resolver.js';
import { Authenticator } from './authenticator.js';
import { CallerLoader } from './caller.loader.js';
import { CallerCache } from './caller-cache.js';
import { DemoAuthenticator } from './demo-identity.js';
import { OidcAuthenticator } from './oidc/oidc-authenticator.js';
import { OidcPeople } from './oidc/oidc-people.js';

/**
 * Who is asking: the active authenticator and the caller loader. OpenID Connect when an issuer is configured, else
 * the demo identity (the configuration allows the demo only without an issuer and never in production).
 */
@Global()
@Module({
  providers: [
    CallerCache,
    CallerLoader,
    OidcPeople,
    {
      provide: Authenticator,
      inject: [APP_CONFIG, CallerLoader, OidcPeople],
      useFactory: (config: AppConfig, callers: CallerLoader, people: OidcPeople): Authenticator => {
        if (config.oidc) return new OidcAuthenticator(config, callers, people);
        if (!config.demoMode) throw new Error('Neither OpenID Connect nor the demo identity is configured.');
        return new DemoAuthenticator(callers);
      },
    },
    AuthConfigurationResolver,
  ],
  exports: [Authenticator, CallerLoader, CallerCache],
})
export class IdentityModule {}
