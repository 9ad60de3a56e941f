import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { BookingsService, type CancelledBookings } from '../bookings/bookings.service.js';
import { CommonErrorCode, DomainError } from '../common/domain-error.js';
import type { Caller } from '../identity/caller.js';
import type { Organisation } from '../organisations/models/organisation.model.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import { AuditLog } from '../privacy/audit-log.js';
import type { RevokeSharingInput, ShareOfficeInput } from './dto/sharing.input.js';
import type { OfficeSharing, RevokeSharingResult } from './models/office-sharing.model.js';

/** Organisation admins of an office's operator decide which other organisations may book it. */
@Injectable()
export class SharingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly bookings: BookingsService,
    private readonly audit: AuditLog,
  ) {}

  /** The offices the caller's organisations operate, each with whom it is shared. */
  async administered(caller: Caller): Promise<OfficeSharing[]> {
    const offices = await this.places.administeredOffices(caller);
    const shares = await this.sharesOf(offices.map((office) => office.id));
    return offices.map((office) => ({ office, sharedWith: shares.get(office.id) ?? [] }));
  }

  async share(caller: Caller, input: ShareOfficeInput): Promise<OfficeSharing> {
    await this.dataSource.transaction(async (manager) => {
      const operatorId = await this.operatedOffice(manager, caller, input.officeId);
      if (operatorId === input.organisationId) {
        throw new DomainError(CommonErrorCode.BadUserInput, 'The office belongs to this organisation already.');
      }
      await this.requireOrganisation(manager, input.organisationId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO office_shares (office_id, organisation_id, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
         RETURNING office_id`,
        [input.officeId, input.organisationId, caller.personId],
      );
      if (inserted.length > 0) {
        await this.audit.record(manager, caller, {
          action: 'OFFICE_SHARED',
          objectType: 'OFFICE',
          objectId: input.officeId,
          officeId: input.officeId,
          details: { sharedWith: input.organisationId },
        });
      }
    });
    return this.sharing(caller, input.officeId);
  }

  /**
   * Revokes a share. Existing bookings stay unless the admin chooses to cancel them; then they are cancelled in the
   * same transaction, and the people affected are told live after it commits.
   */
  async revoke(caller: Caller, input: RevokeSharingInput): Promise<RevokeSharingResult> {
    const cancelled: CancelledBookings | undefined = await this.dataSource.transaction(async (manager) => {
      await this.operatedOffice(manager, caller, input.officeId);
      await manager.query('DELETE FROM office_shares WHERE office_id = $1 AND organisation_id = $2', [
        input.officeId,
        input.organisationId,
      ]);
      const done = input.cancelBookings
        ? await this.bookings.cancelFutureBookingsOfOrganisation(manager, input.officeId, input.organisationId)
        : undefined;
      await this.audit.record(manager, caller, {
        action: 'OFFICE_SHARE_REVOKED',
        objectType: 'OFFICE',
        objectId: input.officeId,
        officeId: input.officeId,
        details: { sharedWith: input.organisationId, cancelledBookings: done?.count ?? 0 },
      });
      return done;
    });
    await cancelled?.announce();
    return { sharing: await this.sharing(caller, input.officeId), cancelledBookings: cancelled?.count ?? 0 };
  }

  private async sharing(caller: Caller, officeId: string): Promise<OfficeSharing> {
    const office = await this.places.office(caller, officeId);
    const shares = await this.sharesOf([officeId]);
    return { office, sharedWith: shares.get(officeId) ?? [] };
  }

  private async sharesOf(officeIds: readonly string[]): Promise<Map<string, Organisation[]>> {
    const rows: { office_id: string; id: string; name: string }[] = await this.dataSource.query(
      `SELECT s.office_id, o.id, o.name FROM office_shares s JOIN organisations o ON o.id = s.organisation_id
       WHERE s.office_id = ANY($1::uuid[]) ORDER BY o.name`,
      [officeIds],
    );
    const result = new Map<string, Organisation[]>();
    for (const row of rows) {
      result.set(row.office_id, [...(result.get(row.office_id) ?? []), { id: row.id, name: row.name }]);
    }
    return result;
  }

  /**
   * The operator of an office the caller's organisations run, locked for the rest of the transaction. An office the
   * caller can see but does not run is FORBIDDEN; one they cannot see reads as not found.
   */
  private async operatedOffice(manager: EntityManager, caller: Caller, officeId: string): Promise<string> {
    const [office]: { operator_id: string }[] = await manager.query(
      'SELECT operator_id FROM offices WHERE id = $1 FOR UPDATE',
      [officeId],
    );
    if (office && caller.adminOf.includes(office.operator_id)) return office.operator_id;
    // Inside the transaction every read goes through its manager (the embedded database has one connection).
    const visible: unknown[] = await manager.query(`SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`, [
      officeId,
      caller.organisationId,
    ]);
    if (visible.length === 0) throw new OfficeNotFoundError();
    throw new DomainError('FORBIDDEN', 'Only admins of the organisation that runs this office can change its sharing.');
  }

  private async requireOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM organisations WHERE id = $1', [organisationId]);
    if (rows.length === 0) throw new DomainError('ORGANISATION_NOT_FOUND', 'There is no such organisation.');
  }
}
