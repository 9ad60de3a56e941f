import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booking rules of offices and the lifecycle of desks (issue 4):
 * - offices get their opening weekdays (ISO 1 = Monday … 7 = Sunday), booking horizon (days ahead), capacity cap
 *   (share of the active desks per half-day; NULL: no cap) and per-person quota (days per ISO week; NULL: none);
 * - closures: date ranges (both ends inclusive) with a reason, in which an office takes no bookings;
 * - desks get why they are blocked (a blocked desk is one with active = false), whether they are accessible and
 *   their equipment.
 * The API decides the rules (`decideBooking` of the domain library) under advisory locks; the exclusion constraints of
 * the first migration stay the last word on desk and person overlaps.
 */
export class OfficeRules1764200000000 implements MigrationInterface {
  name = 'OfficeRules1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE offices
        ADD COLUMN opening_weekdays smallint[] NOT NULL DEFAULT '{1,2,3,4,5}'
          CONSTRAINT offices_opening_weekdays_check
          CHECK (opening_weekdays <@ '{1,2,3,4,5,6,7}'::smallint[] AND array_position(opening_weekdays, NULL) IS NULL),
        ADD COLUMN booking_horizon_days integer NOT NULL DEFAULT 60
          CONSTRAINT offices_booking_horizon_days_check CHECK (booking_horizon_days BETWEEN 1 AND 365),
        ADD COLUMN capacity_share numeric(3,2)
          CONSTRAINT offices_capacity_share_check CHECK (capacity_share > 0 AND capacity_share <= 1),
        ADD COLUMN quota_days_per_week smallint
          CONSTRAINT offices_quota_days_per_week_check CHECK (quota_days_per_week BETWEEN 1 AND 7)`);
    await queryRunner.query(`
      CREATE TABLE office_closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT office_closures_range_check CHECK (ends_on >= starts_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX office_closures_office_idx ON office_closures (office_id, starts_on, ends_on)`,
    );
    await queryRunner.query(`
      ALTER TABLE desks
        ADD COLUMN blocked_reason text
          CONSTRAINT desks_blocked_reason_check CHECK (blocked_reason IS NULL OR NOT active),
        ADD COLUMN accessible boolean NOT NULL DEFAULT false,
        ADD COLUMN equipment text[] NOT NULL DEFAULT '{}'
          CONSTRAINT desks_equipment_check CHECK (array_position(equipment, NULL) IS NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE desks DROP COLUMN equipment, DROP COLUMN accessible, DROP COLUMN blocked_reason`,
    );
    await queryRunner.query(`DROP TABLE office_closures`);
    await queryRunner.query(`
      ALTER TABLE offices
        DROP COLUMN quota_days_per_week, DROP COLUMN capacity_share, DROP COLUMN booking_horizon_days,
        DROP COLUMN opening_weekdays`);
  }
}
