import type { CivilDate } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { PlacesService } from '../places/places.service.js';
import { FacilityOfficeNotFoundError } from './facility.errors.js';
import { manages } from './facility-access.js';
import type { ManagedArea, ManagedOffice, OfficeClosure } from './models/managed-office.model.js';

interface DeskRow {
  id: string;
  office_id: string;
  area_id: string;
  area_name: string;
  code: string;
  active: boolean;
  blocked_reason: string | null;
}

/** Reads the offices a caller runs, with their areas, desks, closures and cap: one query per kind, no N+1. */
@Injectable()
export class ManagedOfficesReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
  ) {}

  async managedOffices(caller: Caller, today: CivilDate): Promise<ManagedOffice[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT f.id FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
       WHERE f.id = ANY($1::uuid[]) OR f.operator_id = ANY($2::uuid[]) ORDER BY m.land, m.name, f.name`,
      [caller.facilityManagerOf, caller.adminOf],
    );
    return this.read(
      rows.map((row) => row.id),
      today,
    );
  }

  /** One office the caller runs (the answer of an operation, which authorised the caller already). */
  async managedOffice(caller: Caller, officeId: string, today: CivilDate): Promise<ManagedOffice> {
    const [office] = await this.read([officeId], today);
    const [row]: { id: string; operator_id: string }[] = await this.dataSource.query(
      'SELECT id, operator_id FROM offices WHERE id = $1',
      [officeId],
    );
    if (!office || !row || !manages(caller, row)) throw new FacilityOfficeNotFoundError();
    return office;
  }

  private async read(ids: readonly string[], today: CivilDate): Promise<ManagedOffice[]> {
    if (ids.length === 0) return [];
    const offices = await this.places.officesByIds(ids);
    const caps: { id: string; capacity_share: number | null }[] = await this.dataSource.query(
      'SELECT id, capacity_share::float8 AS capacity_share FROM offices WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const desks: DeskRow[] = await this.dataSource.query(
      `SELECT a.id AS area_id, a.name AS area_name, a.office_id, d.id, d.code, d.active, d.blocked_reason
       FROM areas a LEFT JOIN desks d ON d.area_id = a.id
       WHERE a.office_id = ANY($1::uuid[]) ORDER BY a.sort_order, a.name, d.code`,
      [ids],
    );
    const closures: { id: string; office_id: string; starts_on: string; ends_on: string; reason: string }[] =
      await this.dataSource.query(
        `SELECT id, office_id, starts_on, ends_on, reason FROM office_closures
         WHERE office_id = ANY($1::uuid[]) AND ends_on >= $2 ORDER BY starts_on, ends_on, id`,
        [ids, today],
      );
    return ids.flatMap((id) => {
      const office = offices.get(id);
      if (!office) return [];
      const areas = new Map<string, ManagedArea>();
      let totalDesks = 0;
      for (const row of desks.filter((desk) => desk.office_id === id)) {
        const area = areas.get(row.area_id) ?? { id: row.area_id, name: row.area_name, desks: [] };
        areas.set(row.area_id, area);
        // A LEFT JOIN row without a desk: an empty area.
        if (row.id === null) continue;
        totalDesks += 1;
        area.desks.push({ id: row.id, code: row.code, blocked: !row.active, blockedReason: row.blocked_reason });
      }
      const officeClosures: OfficeClosure[] = closures
        .filter((closure) => closure.office_id === id)
        .map((closure) => ({ id: closure.id, from: closure.starts_on, to: closure.ends_on, reason: closure.reason }));
      const cap = caps.find((row) => row.id === id)?.capacity_share ?? null;
      return [
        {
          office,
          capacityShare: cap === null ? null : Number(cap),
          totalDesks,
          areas: [...areas.values()],
          closures: officeClosures,
        },
      ];
    });
  }
}
