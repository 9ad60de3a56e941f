import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';
import { Announcer } from '../core/a11y/announcer';
import type { Member, OfficeSharing, RoleAssignment } from '../core/graphql/api.types';
import { CurrentPerson } from '../core/identity/current-person';
import { StatusMessage } from '../shared/ui/status-message';
import { OfficeSharingStore } from './data-access/office-sharing.store';
import { teamsFor } from './data-access/organisation-roles.state';
import { OrganisationRolesStore } from './data-access/organisation-roles.store';
import { type GrantRequest, MemberCard } from './ui/member-card';
import { OfficeSharingCard, type RevokeRequest } from './ui/office-sharing-card';

/** For organisation admins: share the organisation's offices with other organisations, grant and revoke roles. */
@Component({
  selector: 'nb-admin-page',
  imports: [OfficeSharingCard, MemberCard, StatusMessage, RouterLink],
  providers: [OfficeSharingStore, OrganisationRolesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin.page.html',
  styleUrl: './admin.page.css',
})
export class AdminPage {
  protected readonly sharing = inject(OfficeSharingStore);
  protected readonly roles = inject(OrganisationRolesStore);
  private readonly currentPerson = inject(CurrentPerson);
  private readonly router = inject(Router);
  private readonly announcer = inject(Announcer);

  protected readonly teamsFor = teamsFor;
  protected readonly links = ROUTE_LINKS;

  constructor() {
    void this.sharing.reload();
    void this.roles.loadTeams();
    void this.roles.search('');
    effect(() => {
      // An admin who removed their own admin role may not stay here.
      if (this.currentPerson.profile() !== null && !this.currentPerson.isAdmin()) {
        untracked(() => this.leave());
      }
    });
  }

  protected search(event: Event, term: string): void {
    event.preventDefault();
    void this.roles.search(term);
  }

  protected share(sharing: OfficeSharing, organisationId: string): void {
    void this.sharing.share(sharing.office.id, organisationId);
  }

  protected revokeSharing(sharing: OfficeSharing, request: RevokeRequest): void {
    void this.sharing.revoke(sharing.office.id, request.organisation, request.cancelBookings);
  }

  protected async grant(member: Member, request: GrantRequest): Promise<void> {
    request.done(await this.roles.grant(member, request.draft));
  }

  protected revokeRole(member: Member, assignment: RoleAssignment): void {
    void this.roles.revoke(member, assignment);
  }

  private leave(): void {
    this.announcer.announce(
      $localize`Sie sind nicht mehr Organisationsverwaltung. Die Verwaltung ist für Sie geschlossen.`,
    );
    void this.router.navigateByUrl(ROUTE_LINKS.booking);
  }
}
