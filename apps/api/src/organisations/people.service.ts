import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Person } from './models/person.model.js';

interface PersonRow {
  id: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
}

const PERSON_SELECT = `
  SELECT p.id, p.display_name, o.id AS organisation_id, o.name AS organisation_name
  FROM people p JOIN organisations o ON o.id = p.organisation_id`;

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The people a visitor may act as in demo mode; nothing outside it. */
  async demoPeople(): Promise<Person[]> {
    if (!this.config.demoMode) {
      throw new DomainError('DEMO_MODE_OFF', 'The demo identity is switched off on this server. Please sign in.');
    }
    const rows: PersonRow[] = await this.dataSource.query(`${PERSON_SELECT} ORDER BY o.name, p.display_name`);
    return rows.map(toPerson);
  }
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    displayName: row.display_name,
    organisation: { id: row.organisation_id, name: row.organisation_name },
  };
}
