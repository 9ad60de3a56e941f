import type { Role, RoleAssignment } from '../graphql/api.types';

export function hasRole(roles: readonly RoleAssignment[], role: Role): boolean {
  return roles.some((assignment) => assignment.role === role);
}
