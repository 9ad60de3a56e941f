import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

import { DomainError, UnauthenticatedError } from '../common/domain-error.js';
import { Authenticator, readCredentials } from './authenticator.js';
import { hasRole, isExpired, type Role } from './caller.js';
import type { GraphqlContext } from './graphql-context.js';
import { IS_PUBLIC } from './public.decorator.js';
import { REQUIRED_ROLES } from './requires-role.decorator.js';

/**
 * Guarded by default: every operation needs a caller unless marked `@Public()`, and the roles named by
 * `@RequiresRole()`. WebSocket callers were authenticated when their connection was accepted.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const gqlContext = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    if (!gqlContext.caller && gqlContext.req) {
      const caller = await this.authenticator.authenticate(readCredentials(gqlContext.req.headers));
      if (caller) gqlContext.caller = caller;
    }
    const caller = gqlContext.caller;
    if (!caller) throw new UnauthenticatedError();
    if (isExpired(caller)) throw new UnauthenticatedError('Your sign-in has expired. Please sign in again.');

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => hasRole(caller, role))) {
      throw new DomainError('FORBIDDEN', 'Your role does not allow this. Ask your organisation admin if you need it.');
    }
    return true;
  }
}
