import { inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { Member, RoleAssignment, Team } from '../../core/graphql/api.types';
import { type ClientErrorCode, errorCodeOf } from '../../core/graphql/graphql-request.error';
import { CurrentPerson } from '../../core/identity/current-person';
import { roleLabel } from '../../shared/labels/role.labels';
import type { StatusNote } from '../../shared/ui/status-message';
import { AdminApi, PEOPLE_PAGE_SIZE, type RoleInput } from './admin.api';
import type { LoadState } from './office-sharing.store';
import {
  peopleFoundText,
  replaceMember,
  revokeInputFor,
  type RoleDraft,
  roleInputFor,
} from './organisation-roles.state';

/** After these errors the people shown are out of date: search again. */
const STALE_AFTER: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>(['PERSON_NOT_FOUND']);

/** People of the admin's organisation and their roles: search, grant, revoke. */
@Injectable()
export class OrganisationRolesStore {
  private readonly api = inject(AdminApi);
  private readonly currentPerson = inject(CurrentPerson);

  private readonly peopleList = signal<readonly Member[]>([]);
  private readonly teamList = signal<readonly Team[]>([]);
  private readonly load = signal<LoadState>('idle');
  private readonly loadErrorText = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private readonly busy = signal<string | null>(null);
  private lastSearch = '';
  /** Counts searches, so that the answer to an older one is dropped. */
  private searchGeneration = 0;

  readonly people = this.peopleList.asReadonly();
  readonly teams = this.teamList.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.loadErrorText.asReadonly();
  /** Outcome of the last search or change. */
  readonly note = this.lastNote.asReadonly();
  /** Person whose roles are being changed. */
  readonly busyPersonId = this.busy.asReadonly();

  async loadTeams(): Promise<void> {
    try {
      this.teamList.set(await this.api.organisationTeams());
    } catch {
      // Without teams only "Teamleitung" cannot be granted; the form says there are no teams.
      this.teamList.set([]);
    }
  }

  /** Finds people by part of name or e-mail; `quiet` keeps the last note (an error that led to searching again). */
  async search(term: string, quiet = false): Promise<void> {
    const generation = ++this.searchGeneration;
    this.lastSearch = term;
    this.load.set('loading');
    try {
      const people = await this.api.organisationPeople(term);
      if (generation !== this.searchGeneration) {
        return;
      }
      this.peopleList.set(people);
      this.loadErrorText.set(null);
      this.load.set('ready');
      if (!quiet) {
        this.lastNote.set({ tone: 'info', text: peopleFoundText(people.length, term, PEOPLE_PAGE_SIZE) });
      }
    } catch (error) {
      if (generation !== this.searchGeneration) {
        return;
      }
      this.loadErrorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /** Grants the role of `draft`. Resolves null when done, else what is missing or why the API refused. */
  async grant(member: Member, draft: RoleDraft): Promise<string | null> {
    const result = roleInputFor(member, draft);
    if (!result.ok) {
      return result.problem;
    }
    return this.change(member, result.input, 'grant');
  }

  /** Removes the role; true when done (else the note says why). */
  async revoke(member: Member, assignment: RoleAssignment): Promise<boolean> {
    const input = revokeInputFor(member, assignment);
    if (input === null) {
      return false;
    }
    return (await this.change(member, input, 'revoke', roleLabel(assignment))) === null;
  }

  /** Grants or revokes; resolves null when done, else what went wrong in German (also in the note). */
  private async change(
    member: Member,
    input: RoleInput,
    kind: 'grant' | 'revoke',
    revokedLabel = '',
  ): Promise<string | null> {
    if (this.busy() !== null) {
      return $localize`Bitte warten Sie, bis die letzte Änderung fertig ist.`;
    }
    this.busy.set(member.id);
    this.lastNote.set(null);
    try {
      const updated = kind === 'grant' ? await this.api.grantRole(input) : await this.api.revokeRole(input);
      this.peopleList.update((list) => replaceMember(list, updated));
      this.lastNote.set({ tone: 'success', text: this.changedText(member, updated, input, kind, revokedLabel) });
      if (member.id === this.currentPerson.profile()?.id) {
        // One's own roles changed: navigation and guards must know.
        await this.currentPerson.reload();
      }
      return null;
    } catch (error) {
      const problem = errorMessageFor(error);
      // A refused grant is shown at its form (see MemberCard); a refused removal here.
      this.lastNote.set(kind === 'revoke' ? { tone: 'error', text: problem } : null);
      if (STALE_AFTER.has(errorCodeOf(error))) {
        void this.search(this.lastSearch, true);
      }
      return problem;
    } finally {
      this.busy.set(null);
    }
  }

  private changedText(
    member: Member,
    updated: Member,
    input: RoleInput,
    kind: 'grant' | 'revoke',
    revokedLabel: string,
  ): string {
    if (kind === 'revoke') {
      return $localize`${member.displayName} hat die Rolle „${revokedLabel}“ nicht mehr.`;
    }
    const granted = updated.roles.find(
      (assignment) =>
        assignment.role === input.role &&
        (input.teamId === undefined || assignment.teamId === input.teamId) &&
        (input.officeId === undefined || assignment.officeId === input.officeId),
    );
    return granted
      ? $localize`${member.displayName} hat jetzt die Rolle „${roleLabel(granted)}“.`
      : $localize`${member.displayName} hat die Rolle jetzt.`;
  }
}
