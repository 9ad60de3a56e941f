import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';

/** Every action the audit log records: admin, facility and team-administration actions, and erasures. */
export const AUDIT_ACTIONS = [
  'DESK_BLOCKED',
  'DESK_UNBLOCKED',
  'CLOSURE_ADDED',
  'CLOSURE_REMOVED',
  'CAPACITY_SET',
  'OFFICE_SHARED',
  'OFFICE_SHARE_REVOKED',
  'ROLE_GRANTED',
  'ROLE_REVOKED',
  'TEAM_CREATED',
  'TEAM_RENAMED',
  'TEAM_DELETED',
  'TEAM_MEMBER_ADDED',
  'TEAM_MEMBER_REMOVED',
  'PRESENCE_POLICY_SET',
  'PRESENCE_POLICY_CLEARED',
  'DESKS_IMPORTED',
  'ACCOUNT_ERASED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What an entry is about. PERSON and TEAM_MEMBER point at a person (who got or lost a role or a team): the erasure of
 * that person clears the pointer.
 */
export type AuditObjectType = 'DESK' | 'CLOSURE' | 'OFFICE' | 'PERSON' | 'TEAM' | 'TEAM_MEMBER' | 'ORGANISATION';
export const PERSON_OBJECT_TYPES: readonly AuditObjectType[] = ['PERSON', 'TEAM_MEMBER'];

/** Details are figures, codes, dates and ids of places: never a name, an e-mail address or a free text. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditEntry {
  readonly action: AuditAction;
  readonly objectType: AuditObjectType;
  readonly objectId?: string | null;
  /** Organisation concerned; defaults to the operator of `officeId`. */
  readonly organisationId?: string | null;
  readonly officeId?: string | null;
  readonly details?: AuditDetails;
}

/**
 * Writes the audit log (who, what, when) inside the transaction of the action it records: the entry commits with the
 * action or not at all. Callers pass the transaction's manager (the embedded database has one connection).
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, actor: Pick<Caller, 'personId'> | null, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, object_type, object_id, organisation_id, office_id, details)
       VALUES ($1, $2, $3, $4,
               coalesce($5::uuid, (SELECT operator_id FROM offices WHERE id = $6::uuid)), $6::uuid, $7::jsonb)`,
      [
        actor?.personId ?? null,
        entry.action,
        entry.objectType,
        entry.objectId ?? null,
        entry.organisationId ?? null,
        entry.officeId ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }
}
