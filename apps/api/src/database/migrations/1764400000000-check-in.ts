import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in, no-show release and floor plans (issue 4).
 * - Every desk gets an unguessable check-in token: the QR code on the desk links to it.
 * - A booking records when it was checked in and when it was released as a no-show. A booking still BOOKED has not
 *   been checked in; a CHECKED_IN one has been. A checked-in booking that is later cancelled keeps its check-in time
 *   (history is kept, DESIGN.md §3.6); a released one is a no-show, so it was never checked in.
 * - Offices set the check-in window: from `check_in_opens` until the deadline of the booking's part of the day
 *   (the morning one for MORNING and FULL_DAY), in Europe/Berlin.
 * - An area may have a floor plan (an SVG document without scripts); desks may have a position on it, as fractions
 *   of the plan's width and height.
 */
export class CheckIn1764400000000 implements MigrationInterface {
  name = 'CheckIn1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE desks
        ADD COLUMN check_in_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
        ADD COLUMN position_x real,
        ADD COLUMN position_y real,
        ADD CONSTRAINT desks_check_in_token_unique UNIQUE (check_in_token),
        ADD CONSTRAINT desks_position_check CHECK (
          (position_x IS NULL) = (position_y IS NULL)
          AND (position_x IS NULL OR (position_x BETWEEN 0 AND 1 AND position_y BETWEEN 0 AND 1)))`);
    await queryRunner.query(`
      ALTER TABLE bookings
        ADD COLUMN checked_in_at timestamptz,
        ADD COLUMN released_at timestamptz,
        ADD CONSTRAINT bookings_checked_in_check CHECK (
          (status <> 'CHECKED_IN' OR checked_in_at IS NOT NULL)
          AND (status NOT IN ('BOOKED', 'RELEASED') OR checked_in_at IS NULL)),
        ADD CONSTRAINT bookings_released_check CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))`);
    await queryRunner.query(`
      ALTER TABLE offices
        ADD COLUMN check_in_opens time NOT NULL DEFAULT '07:00',
        ADD COLUMN check_in_deadline_morning time NOT NULL DEFAULT '10:00',
        ADD COLUMN check_in_deadline_afternoon time NOT NULL DEFAULT '14:00',
        ADD CONSTRAINT offices_check_in_window_check CHECK (
          check_in_opens < check_in_deadline_morning AND check_in_deadline_morning <= check_in_deadline_afternoon)`);
    await queryRunner.query(`
      ALTER TABLE areas
        ADD COLUMN floor_plan_svg text,
        ADD CONSTRAINT areas_floor_plan_svg_check CHECK (
          floor_plan_svg IS NULL
          OR (ltrim(floor_plan_svg) ILIKE '<svg%' AND strpos(lower(floor_plan_svg), '<script') = 0))`);
    await queryRunner.query(`CREATE INDEX bookings_due_check_in_idx ON bookings (date) WHERE status = 'BOOKED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bookings_due_check_in_idx`);
    await queryRunner.query(`ALTER TABLE areas DROP CONSTRAINT areas_floor_plan_svg_check, DROP COLUMN floor_plan_svg`);
    await queryRunner.query(`
      ALTER TABLE offices DROP CONSTRAINT offices_check_in_window_check,
        DROP COLUMN check_in_opens, DROP COLUMN check_in_deadline_morning, DROP COLUMN check_in_deadline_afternoon`);
    await queryRunner.query(`
      ALTER TABLE bookings DROP CONSTRAINT bookings_checked_in_check, DROP CONSTRAINT bookings_released_check,
        DROP COLUMN checked_in_at, DROP COLUMN released_at`);
    await queryRunner.query(`
      ALTER TABLE desks DROP CONSTRAINT desks_position_check, DROP CONSTRAINT desks_check_in_token_unique,
        DROP COLUMN check_in_token, DROP COLUMN position_x, DROP COLUMN position_y`);
  }
}
