import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Presence (issue 5): team presence policies, team days (Präsenztage) and the answers of members.
 * - organisations get the federal state whose public holidays count for their people's presence policies; existing
 *   organisations take the Land of most of the offices they operate (none: it stays empty and only the holidays common
 *   to all Länder count);
 * - a team has at most one presence policy: at least `min_days` office days per week or month, optionally fixed
 *   weekdays;
 * - a team day is one date, one office and one part of the day; a team has at most one planned team day per date;
 *   moving it changes its row, cancelling it keeps the row (history, DESIGN.md §3.6);
 * - members answer ATTENDING or AWAY (no reason is stored); no row means not answered yet;
 * - bookings made for a team day point at it, so moving or cancelling the day finds exactly those bookings.
 */
export class Presence1764500000000 implements MigrationInterface {
  name = 'Presence1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisations ADD COLUMN land char(2)
        CONSTRAINT organisations_land_check
        CHECK (land IN ('SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH'))`);
    await queryRunner.query(`
      UPDATE organisations o SET land = (
        SELECT m.land FROM offices f JOIN municipalities m ON m.ags = f.municipality_ags
         WHERE f.operator_id = o.id
         GROUP BY m.land ORDER BY count(*) DESC, m.land LIMIT 1)`);
    await queryRunner.query(`
      CREATE TABLE presence_policies (
        team_id uuid PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
        period text NOT NULL CONSTRAINT presence_policies_period_check CHECK (period IN ('WEEK', 'MONTH')),
        min_days smallint NOT NULL CONSTRAINT presence_policies_min_days_check
          CHECK (min_days >= 0 AND min_days <= CASE period WHEN 'WEEK' THEN 5 ELSE 23 END),
        fixed_weekdays smallint[] NOT NULL DEFAULT '{}' CONSTRAINT presence_policies_fixed_weekdays_check
          CHECK (fixed_weekdays <@ ARRAY[1, 2, 3, 4, 5]::smallint[]),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES people(id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE presence_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
        date date NOT NULL,
        part text NOT NULL DEFAULT 'FULL_DAY'
          CONSTRAINT presence_days_part_check CHECK (part IN ('MORNING', 'AFTERNOON', 'FULL_DAY')),
        mandatory boolean NOT NULL DEFAULT false,
        note text CONSTRAINT presence_days_note_check CHECK (note IS NULL OR length(note) <= 500),
        status text NOT NULL DEFAULT 'PLANNED'
          CONSTRAINT presence_days_status_check CHECK (status IN ('PLANNED', 'CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES people(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CONSTRAINT presence_days_cancelled_check CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX presence_days_team_date_unique ON presence_days (team_id, date) WHERE status = 'PLANNED'`,
    );
    await queryRunner.query(`CREATE INDEX presence_days_office_date_idx ON presence_days (office_id, date)`);
    await queryRunner.query(`
      CREATE TABLE presence_answers (
        presence_day_id uuid NOT NULL REFERENCES presence_days(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        answer text NOT NULL CONSTRAINT presence_answers_answer_check CHECK (answer IN ('ATTENDING', 'AWAY')),
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (presence_day_id, person_id)
      )`);
    await queryRunner.query(`CREATE INDEX presence_answers_person_idx ON presence_answers (person_id)`);
    await queryRunner.query(`
      ALTER TABLE bookings
        ADD COLUMN presence_day_id uuid REFERENCES presence_days(id) ON DELETE SET NULL,
        ADD CONSTRAINT bookings_presence_day_check CHECK (presence_day_id IS NULL OR source = 'TEAM_DAY')`);
    await queryRunner.query(
      `CREATE INDEX bookings_presence_day_idx ON bookings (presence_day_id) WHERE presence_day_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bookings_presence_day_idx`);
    await queryRunner.query(
      `ALTER TABLE bookings DROP CONSTRAINT bookings_presence_day_check, DROP COLUMN presence_day_id`,
    );
    await queryRunner.query(`DROP TABLE presence_answers`);
    await queryRunner.query(`DROP TABLE presence_days`);
    await queryRunner.query(`DROP TABLE presence_policies`);
    await queryRunner.query(`ALTER TABLE organisations DROP COLUMN land`);
  }
}
