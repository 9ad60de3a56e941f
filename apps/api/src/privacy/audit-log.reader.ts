import { addDays, type CivilDate, daysBetween, parseCivilDate, todayInOfficeZone } from '@nahbar/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { OfficeNotFoundError } from '../places/places.errors.js';
import { PERSON_OBJECT_TYPES } from './audit-log.js';
import type { AuditLogArgs } from './dto/audit-log.args.js';
import type { AuditEntry } from './models/audit-entry.model.js';
import { AuditInvalidDateError, AuditInvalidRangeError } from './privacy.errors.js';

interface EntryRow {
  id: string;
  at: Date;
  action: string;
  object_type: string;
  object_id: string | null;
  organisation_id: string | null;
  office_id: string | null;
  office_name: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_organisation_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Reads the audit log for those who answer for the actions: organisation admins see the entries of their
 * organisations (its offices, people, teams), facility managers the entries of the offices they run. Who acted is
 * named only to admins of the actor's organisation, who administer that person anyway; a facility manager sees
 * what happened at the office and when (accountability of the office), not which colleague did it. Objects that
 * are people are shown to the organisation's admins only.
 */
@Injectable()
export class AuditLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async entries(caller: Caller, args: AuditLogArgs, now: Date = new Date()): Promise<AuditEntry[]> {
    const today = todayInOfficeZone(now);
    const from = args.from ? civilDate(args.from) : addDays(today, -30);
    const to = args.to ? civilDate(args.to) : today;
    const span = daysBetween(from, to);
    if (span < 0 || span > 366) throw new AuditInvalidRangeError();
    if (args.officeId) await this.requireVisibleOffice(caller, args.officeId);

    const rows: EntryRow[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.action, a.object_type, a.object_id, a.organisation_id, a.office_id, f.name AS office_name,
              a.actor_id, p.display_name AS actor_name, p.organisation_id AS actor_organisation_id, a.details
       FROM audit_log a
       LEFT JOIN offices f ON f.id = a.office_id
       LEFT JOIN people p ON p.id = a.actor_id
       WHERE a.at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Berlin'
         AND a.at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'
         AND (a.organisation_id = ANY($3::uuid[]) OR a.office_id = ANY($4::uuid[]))
         AND ($5::uuid IS NULL OR a.office_id = $5::uuid)
       ORDER BY a.at DESC, a.id DESC
       LIMIT $6`,
      [from, to, [...caller.adminOf], [...caller.facilityManagerOf], args.officeId ?? null, args.take],
    );
    return rows.map((row) => {
      const adminOfEntry = row.organisation_id !== null && caller.adminOf.includes(row.organisation_id);
      const namesActor = row.actor_organisation_id !== null && caller.adminOf.includes(row.actor_organisation_id);
      const personObject = (PERSON_OBJECT_TYPES as readonly string[]).includes(row.object_type);
      return {
        id: row.id,
        at: row.at.toISOString(),
        action: row.action,
        objectType: row.object_type,
        objectId: personObject && !adminOfEntry ? null : row.object_id,
        organisationId: row.organisation_id,
        officeId: row.office_id,
        officeName: row.office_name,
        actorName: namesActor ? row.actor_name : null,
        byYou: row.actor_id === caller.personId,
        details: JSON.stringify(row.details),
      };
    });
  }

  /** An office the caller manages or whose operator they administer; anything else reads as not found. */
  private async requireVisibleOffice(caller: Caller, officeId: string): Promise<void> {
    if (caller.facilityManagerOf.includes(officeId)) return;
    const [office]: { operator_id: string }[] = await this.dataSource.query(
      'SELECT operator_id FROM offices WHERE id = $1',
      [officeId],
    );
    if (!office || !caller.adminOf.includes(office.operator_id)) throw new OfficeNotFoundError();
  }
}

function civilDate(text: string): CivilDate {
  const parsed = parseCivilDate(text);
  if (!parsed.ok) throw new AuditInvalidDateError(text);
  return parsed.date;
}
