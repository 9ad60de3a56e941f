import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a booking was cancelled by someone else (issue 7): the facility manager's reason for blocking its desk or
 * closing its office, kept with the booking so the person sees it live and in their bookings later. NULL for the
 * person's own cancellations and where no reason was given (a reduced capacity cap).
 */
export class CancellationReasons1764800000000 implements MigrationInterface {
  name = 'CancellationReasons1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bookings
        ADD COLUMN cancellation_reason text
          CONSTRAINT bookings_cancellation_reason_check
          CHECK (cancellation_reason IS NULL OR (status = 'CANCELLED' AND length(cancellation_reason) <= 500))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bookings DROP COLUMN cancellation_reason`);
  }
}
