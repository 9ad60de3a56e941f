import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feeds (issue 6): one personal ICS feed per person, reached by a secret URL. Only a SHA-256 hash of the
 * token is stored: the token is shown once, and whoever reads the database cannot subscribe to anyone's bookings.
 * Creating a new feed replaces the row (the old URL stops working); revoking deletes it.
 */
export class CalendarFeeds1764700000000 implements MigrationInterface {
  name = 'CalendarFeeds1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_feeds (
        person_id uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT calendar_feeds_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feeds_token_hash_unique UNIQUE (token_hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_feeds`);
  }
}
