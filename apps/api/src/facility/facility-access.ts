import type { CivilDate } from '@nahbar/domain';
import type { EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { officeOpenTo } from '../places/places.service.js';
import {
  ClosureNotFoundError,
  FacilityDeskNotFoundError,
  FacilityOfficeNotFoundError,
  NotFacilityManagerError,
} from './facility.errors.js';

export interface ManagedOfficeRow {
  id: string;
  operator_id: string;
  booking_horizon_days: number;
  capacity_share: number | null;
}

/** Whether the caller runs the office: its facility manager, or an admin of the organisation that operates it. */
export function manages(caller: Caller, office: { id: string; operator_id: string }): boolean {
  return caller.facilityManagerOf.includes(office.id) || caller.adminOf.includes(office.operator_id);
}

/**
 * The office, locked (FOR UPDATE) for the rest of the transaction when the caller runs it: facility operations on one
 * office run one after another, and always take this row lock before the office-day advisory locks. An office the
 * caller sees but does not run is FORBIDDEN; any other reads as not found.
 */
export async function requireManagedOffice(
  manager: EntityManager,
  caller: Caller,
  officeId: string,
): Promise<ManagedOfficeRow> {
  const [office]: ManagedOfficeRow[] = await manager.query(
    `SELECT id, operator_id, booking_horizon_days, capacity_share::float8 AS capacity_share
     FROM offices WHERE id = $1 FOR UPDATE`,
    [officeId],
  );
  if (office && manages(caller, office)) return office;
  // Inside the transaction every read goes through its manager (the embedded database has one connection).
  const visible: unknown[] = await manager.query(`SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`, [
    officeId,
    caller.organisationId,
  ]);
  if (visible.length === 0) throw new FacilityOfficeNotFoundError();
  throw new NotFacilityManagerError();
}

/** A desk of an office the caller runs, with its office locked; the rules of `requireManagedOffice` apply. */
export async function requireManagedDesk(
  manager: EntityManager,
  caller: Caller,
  deskId: string,
): Promise<{ office: ManagedOfficeRow; active: boolean }> {
  const [desk]: { office_id: string; active: boolean }[] = await manager.query(
    'SELECT office_id, active FROM desks WHERE id = $1',
    [deskId],
  );
  if (!desk) throw new FacilityDeskNotFoundError();
  try {
    return { office: await requireManagedOffice(manager, caller, desk.office_id), active: desk.active };
  } catch (error) {
    // A desk of an office the caller cannot see does not exist for them.
    if (error instanceof FacilityOfficeNotFoundError) throw new FacilityDeskNotFoundError();
    throw error;
  }
}

/** A closure of an office the caller runs, with its office locked; a closure elsewhere reads as not found. */
export async function requireManagedClosure(
  manager: EntityManager,
  caller: Caller,
  closureId: string,
): Promise<{ office: ManagedOfficeRow; startsOn: CivilDate; endsOn: CivilDate }> {
  const [closure]: { office_id: string; starts_on: CivilDate; ends_on: CivilDate }[] = await manager.query(
    'SELECT office_id, starts_on, ends_on FROM office_closures WHERE id = $1',
    [closureId],
  );
  if (!closure) throw new ClosureNotFoundError();
  try {
    const office = await requireManagedOffice(manager, caller, closure.office_id);
    return { office, startsOn: closure.starts_on, endsOn: closure.ends_on };
  } catch (error) {
    if (error instanceof FacilityOfficeNotFoundError) throw new ClosureNotFoundError();
    throw error;
  }
}
