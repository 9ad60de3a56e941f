import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Office } from './models/office.model.js';
import { OfficeNotFoundError } from './places.errors.js';

interface OfficeRow {
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
const OFFICE_SELECT = `
  SELECT f.id, f.name, f.address, m.ags, m.name AS municipality_name, m.land,
         o.id AS operator_id, o.name AS operator_name,
         (SELECT count(*)::int FROM desks d WHERE d.office_id = f.id AND d.active) AS desk_count
  FROM offices f
  JOIN municipalities m ON m.ags = f.municipality_ags
  JOIN organisations o ON o.id = f.operator_id`;

@Injectable()
export class PlacesService {
  constructor(private readonly dataSource: DataSource) {}

  async offices(): Promise<Office[]> {
    const rows: OfficeRow[] = await this.dataSource.query(`${OFFICE_SELECT} ORDER BY m.land, m.name, f.name`);
    return rows.map(toOffice);
  }

  async officesByIds(ids: readonly string[]): Promise<Map<string, Office>> {
    if (ids.length === 0) return new Map();
    const rows: OfficeRow[] = await this.dataSource.query(`${OFFICE_SELECT} WHERE f.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, toOffice(row)]));
  }

  async office(id: string): Promise<Office> {
    const rows: OfficeRow[] = await this.dataSource.query(`${OFFICE_SELECT} WHERE f.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new OfficeNotFoundError();
    return toOffice(row);
  }
}

function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    municipality: { ags: row.ags, name: row.municipality_name, land: row.land },
    operator: { id: row.operator_id, name: row.operator_name },
    deskCount: row.desk_count,
  };
}
