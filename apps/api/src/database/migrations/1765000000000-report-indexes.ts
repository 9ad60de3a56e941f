import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Utilisation reports (issue 7) read a year of bookings per desk of an office. The existing bookings_date_desk_idx
 * leads with the date, so for one office over a year PostgreSQL had to read every booking of every office in the
 * range (or probe the index once per desk and day). This index finds a desk's bookings of a range in one scan, and
 * carries part and status so the count needs no visit to the table (an index-only scan).
 */
export class ReportIndexes1765000000000 implements MigrationInterface {
  name = 'ReportIndexes1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX bookings_desk_date_idx ON bookings (desk_id, date) INCLUDE (part, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bookings_desk_date_idx`);
  }
}
