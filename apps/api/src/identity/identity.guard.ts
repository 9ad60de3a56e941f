import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DataSource } from 'typeorm';

import { UnauthenticatedError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { claimedDemoPersonId } from './demo-identity.js';
import type { GraphqlContext } from './graphql-context.js';
import { IS_PUBLIC } from './public.decorator.js';

/** Guarded by default: every operation needs a known person unless marked `@Public()`. */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const gqlContext = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    if (gqlContext.personId) return true;
    const claimed = this.config.demoMode ? claimedDemoPersonId(gqlContext) : undefined;
    if (claimed === undefined) throw new UnauthenticatedError();
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM people WHERE id = $1', [claimed]);
    if (rows.length === 0) throw new UnauthenticatedError('This person does not exist (any more). Choose again.');
    gqlContext.personId = claimed;
    return true;
  }
}
