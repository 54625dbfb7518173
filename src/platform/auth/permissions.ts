import { DomainError } from '../errors';
import type { Principal, Role } from './roles';

/**
 * The permission table: every permission id with the roles that hold it. Modules contribute their rows
 * with `definePermissions`; routes name one permission each and the HTTP layer enforces it in one place.
 */
export type PermissionTable = Readonly<Record<string, readonly Role[]>>;

const table = new Map<string, ReadonlySet<Role>>();

export function definePermissions<T extends PermissionTable>(rows: T): T {
  for (const [permission, roles] of Object.entries(rows)) {
    if (!/^[a-z_]+(\.[a-z_]+)+$/.test(permission)) throw new Error(`permission id must be dotted lowercase: ${permission}`);
    const existing = table.get(permission);
    if (existing && [...existing].join() !== [...roles].join()) throw new Error(`permission ${permission} defined twice`);
    table.set(permission, new Set(roles));
  }
  return rows;
}

export function isKnownPermission(permission: string): boolean {
  return table.has(permission);
}

export function rolesFor(permission: string): ReadonlySet<Role> {
  const roles = table.get(permission);
  if (!roles) throw new Error(`unknown permission ${permission}`);
  return roles;
}

export function can(principal: Pick<Principal, 'role'>, permission: string): boolean {
  return rolesFor(permission).has(principal.role);
}

export function assertCan(principal: Pick<Principal, 'role'>, permission: string): void {
  if (!can(principal, permission)) throw new DomainError('auth.forbidden', { extensions: { permission } });
}

export function listPermissions(): ReadonlyMap<string, ReadonlySet<Role>> {
  return table;
}
