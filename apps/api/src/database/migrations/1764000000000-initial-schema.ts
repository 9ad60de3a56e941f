import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First tables. Invariants 1 and 2 of DESIGN.md §3 are exclusion constraints over half-day ranges:
 * a morning is [0,1), an afternoon [1,2), a full day [0,2); two live bookings of the same desk (or the same
 * person) on the same date may not have overlapping ranges. Racing inserts therefore give one row and one
 * 23P01 error, never two rows.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('STATE', 'MUNICIPAL'))
      )`);
    await queryRunner.query(`
      CREATE TABLE municipalities (
        ags char(8) PRIMARY KEY CHECK (ags ~ '^[0-9]{8}$'),
        name text NOT NULL,
        land char(2) NOT NULL CHECK (land IN ('SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH'))
      )`);
    await queryRunner.query(`
      CREATE TABLE offices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        address text NOT NULL,
        municipality_ags char(8) NOT NULL REFERENCES municipalities(ags),
        operator_id uuid NOT NULL REFERENCES organisations(id),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180)
      )`);
    await queryRunner.query(`CREATE INDEX offices_municipality_idx ON offices (municipality_ags)`);
    await queryRunner.query(`
      CREATE TABLE areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
        name text NOT NULL,
        sort_order integer NOT NULL DEFAULT 0,
        UNIQUE (office_id, name),
        UNIQUE (id, office_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE desks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL,
        area_id uuid NOT NULL,
        code text NOT NULL CHECK (length(trim(code)) > 0),
        active boolean NOT NULL DEFAULT true,
        UNIQUE (office_id, code),
        FOREIGN KEY (area_id, office_id) REFERENCES areas(id, office_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX desks_area_idx ON desks (area_id)`);
    await queryRunner.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        display_name text NOT NULL CHECK (length(trim(display_name)) > 0),
        email text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX people_organisation_idx ON people (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        desk_id uuid NOT NULL REFERENCES desks(id),
        date date NOT NULL,
        part text NOT NULL CHECK (part IN ('MORNING', 'AFTERNOON', 'FULL_DAY')),
        halves int4range GENERATED ALWAYS AS (
          CASE part WHEN 'MORNING' THEN int4range(0, 1) WHEN 'AFTERNOON' THEN int4range(1, 2) ELSE int4range(0, 2) END
        ) STORED,
        status text NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'RELEASED')),
        source text NOT NULL DEFAULT 'SELF' CHECK (source IN ('SELF', 'TEAM_DAY', 'RECURRING', 'WAITLIST')),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CONSTRAINT bookings_desk_half_day_excl
          EXCLUDE USING gist (desk_id WITH =, date WITH =, halves WITH &&) WHERE (status IN ('BOOKED', 'CHECKED_IN')),
        CONSTRAINT bookings_person_half_day_excl
          EXCLUDE USING gist (person_id WITH =, date WITH =, halves WITH &&) WHERE (status IN ('BOOKED', 'CHECKED_IN'))
      )`);
    await queryRunner.query(`CREATE INDEX bookings_date_desk_idx ON bookings (date, desk_id)`);
    await queryRunner.query(`CREATE INDEX bookings_person_date_idx ON bookings (person_id, date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bookings`);
    await queryRunner.query(`DROP TABLE people`);
    await queryRunner.query(`DROP TABLE desks`);
    await queryRunner.query(`DROP TABLE areas`);
    await queryRunner.query(`DROP TABLE offices`);
    await queryRunner.query(`DROP TABLE municipalities`);
    await queryRunner.query(`DROP TABLE organisations`);
  }
}
