import { applyDecorators, SetMetadata } from '@nestjs/common';

import type { Role } from './caller.js';

export const REQUIRED_ROLES = 'nahbar:requiredRoles';

/**
 * Allows the operation to callers holding at least one of the roles (anywhere). Which office, team or organisation
 * the role covers is checked by the service, against the caller's scopes.
 */
export const RequiresRole = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles));
