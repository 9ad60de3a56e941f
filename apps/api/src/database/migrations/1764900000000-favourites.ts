import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Favourite desks and favourite colleagues (issue 6): a person's own bookmarks, seen by nobody else. Both vanish
 * with the person (erasure) and with the desk or colleague they point to.
 */
export class Favourites1764900000000 implements MigrationInterface {
  name = 'Favourites1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE favourite_desks (
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        desk_id uuid NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, desk_id)
      )`);
    await queryRunner.query(`CREATE INDEX favourite_desks_desk_idx ON favourite_desks (desk_id)`);
    await queryRunner.query(`
      CREATE TABLE favourite_colleagues (
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        colleague_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, colleague_id),
        CHECK (person_id <> colleague_id)
      )`);
    await queryRunner.query(`CREATE INDEX favourite_colleagues_colleague_idx ON favourite_colleagues (colleague_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE favourite_colleagues`);
    await queryRunner.query(`DROP TABLE favourite_desks`);
  }
}
