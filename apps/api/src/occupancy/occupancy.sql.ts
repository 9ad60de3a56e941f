import { officeOpenTo } from '../places/places.service.js';

/**
 * Per area of office $1 on civil date $2, per half of the day: desks, blocked, booked, checked in, released. One
 * set-based query: the office's areas (areas' unique (office_id, name) index), their desks (desks_area_idx), and per
 * desk its bookings of the date through bookings_date_desk_idx. Blocked desks count as blocked only, never as booked,
 * so desks = blocked + booked + free. A full day holds both halves. Exported for benchmarks.
 */
export const OFFICE_OCCUPANCY_SQL = `
  SELECT a.id AS area_id, a.name AS area_name,
         count(d.id)::int AS desks,
         count(d.id) FILTER (WHERE NOT d.active)::int AS blocked,
         count(d.id) FILTER (WHERE d.active AND s.morning_booked)::int AS morning_booked,
         count(d.id) FILTER (WHERE d.active AND s.morning_checked_in)::int AS morning_checked_in,
         coalesce(sum(s.morning_released), 0)::int AS morning_released,
         count(d.id) FILTER (WHERE d.active AND s.afternoon_booked)::int AS afternoon_booked,
         count(d.id) FILTER (WHERE d.active AND s.afternoon_checked_in)::int AS afternoon_checked_in,
         coalesce(sum(s.afternoon_released), 0)::int AS afternoon_released
  FROM areas a
  LEFT JOIN desks d ON d.area_id = a.id
  LEFT JOIN LATERAL (
    SELECT bool_or(b.status IN ('BOOKED', 'CHECKED_IN') AND b.part <> 'AFTERNOON') AS morning_booked,
           bool_or(b.status = 'CHECKED_IN' AND b.part <> 'AFTERNOON') AS morning_checked_in,
           count(*) FILTER (WHERE b.status = 'RELEASED' AND b.part <> 'AFTERNOON') AS morning_released,
           bool_or(b.status IN ('BOOKED', 'CHECKED_IN') AND b.part <> 'MORNING') AS afternoon_booked,
           bool_or(b.status = 'CHECKED_IN' AND b.part <> 'MORNING') AS afternoon_checked_in,
           count(*) FILTER (WHERE b.status = 'RELEASED' AND b.part <> 'MORNING') AS afternoon_released
    FROM bookings b
    WHERE b.date = $2 AND b.desk_id = d.id AND b.status IN ('BOOKED', 'CHECKED_IN', 'RELEASED')
  ) s ON true
  WHERE a.office_id = $1
  GROUP BY a.id, a.name, a.sort_order
  ORDER BY a.sort_order, a.name`;

/**
 * The office $1 with whether person $2 may see its occupancy (facility manager of it, or admin of its operator: read
 * from the role assignments every time, so a revoked role counts at once) and whether it is open to organisation $3.
 */
export const OCCUPANCY_ACCESS_SQL = `
  SELECT f.id, f.name,
         EXISTS (
           SELECT 1 FROM role_assignments r
           WHERE r.person_id = $2
             AND ((r.role = 'FACILITY_MANAGER' AND r.office_id = f.id)
               OR (r.role = 'ORGANISATION_ADMIN' AND r.organisation_id = f.operator_id))
         ) AS allowed,
         ${officeOpenTo(3)} AS visible
  FROM offices f
  WHERE f.id = $1`;

/** Ids of the offices person $1 manages or whose operator they administer, from the role assignments. */
export const OCCUPANCY_OFFICE_IDS_SQL = `
  SELECT r.office_id AS id FROM role_assignments r WHERE r.person_id = $1 AND r.role = 'FACILITY_MANAGER'
  UNION
  SELECT f.id FROM role_assignments r JOIN offices f ON f.operator_id = r.organisation_id
  WHERE r.person_id = $1 AND r.role = 'ORGANISATION_ADMIN'`;
