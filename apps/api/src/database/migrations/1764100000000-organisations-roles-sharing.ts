import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity, roles and sharing (issue 3):
 * - people get their sign-in identity (issuer + subject of the OpenID Connect provider), a home postal code and
 *   the visibility they chose (nobody by default, DESIGN.md §5);
 * - organisations get the value of the organisation claim that maps tokens to them;
 * - teams with members and leads (a team lead's role is per team);
 * - role assignments for facility managers (per office) and organisation admins (per organisation);
 * - offices shared by their operator with other organisations.
 */
export class OrganisationsRolesSharing1764100000000 implements MigrationInterface {
  name = 'OrganisationsRolesSharing1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisations ADD COLUMN claim_value text UNIQUE`);
    await queryRunner.query(`
      ALTER TABLE people
        ADD COLUMN oidc_issuer text,
        ADD COLUMN oidc_subject text,
        ADD COLUMN home_postal_code char(5) CHECK (home_postal_code ~ '^[0-9]{5}$'),
        ADD COLUMN visibility text NOT NULL DEFAULT 'NOBODY' CHECK (visibility IN ('NOBODY', 'TEAMS', 'ORGANISATION')),
        ADD CONSTRAINT people_oidc_identity_key UNIQUE (oidc_issuer, oidc_subject),
        ADD CONSTRAINT people_oidc_identity_complete CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        UNIQUE (organisation_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        is_lead boolean NOT NULL DEFAULT false,
        PRIMARY KEY (team_id, person_id)
      )`);
    await queryRunner.query(`CREATE INDEX team_members_person_idx ON team_members (person_id)`);
    await queryRunner.query(`
      CREATE TABLE role_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('FACILITY_MANAGER', 'ORGANISATION_ADMIN')),
        office_id uuid REFERENCES offices(id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        granted_at timestamptz NOT NULL DEFAULT now(),
        granted_by uuid REFERENCES people(id) ON DELETE SET NULL,
        CHECK (
          (role = 'FACILITY_MANAGER' AND office_id IS NOT NULL AND organisation_id IS NULL) OR
          (role = 'ORGANISATION_ADMIN' AND organisation_id IS NOT NULL AND office_id IS NULL)
        )
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX role_assignments_unique_idx
         ON role_assignments (person_id, role, coalesce(office_id, organisation_id))`,
    );
    await queryRunner.query(`
      CREATE TABLE office_shares (
        office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        granted_at timestamptz NOT NULL DEFAULT now(),
        granted_by uuid REFERENCES people(id) ON DELETE SET NULL,
        PRIMARY KEY (office_id, organisation_id)
      )`);
    await queryRunner.query(`CREATE INDEX office_shares_organisation_idx ON office_shares (organisation_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE office_shares`);
    await queryRunner.query(`DROP TABLE role_assignments`);
    await queryRunner.query(`DROP TABLE team_members`);
    await queryRunner.query(`DROP TABLE teams`);
    await queryRunner.query(`
      ALTER TABLE people
        DROP COLUMN oidc_issuer, DROP COLUMN oidc_subject, DROP COLUMN home_postal_code, DROP COLUMN visibility`);
    await queryRunner.query(`ALTER TABLE organisations DROP COLUMN claim_value`);
  }
}
