/**
 * The counting of utilisation reports: set-based, a fixed number of statements whatever the range and the number of
 * offices (no loop over days, desks or offices). Exported for the benchmark (tools/bench/utilisation.mjs).
 *
 * Shared parameters: $1 office ids (uuid[]), $2 first and $3 last civil date of the range (both included), $4 and $5
 * the public holidays as parallel lists of Land codes and dates (from the domain library, which knows the holiday
 * rules; the database does not).
 *
 * An open day of an office is a day of the range on one of its opening weekdays that is no public holiday of its
 * Land and not in one of its closures. Blocks have no history (desks.active is the current state), so a desk blocked
 * now counts as blocked over the whole range; a desk added last week counts for the whole range too.
 */
const OPEN_DAYS_CTE = `
  scope AS (
    SELECT f.id, f.opening_weekdays, m.land, f.check_in_deadline_morning, f.check_in_deadline_afternoon
    FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
    WHERE f.id = ANY ($1::uuid[])
  ),
  holiday AS (
    SELECT h.land, h.day FROM unnest($4::text[], $5::date[]) AS h (land, day)
  ),
  closed_day AS (
    SELECT DISTINCT c.office_id, g.day::date AS day
    FROM office_closures c
    CROSS JOIN LATERAL generate_series(
      greatest(c.starts_on, $2::date)::timestamp, least(c.ends_on, $3::date)::timestamp, interval '1 day') AS g (day)
    WHERE c.office_id = ANY ($1::uuid[]) AND c.starts_on <= $3::date AND c.ends_on >= $2::date
  ),
  range_day AS (
    SELECT $2::date + i AS day, extract(isodow FROM $2::date + i)::smallint AS weekday
    FROM generate_series(0, $3::date - $2::date) AS i
  ),
  open_day AS (
    SELECT s.id AS office_id, r.day, r.weekday::int AS weekday
    FROM scope s JOIN range_day r ON r.weekday = ANY (s.opening_weekdays)
    WHERE NOT EXISTS (SELECT 1 FROM holiday h WHERE h.land = s.land AND h.day = r.day)
      AND NOT EXISTS (SELECT 1 FROM closed_day c WHERE c.office_id = s.id AND c.day = r.day)
  )`;

/**
 * Whether booking b (of a desk of office s) falls on an open day: tested per booking rather than joined with
 * open_day, so that a year of bookings of hundreds of offices streams through one hash aggregate (joining
 * open_day × desks first built millions of rows and sorted them on disk).
 */
const ON_OPEN_DAY = `
  extract(isodow FROM b.date)::smallint = ANY (s.opening_weekdays)
  AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.land = s.land AND h.day = b.date)
  AND NOT EXISTS (SELECT 1 FROM closed_day c WHERE c.office_id = s.id AND c.day = b.date)`;

/** Halves of a desk-day a booking holds: a morning or an afternoon 1, a full day 2. */
const HALVES = `CASE WHEN b.part = 'FULL_DAY' THEN 2 ELSE 1 END`;

/**
 * Per office, area and opening weekday: open days, available desk-days (open days × active desks), booked halves of
 * desk-days (live bookings: booked or checked in), due bookings and of those checked in and released as no-show.
 * A booking is due once its check-in deadline has passed: its day is before $6 (today in Europe/Berlin), or it is
 * today and the time $7 (now in Europe/Berlin) is at or after the deadline of its part of the day.
 *
 * Bookings are found per active desk of the offices and the range (bookings_desk_date_idx, migration
 * 1765000000000) and counted only on open days. An office without open days gives one row per area with a null
 * weekday.
 */
export const UTILISATION_SQL = `
  WITH ${OPEN_DAYS_CTE},
  open_weekday AS (
    SELECT office_id, weekday, count(*)::int AS days FROM open_day GROUP BY office_id, weekday
  ),
  area_desk AS (
    SELECT a.office_id, a.id AS area_id, count(d.id) FILTER (WHERE d.active)::int AS desks
    FROM areas a LEFT JOIN desks d ON d.area_id = a.id
    WHERE a.office_id = ANY ($1::uuid[])
    GROUP BY a.office_id, a.id
  ),
  used AS (
    SELECT d.area_id, extract(isodow FROM b.date)::int AS weekday,
           coalesce(sum(${HALVES}) FILTER (WHERE b.status IN ('BOOKED', 'CHECKED_IN')), 0)::int AS booked_halves,
           count(*) FILTER (WHERE t.due)::int AS due,
           count(*) FILTER (WHERE t.due AND b.status = 'CHECKED_IN')::int AS checked_in,
           count(*) FILTER (WHERE t.due AND b.status = 'RELEASED')::int AS no_shows
    FROM scope s
    JOIN desks d ON d.office_id = s.id AND d.active
    JOIN bookings b ON b.desk_id = d.id AND b.date BETWEEN $2::date AND $3::date
    CROSS JOIN LATERAL (
      SELECT b.date < $6::date
          OR (b.date = $6::date AND $7::time >= CASE WHEN b.part = 'AFTERNOON'
                                                     THEN s.check_in_deadline_afternoon
                                                     ELSE s.check_in_deadline_morning END) AS due
    ) t
    WHERE b.status IN ('BOOKED', 'CHECKED_IN', 'RELEASED') AND ${ON_OPEN_DAY}
    GROUP BY d.area_id, extract(isodow FROM b.date)
  )
  SELECT a.office_id, a.area_id, w.weekday,
         coalesce(w.days, 0)::int AS open_days,
         (coalesce(w.days, 0) * a.desks)::int AS available_desk_days,
         coalesce(u.booked_halves, 0)::int AS booked_half_days,
         coalesce(u.due, 0)::int AS due_bookings,
         coalesce(u.checked_in, 0)::int AS checked_in,
         coalesce(u.no_shows, 0)::int AS no_shows
  FROM area_desk a
  LEFT JOIN open_weekday w ON w.office_id = a.office_id
  LEFT JOIN used u ON u.area_id = a.area_id AND u.weekday = w.weekday`;

/**
 * Per desk of the offices ($1–$5 as above): its area, code, state and position, its available desk-days (the open
 * days of its office while it is active, else 0) and its booked halves of desk-days on open days.
 */
export const DESK_UTILISATION_SQL = `
  WITH ${OPEN_DAYS_CTE},
  open_count AS (SELECT office_id, count(*)::int AS days FROM open_day GROUP BY office_id),
  used AS (
    SELECT d.id AS desk_id, sum(${HALVES})::int AS booked_halves
    FROM scope s
    JOIN desks d ON d.office_id = s.id AND d.active
    JOIN bookings b ON b.desk_id = d.id AND b.date BETWEEN $2::date AND $3::date
    WHERE b.status IN ('BOOKED', 'CHECKED_IN') AND ${ON_OPEN_DAY}
    GROUP BY d.id
  )
  SELECT d.id AS desk_id, d.office_id, d.area_id, d.code, d.active,
         d.position_x::float8 AS position_x, d.position_y::float8 AS position_y,
         coalesce(c.days, 0)::int AS open_days,
         CASE WHEN d.active THEN coalesce(c.days, 0) ELSE 0 END::int AS available_desk_days,
         coalesce(u.booked_halves, 0)::int AS booked_half_days
  FROM desks d
  LEFT JOIN open_count c ON c.office_id = d.office_id
  LEFT JOIN used u ON u.desk_id = d.id
  WHERE d.office_id = ANY ($1::uuid[])
  ORDER BY d.code`;

/** The offices ($1) with their names and opening weekdays, by name. */
export const REPORT_OFFICES_SQL = `
  SELECT f.id, f.name, f.opening_weekdays::int[] AS opening_weekdays
  FROM offices f WHERE f.id = ANY ($1::uuid[])
  ORDER BY f.name`;

/** The areas of the offices ($1) in their order; `with_plans` ($2) adds the floor plans. */
export const REPORT_AREAS_SQL = `
  SELECT a.id, a.office_id, a.name, CASE WHEN $2::boolean THEN a.floor_plan_svg END AS floor_plan_svg
  FROM areas a WHERE a.office_id = ANY ($1::uuid[])
  ORDER BY a.sort_order, a.name`;
