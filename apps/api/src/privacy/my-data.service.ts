import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Caller } from '../identity/caller.js';
import { PERSON_OBJECT_TYPES } from './audit-log.js';
import type { MyDataExport } from './models/my-data-export.model.js';

/** Version of the export's layout, for whoever reads the file with a program. */
export const MY_DATA_FORMAT = 'nahbar-my-data/1';

/**
 * Every column of the schema that points at a person, and the section of the export that carries it. A test reads
 * the columns referencing people from the database and fails when one is missing here (a new table with personal
 * data must be exported, or deliberately explained).
 */
export const PERSON_COLUMNS = {
  'bookings.person_id': 'bookings',
  'waitlist_entries.person_id': 'waitlistEntries',
  'presence_answers.person_id': 'presenceAnswers',
  'team_members.person_id': 'teams',
  'role_assignments.person_id': 'roles',
  'role_assignments.granted_by': 'rolesGrantedByYou',
  'office_shares.granted_by': 'sharesGrantedByYou',
  'presence_policies.updated_by': 'presencePoliciesSetByYou',
  'presence_days.created_by': 'teamDaysPlannedByYou',
  'calendar_feeds.person_id': 'calendarFeed',
  'favourite_desks.person_id': 'favouriteDesks',
  'favourite_colleagues.person_id': 'favouriteColleagues',
  // Who keeps you as a favourite is their private bookmark (seen by nobody else): you get how many, not who.
  'favourite_colleagues.colleague_id': 'favouriteOfColleagues',
  'audit_log.actor_id': 'auditEntries',
} as const;
export type MyDataSection = (typeof PERSON_COLUMNS)[keyof typeof PERSON_COLUMNS];

export type MyData = Record<MyDataSection, unknown> & {
  readonly format: string;
  readonly generatedAt: string;
  readonly notice: { readonly de: string; readonly en: string };
  readonly person: Record<string, unknown>;
  readonly auditEntriesAboutYou: readonly unknown[];
};

/**
 * Art. 15 and 20 GDPR: everything nahbar holds about the caller, as one JSON document, read in one snapshot. Data of
 * other people is left out (who granted a role, who bookmarked you), except the names of the colleagues the caller
 * keeps as favourites, which the caller sees in the app anyway.
 */
@Injectable()
export class MyDataService {
  constructor(private readonly dataSource: DataSource) {}

  async export(caller: Caller, now: Date = new Date()): Promise<MyDataExport> {
    const data = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      collect(manager, caller.personId, now),
    );
    return {
      fileName: `nahbar-meine-daten-${now.toISOString().slice(0, 10)}.json`,
      generatedAt: data.generatedAt,
      json: JSON.stringify(data, null, 2),
    };
  }
}

/** The export of one person, read with the given manager (a transaction's: one snapshot). */
export async function collect(manager: EntityManager, personId: string, now: Date): Promise<MyData> {
  const q = (sql: string): Promise<Record<string, unknown>[]> => manager.query(sql, [personId]);
  const [person] = await q(
    `SELECT p.id, p.display_name AS "displayName", p.email, p.home_postal_code AS "homePostalCode",
            p.visibility, p.created_at AS "createdAt",
            json_build_object('id', o.id, 'name', o.name) AS organisation,
            CASE WHEN p.oidc_issuer IS NULL THEN NULL
                 ELSE json_build_object('issuer', p.oidc_issuer, 'subject', p.oidc_subject) END AS "signIn"
     FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1`,
  );
  const [favouriteOf] = await q('SELECT count(*)::int AS count FROM favourite_colleagues WHERE colleague_id = $1');
  const [feed] = await q('SELECT created_at AS "createdAt" FROM calendar_feeds WHERE person_id = $1');
  const sections: Record<MyDataSection, unknown> = {
    roles: await q(
      `SELECT r.role, r.granted_at AS "grantedAt", r.office_id AS "officeId", f.name AS "officeName",
              r.organisation_id AS "organisationId", o.name AS "organisationName"
       FROM role_assignments r LEFT JOIN offices f ON f.id = r.office_id
       LEFT JOIN organisations o ON o.id = r.organisation_id
       WHERE r.person_id = $1 ORDER BY r.granted_at, r.id`,
    ),
    teams: await q(
      `SELECT t.id, t.name, m.is_lead AS "isLead"
       FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.person_id = $1 ORDER BY t.name`,
    ),
    bookings: await q(
      `SELECT b.id, b.date::text AS date, b.part, b.status, b.source, b.created_at AS "createdAt",
              b.cancelled_at AS "cancelledAt", b.cancellation_reason AS "cancellationReason",
              b.checked_in_at AS "checkedInAt", b.released_at AS "releasedAt", b.presence_day_id AS "teamDayId",
              d.code AS "deskCode", a.name AS "areaName", f.id AS "officeId", f.name AS "officeName"
       FROM bookings b JOIN desks d ON d.id = b.desk_id JOIN areas a ON a.id = d.area_id
       JOIN offices f ON f.id = d.office_id
       WHERE b.person_id = $1 ORDER BY b.date, b.created_at, b.id`,
    ),
    waitlistEntries: await q(
      `SELECT w.id, w.date::text AS date, w.part, w.status, w.created_at AS "createdAt", w.booking_id AS "bookingId",
              f.id AS "officeId", f.name AS "officeName"
       FROM waitlist_entries w JOIN offices f ON f.id = w.office_id
       WHERE w.person_id = $1 ORDER BY w.date, w.created_at`,
    ),
    presenceAnswers: await q(
      `SELECT a.answer, a.answered_at AS "answeredAt", d.id AS "teamDayId", d.date::text AS date,
              t.name AS "teamName", f.name AS "officeName"
       FROM presence_answers a JOIN presence_days d ON d.id = a.presence_day_id
       JOIN teams t ON t.id = d.team_id JOIN offices f ON f.id = d.office_id
       WHERE a.person_id = $1 ORDER BY d.date`,
    ),
    favouriteDesks: await q(
      `SELECT d.id AS "deskId", d.code AS "deskCode", f.name AS "officeName", fd.created_at AS "createdAt"
       FROM favourite_desks fd JOIN desks d ON d.id = fd.desk_id JOIN offices f ON f.id = d.office_id
       WHERE fd.person_id = $1 ORDER BY fd.created_at`,
    ),
    favouriteColleagues: await q(
      `SELECT c.id AS "colleagueId", c.display_name AS "displayName", fc.created_at AS "createdAt"
       FROM favourite_colleagues fc JOIN people c ON c.id = fc.colleague_id
       WHERE fc.person_id = $1 ORDER BY fc.created_at`,
    ),
    favouriteOfColleagues: { count: Number(favouriteOf?.['count'] ?? 0) },
    // Only that a subscription exists and since when: the secret address is never stored (a hash only) nor shown.
    calendarFeed: feed ?? null,
    rolesGrantedByYou: await q(
      `SELECT r.role, r.granted_at AS "grantedAt", r.office_id AS "officeId", r.organisation_id AS "organisationId"
       FROM role_assignments r WHERE r.granted_by = $1 ORDER BY r.granted_at`,
    ),
    sharesGrantedByYou: await q(
      `SELECT s.office_id AS "officeId", s.organisation_id AS "organisationId", s.granted_at AS "grantedAt"
       FROM office_shares s WHERE s.granted_by = $1 ORDER BY s.granted_at`,
    ),
    presencePoliciesSetByYou: await q(
      `SELECT p.team_id AS "teamId", p.period, p.min_days AS "minDays", p.updated_at AS "updatedAt"
       FROM presence_policies p WHERE p.updated_by = $1`,
    ),
    teamDaysPlannedByYou: await q(
      `SELECT d.id, d.team_id AS "teamId", d.date::text AS date, d.part, d.status, d.created_at AS "createdAt"
       FROM presence_days d WHERE d.created_by = $1 ORDER BY d.date`,
    ),
    auditEntries: await q(
      `SELECT a.at, a.action, a.object_type AS "objectType", a.object_id AS "objectId",
              a.organisation_id AS "organisationId", a.office_id AS "officeId", a.details
       FROM audit_log a WHERE a.actor_id = $1 ORDER BY a.at, a.id`,
    ),
  };
  // What admins did to you (a role, a team): what and when, not who (that is the other person's data).
  const auditEntriesAboutYou = await manager.query(
    `SELECT a.at, a.action, a.object_type AS "objectType", a.organisation_id AS "organisationId", a.details
     FROM audit_log a WHERE a.object_type = ANY($2::text[]) AND a.object_id = $1 ORDER BY a.at, a.id`,
    [personId, [...PERSON_OBJECT_TYPES]],
  );
  return {
    format: MY_DATA_FORMAT,
    generatedAt: now.toISOString(),
    notice: {
      de: 'Alle Daten, die nahbar über Sie speichert. Buchungen, Wartelisteneinträge und Antworten zu Präsenztagen verlieren nach der Aufbewahrungsfrist den Bezug zu Ihnen und erscheinen dann hier nicht mehr.',
      en: 'All data nahbar holds about you. Bookings, waitlist entries and answers to team days lose their link to you after the retention period and no longer appear here.',
    },
    person: person ?? {},
    ...sections,
    auditEntriesAboutYou,
  };
}
