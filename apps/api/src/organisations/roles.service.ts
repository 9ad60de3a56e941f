import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { CommonErrorCode, DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import { CallerCache } from '../identity/caller-cache.js';
import { AuditLog } from '../privacy/audit-log.js';
import type { OrganisationPeopleArgs } from './dto/organisation-people.args.js';
import type { RoleInput } from './dto/role.input.js';
import type { Member } from './models/member.model.js';
import type { Organisation } from './models/organisation.model.js';
import type { Team } from './models/team.model.js';
import { ProfileService } from './profile.service.js';

export const RolesErrorCode = {
  PersonNotFound: 'PERSON_NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  LastAdmin: 'LAST_ADMIN',
} as const;

class PersonNotFoundError extends DomainError {
  constructor() {
    super(RolesErrorCode.PersonNotFound, 'There is no such person in an organisation you administer.');
  }
}

interface PersonRow {
  id: string;
  display_name: string;
  email: string | null;
  organisation_id: string;
}

/** What organisation admins do with people: list them, grant and revoke roles. Scoped to their organisations. */
@Injectable()
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileService,
    private readonly audit: AuditLog,
    private readonly callers: CallerCache,
  ) {}

  /** All organisations: names only, to choose whom to share an office with. */
  async organisations(): Promise<Organisation[]> {
    return this.dataSource.query('SELECT id, name FROM organisations ORDER BY name');
  }

  async teams(caller: Caller): Promise<Team[]> {
    const rows: { id: string; name: string; organisation_id: string }[] = await this.dataSource.query(
      'SELECT id, name, organisation_id FROM teams WHERE organisation_id = ANY($1::uuid[]) ORDER BY name',
      [caller.adminOf],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, organisationId: row.organisation_id }));
  }

  async people(caller: Caller, { search, take }: OrganisationPeopleArgs): Promise<Member[]> {
    const pattern = search ? `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    const rows: PersonRow[] = await this.dataSource.query(
      `SELECT id, display_name, email, organisation_id FROM people
       WHERE organisation_id = ANY($1::uuid[]) AND ($2::text IS NULL OR display_name ILIKE $2 OR email ILIKE $2)
       ORDER BY display_name LIMIT $3`,
      [caller.adminOf, pattern, take],
    );
    return this.toMembers(rows);
  }

  async grant(caller: Caller, input: RoleInput): Promise<Member> {
    const personId = await this.dataSource.transaction(async (manager) => {
      const person = await this.administeredPerson(manager, caller, input.personId);
      switch (input.role) {
        case 'ORGANISATION_ADMIN':
          await manager.query(
            `INSERT INTO role_assignments (person_id, role, organisation_id, granted_by)
             VALUES ($1, 'ORGANISATION_ADMIN', $2, $3) ON CONFLICT DO NOTHING`,
            [person.id, person.organisation_id, caller.personId],
          );
          break;
        case 'FACILITY_MANAGER': {
          const officeId = await this.operatedOffice(manager, caller, input.officeId);
          await manager.query(
            `INSERT INTO role_assignments (person_id, role, office_id, granted_by)
             VALUES ($1, 'FACILITY_MANAGER', $2, $3) ON CONFLICT DO NOTHING`,
            [person.id, officeId, caller.personId],
          );
          break;
        }
        case 'TEAM_LEAD': {
          const teamId = await this.teamOf(manager, person, input.teamId);
          await manager.query(
            `INSERT INTO team_members (team_id, person_id, is_lead) VALUES ($1, $2, true)
             ON CONFLICT (team_id, person_id) DO UPDATE SET is_lead = true`,
            [teamId, person.id],
          );
          break;
        }
      }
      await this.audit.record(manager, caller, {
        action: 'ROLE_GRANTED',
        objectType: 'PERSON',
        objectId: person.id,
        organisationId: person.organisation_id,
        details: { role: input.role, officeId: input.officeId ?? null, teamId: input.teamId ?? null },
      });
      return person.id;
    });
    await this.callers.forget([personId]);
    return this.member(input.personId);
  }

  async revoke(caller: Caller, input: RoleInput): Promise<Member> {
    const personId = await this.dataSource.transaction(async (manager) => {
      const person = await this.administeredPerson(manager, caller, input.personId);
      switch (input.role) {
        case 'ORGANISATION_ADMIN': {
          // Serialise revocations per organisation, so two admins cannot remove each other at once.
          await manager.query('SELECT 1 FROM organisations WHERE id = $1 FOR UPDATE', [person.organisation_id]);
          const [{ admins } = { admins: 0 }]: { admins: number }[] = await manager.query(
            `SELECT count(*)::int AS admins FROM role_assignments WHERE role = 'ORGANISATION_ADMIN' AND organisation_id = $1`,
            [person.organisation_id],
          );
          const [held]: unknown[] = await manager.query(
            `SELECT 1 FROM role_assignments WHERE role = 'ORGANISATION_ADMIN' AND organisation_id = $1 AND person_id = $2`,
            [person.organisation_id, person.id],
          );
          if (held && admins <= 1) {
            throw new DomainError(
              RolesErrorCode.LastAdmin,
              'This is the last admin of the organisation. Make someone else admin first.',
            );
          }
          await manager.query(
            `DELETE FROM role_assignments WHERE role = 'ORGANISATION_ADMIN' AND organisation_id = $1 AND person_id = $2`,
            [person.organisation_id, person.id],
          );
          break;
        }
        case 'FACILITY_MANAGER': {
          const officeId = await this.operatedOffice(manager, caller, input.officeId);
          await manager.query(
            `DELETE FROM role_assignments WHERE role = 'FACILITY_MANAGER' AND office_id = $1 AND person_id = $2`,
            [officeId, person.id],
          );
          break;
        }
        case 'TEAM_LEAD': {
          const teamId = await this.teamOf(manager, person, input.teamId);
          await manager.query('UPDATE team_members SET is_lead = false WHERE team_id = $1 AND person_id = $2', [
            teamId,
            person.id,
          ]);
          break;
        }
      }
      await this.audit.record(manager, caller, {
        action: 'ROLE_REVOKED',
        objectType: 'PERSON',
        objectId: person.id,
        organisationId: person.organisation_id,
        details: { role: input.role, officeId: input.officeId ?? null, teamId: input.teamId ?? null },
      });
      return person.id;
    });
    await this.callers.forget([personId]);
    return this.member(input.personId);
  }

  private async member(personId: string): Promise<Member> {
    const rows: PersonRow[] = await this.dataSource.query(
      'SELECT id, display_name, email, organisation_id FROM people WHERE id = $1',
      [personId],
    );
    const [member] = await this.toMembers(rows);
    if (!member) throw new PersonNotFoundError();
    return member;
  }

  private async toMembers(rows: PersonRow[]): Promise<Member[]> {
    const roles = await this.profiles.rolesOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      email: row.email,
      roles: roles.get(row.id) ?? [],
    }));
  }

  /** A person of an organisation the caller administers; anyone else reads as not found. */
  private async administeredPerson(manager: EntityManager, caller: Caller, personId: string): Promise<PersonRow> {
    const [person]: PersonRow[] = await manager.query(
      'SELECT id, display_name, email, organisation_id FROM people WHERE id = $1 AND organisation_id = ANY($2::uuid[])',
      [personId, caller.adminOf],
    );
    if (!person) throw new PersonNotFoundError();
    return person;
  }

  /** An office operated by an organisation the caller administers. */
  private async operatedOffice(manager: EntityManager, caller: Caller, officeId: string | null | undefined) {
    if (!officeId) throw new DomainError(CommonErrorCode.BadUserInput, 'FACILITY_MANAGER needs an officeId.');
    const [office]: { id: string }[] = await manager.query(
      'SELECT id FROM offices WHERE id = $1 AND operator_id = ANY($2::uuid[])',
      [officeId, caller.adminOf],
    );
    if (!office) {
      throw new DomainError(
        RolesErrorCode.Forbidden,
        'Only admins of the organisation that runs an office can name its facility managers.',
      );
    }
    return office.id;
  }

  /** A team of the person's organisation. */
  private async teamOf(manager: EntityManager, person: PersonRow, teamId: string | null | undefined) {
    if (!teamId) throw new DomainError(CommonErrorCode.BadUserInput, 'TEAM_LEAD needs a teamId.');
    const [team]: { id: string }[] = await manager.query(
      'SELECT id FROM teams WHERE id = $1 AND organisation_id = $2',
      [teamId, person.organisation_id],
    );
    if (!team) throw new DomainError('TEAM_NOT_FOUND', 'There is no such team in the organisation of this person.');
    return team.id;
  }
}
