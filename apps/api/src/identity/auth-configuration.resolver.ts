import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Authenticator } from './authenticator.js';
import { AuthConfiguration, AuthMode } from './models/auth-configuration.model.js';
import { Public } from './public.decorator.js';

@Resolver(() => AuthConfiguration)
export class AuthConfigurationResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
  ) {}

  @Public()
  @Query(() => AuthConfiguration, { description: 'How to sign in on this server; read before signing in.' })
  authConfiguration(): AuthConfiguration {
    const oidc = this.authenticator.mode === 'OIDC' ? this.config.oidc : undefined;
    return {
      mode: oidc ? AuthMode.OIDC : AuthMode.DEMO,
      issuer: oidc?.issuer ?? null,
      clientId: oidc?.clientId ?? null,
      scope: oidc?.scope ?? null,
    };
  }
}
