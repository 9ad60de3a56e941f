import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * German postal codes with one point each (issue 6, "near home"): the home postal code a person gives is checked
 * against this table, and offices are ranked by their distance from its point.
 *
 * The migration creates the table only. Its rows come from apps/api/data/de-postal-codes.csv (GeoNames, CC BY 4.0),
 * loaded at start-up when the table is empty (near-home/postal-codes.loader.ts): the data is reference data, not
 * schema, so a newer export can be loaded without a migration, and the migrations stay fast to revert and re-apply.
 * `land` is the Land derived from the district key, never the export's inconsistent state columns.
 */
export class PostalCodes1764600000000 implements MigrationInterface {
  name = 'PostalCodes1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE postal_codes (
        code char(5) PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
        place text NOT NULL,
        land char(2) NOT NULL CHECK (land IN ('SH','HH','NI','HB','NW','HE','RP','BW','BY','SL','BE','BB','MV','SN','ST','TH')),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE postal_codes`);
  }
}
