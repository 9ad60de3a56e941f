import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waitlist (issue 4): a person waits for an office, a date and a part of the day when no desk is bookable. When a
 * desk frees up, the first person waiting (by created_at) gets it in the transaction of the release: the entry turns
 * ASSIGNED and points at the booking made. A person waits at most once per office, date and part (partial unique
 * index on the WAITING entries); entries that were assigned or left are kept as history.
 */
export class Waitlist1764300000000 implements MigrationInterface {
  name = 'Waitlist1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        date date NOT NULL,
        part text NOT NULL CONSTRAINT waitlist_entries_part_check CHECK (part IN ('MORNING', 'AFTERNOON', 'FULL_DAY')),
        status text NOT NULL DEFAULT 'WAITING'
          CONSTRAINT waitlist_entries_status_check CHECK (status IN ('WAITING', 'ASSIGNED', 'LEFT')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        booking_id uuid REFERENCES bookings(id) ON DELETE SET NULL,
        CONSTRAINT waitlist_entries_booking_check CHECK (booking_id IS NULL OR status = 'ASSIGNED')
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX waitlist_entries_waiting_unique ON waitlist_entries (person_id, office_id, date, part)
      WHERE status = 'WAITING'`);
    await queryRunner.query(
      `CREATE INDEX waitlist_entries_queue_idx ON waitlist_entries (office_id, date, created_at) WHERE status = 'WAITING'`,
    );
    await queryRunner.query(`CREATE INDEX waitlist_entries_person_idx ON waitlist_entries (person_id, date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE waitlist_entries`);
  }
}
