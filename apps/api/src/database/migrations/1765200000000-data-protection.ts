import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data protection (issue 9, DESIGN.md §3.6 and §5):
 * - a booking may lose its person: the retention job and the erasure of an account set `person_id` to NULL and keep
 *   desk, date, part and status, so utilisation over old ranges stays right. NULL never conflicts in the exclusion
 *   constraint of a person (NULL = NULL is not true), and anonymous bookings are in the past or cancelled anyway;
 *   a partial index finds the bookings the retention job still has to anonymise;
 * - the audit log: who (a person, NULL once erased or after retention of the person's link), what (an action on an
 *   object), when, for which organisation and office, with details that never name anyone else.
 */
export class DataProtection1765200000000 implements MigrationInterface {
  name = 'DataProtection1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE bookings ALTER COLUMN person_id DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX bookings_retention_idx ON bookings (date) WHERE person_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES people(id) ON DELETE SET NULL,
        action text NOT NULL CONSTRAINT audit_log_action_check CHECK (action ~ '^[A-Z][A-Z_]{2,59}$'),
        object_type text NOT NULL CONSTRAINT audit_log_object_type_check CHECK (object_type ~ '^[A-Z][A-Z_]{1,39}$'),
        object_id uuid,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}'
          CONSTRAINT audit_log_details_check CHECK (jsonb_typeof(details) = 'object' AND length(details::text) <= 4000)
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await queryRunner.query(`CREATE INDEX audit_log_organisation_at_idx ON audit_log (organisation_id, at)`);
    await queryRunner.query(
      `CREATE INDEX audit_log_office_at_idx ON audit_log (office_id, at) WHERE office_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id) WHERE actor_id IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX audit_log_object_idx ON audit_log (object_id) WHERE object_type IN ('PERSON', 'TEAM_MEMBER')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP INDEX bookings_retention_idx`);
    // Anonymous bookings cannot go back under NOT NULL: they are removed (their person is gone for good).
    await queryRunner.query(`DELETE FROM bookings WHERE person_id IS NULL`);
    await queryRunner.query(`ALTER TABLE bookings ALTER COLUMN person_id SET NOT NULL`);
  }
}
