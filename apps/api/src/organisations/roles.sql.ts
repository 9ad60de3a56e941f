/**
 * Every role of the people in $1 (uuid[]), with what each covers; STAFF is implicit for every person and listed
 * first, with their organisation.
 */
export const ROLES_OF_PEOPLE_SQL = `
  SELECT p.id AS person_id, 'STAFF' AS role, o.name AS scope_name, o.id AS organisation_id,
         NULL::uuid AS office_id, NULL::uuid AS team_id, 0 AS rank
  FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ANY($1::uuid[])
  UNION ALL
  SELECT tm.person_id, 'TEAM_LEAD', t.name, NULL, NULL, t.id, 1
  FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.is_lead AND tm.person_id = ANY($1::uuid[])
  UNION ALL
  SELECT r.person_id, 'FACILITY_MANAGER', f.name, NULL, f.id, NULL, 2
  FROM role_assignments r JOIN offices f ON f.id = r.office_id
  WHERE r.role = 'FACILITY_MANAGER' AND r.person_id = ANY($1::uuid[])
  UNION ALL
  SELECT r.person_id, 'ORGANISATION_ADMIN', o.name, o.id, NULL, NULL, 3
  FROM role_assignments r JOIN organisations o ON o.id = r.organisation_id
  WHERE r.role = 'ORGANISATION_ADMIN' AND r.person_id = ANY($1::uuid[])
  ORDER BY rank, scope_name`;

export interface RoleRow {
  person_id: string;
  role: 'STAFF' | 'TEAM_LEAD' | 'FACILITY_MANAGER' | 'ORGANISATION_ADMIN';
  scope_name: string;
  organisation_id: string | null;
  office_id: string | null;
  team_id: string | null;
}
