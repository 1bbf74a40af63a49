import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;
/** TypeORM's names (figure.entity.ts): the primary key of (id, period) and the three indexes, unchanged. */
const PK = 'PK_b6fafe03f1321653d141bdddf18';
const OLD_PK = 'PK_9b7e19001257bb3db43958e59da';
const INDEXES = [
  {
    name: 'IDX_c458a45a1d3455be887147e9ea',
    sql: 'UNIQUE INDEX "IDX_c458a45a1d3455be887147e9ea" ON "figure" ("org_unit_id", "service_id", "metric_id", "period")',
  },
  { name: 'IDX_1f678cdd00fa2a44a9a5723818', sql: 'INDEX "IDX_1f678cdd00fa2a44a9a5723818" ON "figure" ("organisation_id", "period")' },
  { name: 'IDX_b8e27641728344341607c65229', sql: 'INDEX "IDX_b8e27641728344341607c65229" ON "figure" ("organisation_id", "updated_at")' },
];
const COLUMNS = `"organisation_id" uuid NOT NULL,
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "org_unit_id" uuid NOT NULL,
  "service_id" uuid NOT NULL,
  "metric_id" uuid NOT NULL,
  "period" character varying(7) NOT NULL,
  "value" numeric NOT NULL,
  "status" character varying(16) NOT NULL DEFAULT 'draft',
  "source" character varying(8) NOT NULL,
  "comment" character varying(1000),
  "submission_id" uuid,
  "updated_by" uuid,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;

/**
 * The statement-level triggers of `figure` (migrations 1795840000001 and 1795860000000): its references checked per
 * statement, and `figure_coverage` kept. On a partitioned table they fire for statements on the parent (PostgreSQL 15
 * allows transition tables there: they hold the rows of every partition the statement touched); a statement on a
 * partition itself fires the partition's own, so levier_ensure_figure_partition gives each partition the same.
 */
export interface StatementTrigger {
  name: string;
  on: string;
  transition: string;
  fn: string;
}
export const TRIGGERS: readonly StatementTrigger[] = [
  { name: 'figure_references_insert', on: 'AFTER INSERT', transition: 'REFERENCING NEW TABLE AS new_rows', fn: 'levier_figure_check_references()' },
  { name: 'figure_references_update', on: 'AFTER UPDATE', transition: 'REFERENCING NEW TABLE AS new_rows', fn: 'levier_figure_check_references()' },
  { name: 'figure_coverage_insert', on: 'AFTER INSERT', transition: 'REFERENCING NEW TABLE AS new_rows', fn: 'levier_figure_coverage_add()' },
  {
    name: 'figure_coverage_update',
    on: 'AFTER UPDATE',
    transition: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
    fn: 'levier_figure_coverage_remove()',
  },
  { name: 'figure_coverage_delete', on: 'AFTER DELETE', transition: 'REFERENCING OLD TABLE AS old_rows', fn: 'levier_figure_coverage_remove()' },
];
export const createTriggers = (table: string, triggers: readonly StatementTrigger[] = TRIGGERS): string[] =>
  triggers.map((t) => `CREATE TRIGGER ${t.name} ${t.on} ON ${table} ${t.transition} FOR EACH STATEMENT EXECUTE FUNCTION ${t.fn}`);

/**
 * `levier_ensure_figure_partition(year)`: creates a year's partition when missing, with the parent's grants, row-level
 * security and the given statement triggers (exported for migration 1795900000000, which changes that list).
 */
export const ensurePartitionFunction = (
  triggers: readonly StatementTrigger[],
): string => `CREATE OR REPLACE FUNCTION levier_ensure_figure_partition(year integer) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        name text := format('figure_y%s', year);
      BEGIN
        IF year < 1000 OR year > 9998 THEN
          RAISE EXCEPTION 'Année hors limites pour une partition des chiffres : %', year;
        END IF;
        IF to_regclass(format('public.%I', name)) IS NOT NULL THEN
          RETURN false;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('levier:figure:partitions', 0));
        IF to_regclass(format('public.%I', name)) IS NOT NULL THEN
          RETURN false;
        END IF;
        BEGIN
          -- created apart, then attached: ATTACH PARTITION locks the parent SHARE UPDATE EXCLUSIVE, which lets reads and
          -- writes of figure go on (CREATE TABLE … PARTITION OF would lock it ACCESS EXCLUSIVE)
          EXECUTE format('CREATE TABLE public.%I (LIKE public.figure INCLUDING DEFAULTS)', name);
          EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (period >= %L AND period < %L)', name, name || '_period', year::text, (year + 1)::text);
          EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', name);
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO levier_app', name);
          EXECUTE format($p$CREATE POLICY tenant_isolation ON public.%I USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})$p$, name);
          ${createTriggers('public.%I', triggers)
            .map((sql) => `EXECUTE format('${sql}', name);`)
            .join('\n          ')}
          EXECUTE format('ALTER TABLE public.figure ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)', name, year::text, (year + 1)::text);
          EXECUTE format('ALTER TABLE public.%I DROP CONSTRAINT %I', name, name || '_period');
        EXCEPTION WHEN duplicate_table THEN
          -- created by another process since the check (the advisory lock does not refresh this transaction's catalogue view)
          RETURN false;
        END;
        RETURN true;
      END $$`;

/**
 * `figure` partitioned by range of `period`, one partition per year (issue 17, item 4): `figure_y2024` holds
 * FROM ('2024') TO ('2025'), where '2024', '2024-01' … '2024-12', '2024-Q1' … '2024-Q4' all sort (in any collation: the
 * four digits of the year decide, and the year alone is a prefix of its months and quarters). A read or write that names
 * its periods touches their years only; a year can later be detached like `audit_log`'s.
 *
 * - The primary key becomes (id, period), as PostgreSQL requires the partition key in every unique key; ids are kept.
 *   The natural key (org_unit_id, service_id, metric_id, period) stays unique and contains it. A lookup by id alone
 *   probes each year's primary key (one index probe per year).
 * - `levier_ensure_figure_partition(year)` creates a year's partition when missing: idempotent, serialised by an
 *   advisory lock, with the parent's grants, row-level security and statement triggers. FigureWriter calls it for the
 *   years of every batch before writing (from the periods written, not from today's date: a file may carry 2015); the
 *   migration creates every year from the oldest figure to next year. No default partition: a figure of a year
 *   without partition is refused, never hidden in a catch-all.
 * - Row-level security, grants and the statement triggers (references, coverage) are recreated on the parent; the
 *   RESTRICT and CASCADE triggers on organisation, org_unit, service and metric query `figure` by name and keep working.
 *
 * On an existing database the rows are copied into their years, in one transaction with the rest.
 */
export class PartitionFigure1795870000000 implements MigrationInterface {
  name = 'PartitionFigure1795870000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "figure" RENAME TO "figure_unpartitioned"`);
    await q.query(`ALTER TABLE "figure_unpartitioned" RENAME CONSTRAINT "${OLD_PK}" TO "PK_figure_unpartitioned"`);
    for (const index of INDEXES) await q.query(`DROP INDEX "${index.name}"`);
    await q.query(`CREATE TABLE "figure" (${COLUMNS}, CONSTRAINT "${PK}" PRIMARY KEY ("id", "period")) PARTITION BY RANGE ("period")`);
    for (const index of INDEXES) await q.query(`CREATE ${index.sql}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "figure" TO levier_app`);
    await q.query(`ALTER TABLE "figure" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "figure" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await q.query(ensurePartitionFunction(TRIGGERS));
    await q.query(`REVOKE ALL ON FUNCTION levier_ensure_figure_partition(integer) FROM PUBLIC`);
    await q.query(
      `SELECT levier_ensure_figure_partition(y)
         FROM (SELECT min(left(period, 4))::int AS oldest, max(left(period, 4))::int AS newest FROM "figure_unpartitioned") f,
              generate_series(LEAST(f.oldest, extract(year FROM now() AT TIME ZONE 'UTC')::int),
                              GREATEST(f.newest, extract(year FROM now() AT TIME ZONE 'UTC')::int + 1)) AS y`,
    );
    // the rows already satisfy the references and are already in figure_coverage: copied before the triggers exist
    await q.query(`INSERT INTO "figure" SELECT * FROM "figure_unpartitioned"`);
    for (const sql of createTriggers('"figure"')) await q.query(sql);
    await q.query(`DROP TABLE "figure_unpartitioned"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "figure" RENAME TO "figure_partitioned"`);
    await q.query(`ALTER TABLE "figure_partitioned" RENAME CONSTRAINT "${PK}" TO "PK_figure_partitioned"`);
    for (const index of INDEXES) await q.query(`DROP INDEX "${index.name}"`);
    await q.query(`CREATE TABLE "figure" (${COLUMNS}, CONSTRAINT "${OLD_PK}" PRIMARY KEY ("id"))`);
    await q.query(`INSERT INTO "figure" SELECT * FROM "figure_partitioned"`);
    await q.query(`DROP TABLE "figure_partitioned"`);
    await q.query(`DROP FUNCTION levier_ensure_figure_partition(integer)`);
    for (const index of INDEXES) await q.query(`CREATE ${index.sql}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "figure" TO levier_app`);
    await q.query(`ALTER TABLE "figure" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "figure" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    for (const sql of createTriggers('"figure"')) await q.query(sql);
  }
}
