import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

const tenantTable = async (q: QueryRunner, table: string): Promise<void> => {
  await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY tenant_isolation ON "${table}" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO levier_app`);
};

/**
 * The finance director's month-end (issue 13):
 * - `submission`: a dry run ends `previewed` with its `preview` (created, changed old → new, unchanged, flagged,
 *   errors) and writes no figure; `apply` turns it into a real run (`confirm_overwrite` when it changes stored values);
 *   `mapping` is the column mapping (or the saved template's) the file was read with.
 * - `import_template`: an organisation's saved mappings, offered again next month.
 * - `period_status.submitted_by`: who submitted the period, for the four-eyes rule.
 * - `approval_setting`: the four-eyes rule per organisation (on when no row), turned off only with a logged reason.
 */
export class AddImportPreviewAndFourEyes1795700000000 implements MigrationInterface {
  name = 'AddImportPreviewAndFourEyes1795700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "submission" ADD "dry_run" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "submission" ADD "confirm_overwrite" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "submission" ADD "preview" jsonb`);
    await q.query(`ALTER TABLE "submission" ADD "mapping" jsonb`);
    await q.query(`ALTER TABLE "submission" ADD "previewed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "period_status" ADD "submitted_by" uuid`);

    await q.query(
      `CREATE TABLE "import_template" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "mapping" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_import_template" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_import_template_name" ON "import_template" ("organisation_id", "name")`);
    await q.query(
      `ALTER TABLE "import_template" ADD CONSTRAINT "FK_import_template_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE`,
    );
    await tenantTable(q, 'import_template');

    await q.query(
      `CREATE TABLE "approval_setting" ("organisation_id" uuid NOT NULL, "four_eyes" boolean NOT NULL DEFAULT true, "reason" character varying(1000), "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_approval_setting" PRIMARY KEY ("organisation_id"))`,
    );
    await q.query(
      `ALTER TABLE "approval_setting" ADD CONSTRAINT "FK_approval_setting_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE`,
    );
    await tenantTable(q, 'approval_setting');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['approval_setting', 'import_template']) {
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`ALTER TABLE "period_status" DROP COLUMN "submitted_by"`);
    for (const column of ['previewed_at', 'mapping', 'preview', 'confirm_overwrite', 'dry_run']) {
      await q.query(`ALTER TABLE "submission" DROP COLUMN "${column}"`);
    }
  }
}
