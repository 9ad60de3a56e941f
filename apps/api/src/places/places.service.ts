import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import type { Area } from './models/area.model.js';
import type { Office } from './models/office.model.js';
import { OfficeNotFoundError } from './places.errors.js';

export interface OfficeRow {
  id: string;
  name: string;
  address: string;
  ags: string;
  municipality_name: string;
  land: string;
  operator_id: string;
  operator_name: string;
  desk_count: number;
}

/** One joined query per list: no N+1 for municipality, operator and desk count. */
export const OFFICE_SELECT = `
  SELECT f.id, f.name, f.address, m.ags, m.name AS municipality_name, m.land,
         o.id AS operator_id, o.name AS operator_name,
         (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS desk_count
  FROM offices f
  JOIN municipalities m ON m.ags = f.municipality_ags
  JOIN organisations o ON o.id = f.operator_id`;

/**
 * SQL condition: office `f` is open to the organisation in parameter `$n` (it operates the office or the office is
 * shared with it). Staff see and book only such offices; anything else reads as "not found".
 */
export function officeOpenTo(parameter: number, alias = 'f'): string {
  return `(${alias}.operator_id = $${parameter} OR EXISTS (
    SELECT 1 FROM office_shares s WHERE s.office_id = ${alias}.id AND s.organisation_id = $${parameter}))`;
}

@Injectable()
export class PlacesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Offices open to the caller's organisation. */
  async offices(caller: Caller): Promise<Office[]> {
    const rows: OfficeRow[] = await this.dataSource.query(
      `${OFFICE_SELECT} WHERE ${officeOpenTo(1)} ORDER BY m.land, m.name, f.name`,
      [caller.organisationId],
    );
    return rows.map(toOffice);
  }

  /** Offices whose operator the caller administers: the ones whose sharing they decide. */
  async administeredOffices(caller: Caller): Promise<Office[]> {
    const rows: OfficeRow[] = await this.dataSource.query(
      `${OFFICE_SELECT} WHERE f.operator_id = ANY($1::uuid[]) ORDER BY m.land, m.name, f.name`,
      [caller.adminOf],
    );
    return rows.map(toOffice);
  }

  async officesByIds(ids: readonly string[]): Promise<Map<string, Office>> {
    if (ids.length === 0) return new Map();
    const rows: OfficeRow[] = await this.dataSource.query(`${OFFICE_SELECT} WHERE f.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toOffice(row)]));
  }

  /** An office open to the caller; any other reads as not found, so its existence does not leak. */
  async office(caller: Caller, id: string): Promise<Office> {
    const rows: OfficeRow[] = await this.dataSource.query(`${OFFICE_SELECT} WHERE f.id = $1 AND ${officeOpenTo(2)}`, [
      id,
      caller.organisationId,
    ]);
    const row = rows[0];
    if (!row) throw new OfficeNotFoundError();
    return toOffice(row);
  }

  /** The areas of an office open to the caller, in their order; any other office reads as not found. */
  async areas(caller: Caller, officeId: string): Promise<Area[]> {
    const visible: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM offices f WHERE f.id = $1 AND ${officeOpenTo(2)}`,
      [officeId, caller.organisationId],
    );
    if (visible.length === 0) throw new OfficeNotFoundError();
    return this.dataSource.query(
      'SELECT a.id, a.name, a.floor_plan_svg AS "floorPlanSvg" FROM areas a WHERE a.office_id = $1 ORDER BY a.sort_order, a.name',
      [officeId],
    );
  }

  /** Distinct equipment of the active desks at offices open to the caller, sorted: the choices of the desk filter. */
  async equipmentOptions(caller: Caller): Promise<string[]> {
    const rows: { item: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e.item FROM offices f JOIN desks d ON d.office_id = f.id CROSS JOIN unnest(d.equipment) AS e(item)
       WHERE d.active AND ${officeOpenTo(1)} ORDER BY e.item`,
      [caller.organisationId],
    );
    return rows.map((row) => row.item);
  }
}

export function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    municipality: { ags: row.ags, name: row.municipality_name, land: row.land },
    operator: { id: row.operator_id, name: row.operator_name },
    deskCount: row.desk_count,
  };
}
