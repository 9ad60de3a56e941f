import { computed, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import type { OfficeSharing, Organisation } from '../../core/graphql/api.types';
import { type ClientErrorCode, errorCodeOf } from '../../core/graphql/graphql-request.error';
import type { StatusNote } from '../../shared/ui/status-message';
import { AdminApi } from './admin.api';
import { offerableOrganisations, replaceSharing, revokedText } from './office-sharing.state';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** After these errors the list is out of date: read it again. */
const STALE_AFTER: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'OFFICE_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'FORBIDDEN',
]);

/** The offices the admin's organisation runs and whom each is shared with; sharing and revoking. */
@Injectable()
export class OfficeSharingStore {
  private readonly api = inject(AdminApi);

  private readonly sharingList = signal<readonly OfficeSharing[]>([]);
  private readonly organisationList = signal<readonly Organisation[]>([]);
  private readonly load = signal<LoadState>('idle');
  private readonly loadErrorText = signal<string | null>(null);
  private readonly lastNote = signal<StatusNote | null>(null);
  private readonly busy = signal<string | null>(null);

  readonly sharings = this.sharingList.asReadonly();
  readonly offices = computed(() => this.sharingList().map((sharing) => sharing.office));
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.loadErrorText.asReadonly();
  /** Outcome of the admin's last change. */
  readonly note = this.lastNote.asReadonly();
  /** Office whose sharing is being changed. */
  readonly busyOfficeId = this.busy.asReadonly();

  offerable(sharing: OfficeSharing): readonly Organisation[] {
    return offerableOrganisations(this.organisationList(), sharing);
  }

  async reload(): Promise<void> {
    this.load.set('loading');
    try {
      const [sharings, organisations] = await Promise.all([this.api.officeSharings(), this.api.organisations()]);
      this.sharingList.set(sharings);
      this.organisationList.set(organisations);
      this.loadErrorText.set(null);
      this.load.set('ready');
    } catch (error) {
      this.loadErrorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  /** Opens the office to the organisation's staff. True when done. */
  async share(officeId: string, organisationId: string): Promise<boolean> {
    if (this.busy() !== null) {
      return false;
    }
    this.busy.set(officeId);
    this.lastNote.set(null);
    try {
      const updated = await this.api.shareOffice({ officeId, organisationId });
      this.sharingList.update((list) => replaceSharing(list, updated));
      const organisation = updated.sharedWith.find((candidate) => candidate.id === organisationId);
      this.lastNote.set({
        tone: 'success',
        text: organisation
          ? $localize`${updated.office.name}:office: ist jetzt für ${organisation.name}:organisation: freigegeben.`
          : $localize`${updated.office.name}:office: ist jetzt für die Organisation freigegeben.`,
      });
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  /** Closes the office to the organisation again, cancelling its bookings from today on if asked to. */
  async revoke(officeId: string, organisation: Organisation, cancelBookings: boolean): Promise<boolean> {
    if (this.busy() !== null) {
      return false;
    }
    this.busy.set(officeId);
    this.lastNote.set(null);
    try {
      const result = await this.api.revokeOfficeSharing({ officeId, organisationId: organisation.id, cancelBookings });
      this.sharingList.update((list) => replaceSharing(list, result.sharing));
      this.lastNote.set({
        tone: 'success',
        text: revokedText(result.sharing.office.name, organisation.name, cancelBookings, result.cancelledBookings),
      });
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  private fail(error: unknown): void {
    this.lastNote.set({ tone: 'error', text: errorMessageFor(error) });
    if (STALE_AFTER.has(errorCodeOf(error))) {
      void this.reload();
    }
  }
}
