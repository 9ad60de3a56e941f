import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

import type { Member, Office, RoleAssignment, Team } from '../../core/graphql/api.types';
import { ROLE_NAMES, roleLabel } from '../../shared/labels/role.labels';
import {
  GRANTABLE_ROLES,
  type GrantableRole,
  isGrantableRole,
  type RoleDraft,
} from '../data-access/organisation-roles.state';

export interface GrantRequest {
  readonly draft: RoleDraft;
  /** Called with null when the role was granted, else with what went wrong. */
  readonly done: (problem: string | null) => void;
}

let nextCardId = 0;

/** One person of the organisation: their roles, each removable, and a form to grant one more. */
@Component({
  selector: 'nb-member-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './member-card.html',
  styleUrl: './admin-cards.css',
})
export class MemberCard {
  private readonly injector = inject(Injector);

  readonly member = input.required<Member>();
  /** Teams the person can lead (those of their organisation). */
  readonly teams = input.required<readonly Team[]>();
  /** Offices the admin's organisation runs. */
  readonly offices = input.required<readonly Office[]>();
  /** A change of this person's roles is under way. */
  readonly busy = input(false);
  readonly grant = output<GrantRequest>();
  readonly revoke = output<RoleAssignment>();

  protected readonly id = `member-${++nextCardId}`;
  protected readonly roles = GRANTABLE_ROLES;
  protected readonly roleNames = ROLE_NAMES;
  protected readonly roleLabel = roleLabel;
  protected readonly removeRoleLabel = (assignment: Pick<RoleAssignment, 'role' | 'scopeName'>): string =>
    $localize`Rolle ${roleLabel(assignment)}:role: von ${this.member().displayName}:person: entfernen`;
  protected readonly grantRoleLabel = (): string => $localize`Rolle vergeben an ${this.member().displayName}:person:`;
  protected readonly granting = signal(false);
  protected readonly draft = signal<RoleDraft>({ role: null, teamId: null, officeId: null });
  protected readonly problem = signal<string | null>(null);

  private readonly roleSelect = viewChild<ElementRef<HTMLSelectElement>>('roleSelect');
  private readonly openButton = viewChild<ElementRef<HTMLButtonElement>>('openButton');

  protected open(): void {
    this.granting.set(true);
    this.problem.set(null);
    afterNextRender(() => this.roleSelect()?.nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    this.granting.set(false);
    this.draft.set({ role: null, teamId: null, officeId: null });
    this.problem.set(null);
    afterNextRender(() => this.openButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected chooseRole(value: string): void {
    const role: GrantableRole | null = isGrantableRole(value) ? value : null;
    this.draft.set({ role, teamId: null, officeId: null });
    this.problem.set(null);
  }

  protected chooseTeam(teamId: string): void {
    this.draft.update((draft) => ({ ...draft, teamId: teamId || null }));
    this.problem.set(null);
  }

  protected chooseOffice(officeId: string): void {
    this.draft.update((draft) => ({ ...draft, officeId: officeId || null }));
    this.problem.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    this.grant.emit({
      draft: this.draft(),
      done: (problem) => {
        if (problem === null) {
          this.close();
        } else {
          this.problem.set(problem);
        }
      },
    });
  }

  protected remove(assignment: RoleAssignment): void {
    if (!this.busy()) {
      this.revoke.emit(assignment);
    }
  }
}
