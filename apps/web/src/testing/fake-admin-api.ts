import type {
  RevokeSharingInput,
  RevokeSharingResult,
  RoleInput,
  ShareOfficeInput,
} from '../app/admin/data-access/admin.api';
import type { Member, OfficeSharing, Organisation, Team } from '../app/core/graphql/api.types';
import { GraphqlRequestError } from '../app/core/graphql/graphql-request.error';

/** Stands in for AdminApi: answers from its lists, or fails with `failWith` once. */
export class FakeAdminApi {
  sharings: OfficeSharing[] = [];
  organisationList: Organisation[] = [];
  people: Member[] = [];
  teams: Team[] = [];
  cancelledBookings = 0;
  failWith: GraphqlRequestError['code'] | null = null;
  readonly calls: { name: string; input: unknown }[] = [];

  async officeSharings(): Promise<OfficeSharing[]> {
    return this.answer('officeSharings', undefined, () => this.sharings);
  }

  async organisations(): Promise<Organisation[]> {
    return this.answer('organisations', undefined, () => this.organisationList);
  }

  async shareOffice(input: ShareOfficeInput): Promise<OfficeSharing> {
    return this.answer('shareOffice', input, () => {
      const organisation = this.organisationList.find((candidate) => candidate.id === input.organisationId);
      return this.update(input.officeId, (shared) => [...shared, ...(organisation ? [organisation] : [])]);
    });
  }

  async revokeOfficeSharing(input: RevokeSharingInput): Promise<RevokeSharingResult> {
    return this.answer('revokeOfficeSharing', input, () => ({
      cancelledBookings: input.cancelBookings ? this.cancelledBookings : 0,
      sharing: this.update(input.officeId, (shared) => shared.filter((o) => o.id !== input.organisationId)),
    }));
  }

  async organisationPeople(search: string): Promise<Member[]> {
    return this.answer('organisationPeople', search, () =>
      this.people.filter((member) => member.displayName.toLowerCase().includes(search.trim().toLowerCase())),
    );
  }

  async organisationTeams(): Promise<Team[]> {
    return this.answer('organisationTeams', undefined, () => this.teams);
  }

  async grantRole(input: RoleInput): Promise<Member> {
    return this.answer('grantRole', input, () => {
      const member = this.member(input.personId);
      const scopeName = input.teamId ?? input.officeId ?? 'Organisation';
      const updated: Member = {
        ...member,
        roles: [
          ...member.roles,
          {
            role: input.role,
            scopeName,
            organisationId: null,
            officeId: input.officeId ?? null,
            teamId: input.teamId ?? null,
          },
        ],
      };
      this.people = this.people.map((candidate) => (candidate.id === updated.id ? updated : candidate));
      return updated;
    });
  }

  async revokeRole(input: RoleInput): Promise<Member> {
    return this.answer('revokeRole', input, () => {
      const member = this.member(input.personId);
      const updated: Member = { ...member, roles: member.roles.filter((role) => role.role !== input.role) };
      this.people = this.people.map((candidate) => (candidate.id === updated.id ? updated : candidate));
      return updated;
    });
  }

  private member(id: string): Member {
    const member = this.people.find((candidate) => candidate.id === id);
    if (member === undefined) {
      throw new GraphqlRequestError('PERSON_NOT_FOUND', 'no such person');
    }
    return member;
  }

  private update(officeId: string, change: (shared: readonly Organisation[]) => Organisation[]): OfficeSharing {
    const sharing = this.sharings.find((candidate) => candidate.office.id === officeId);
    if (sharing === undefined) {
      throw new GraphqlRequestError('OFFICE_NOT_FOUND', 'no such office');
    }
    const updated = { ...sharing, sharedWith: change(sharing.sharedWith) };
    this.sharings = this.sharings.map((candidate) => (candidate.office.id === officeId ? updated : candidate));
    return updated;
  }

  private answer<T>(name: string, input: unknown, result: () => T): T {
    this.calls.push({ name, input });
    if (this.failWith !== null) {
      const code = this.failWith;
      this.failWith = null;
      throw new GraphqlRequestError(code, code);
    }
    return result();
  }
}
