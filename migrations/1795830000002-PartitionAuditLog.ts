import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_log` partitioned by year of `at` (issue 17, item 4): one partition `audit_log_y<YEAR>` per year, so a year can
 * be detached and archived (`levier audit:detach --year 2021`) and reads bounded in time touch only their years. The
 * primary key becomes (id, at), as PostgreSQL requires the partition key in it; ids still come from the same sequence.
 *
 * `levier_ensure_audit_partition(year)` creates a year's partition if it is missing: idempotent, serialised by an
 * advisory lock (and a partition created meanwhile by another process is recognised) so that any number of API and
 * worker processes may call it at once, and giving each partition the same grants and row-level security as its parent
 * (the application reaches partitions through the parent, whose policy applies; the partition's own keep "every table
 * with an organisation_id has RLS and is granted to levier_app" true, whoever reads it directly). The
 * migration creates every year from the oldest row to next year; the application creates the current and next year at
 * start and every day after (apps/api/src/audit/audit-partitions.ts). There is no default partition: a row of a year
 * without partition is refused, never hidden where detaching could not find it.
 *
 * On an existing database the rows are copied into the partitions, in one transaction with the rest.
 */
export class PartitionAuditLog1795830000002 implements MigrationInterface {
  name = 'PartitionAuditLog1795830000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned"`);
    await q.query(`ALTER TABLE "audit_log_unpartitioned" RENAME CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" TO "PK_audit_log_unpartitioned"`);
    await q.query(`DROP INDEX "IDX_db239cd0c23936425a415bf057"`);
    await q.query(`DROP INDEX "IDX_audit_log_entity_id"`);
    await q.query(
      `CREATE TABLE "audit_log" (
        "organisation_id" uuid NOT NULL,
        "id" bigint NOT NULL DEFAULT nextval('audit_log_id_seq'),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "action" character varying(48) NOT NULL,
        "entity" character varying(48) NOT NULL,
        "entity_id" character varying(64) NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "reason" character varying(1000),
        "submission_id" uuid,
        "request_id" character varying(64),
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id", "at")
      ) PARTITION BY RANGE ("at")`,
    );
    await q.query(`ALTER SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id"`);
    await q.query(`CREATE INDEX "IDX_db239cd0c23936425a415bf057" ON "audit_log" ("organisation_id", "at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_entity_id" ON "audit_log" USING hash ("entity_id")`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "audit_log" TO levier_app`);
    await q.query(`ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON "audit_log" USING (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)
         WITH CHECK (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)`,
    );
    await q.query(`CREATE FUNCTION levier_ensure_audit_partition(year integer) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        name text := format('audit_log_y%s', year);
      BEGIN
        IF year < 1900 OR year > 9999 THEN
          RAISE EXCEPTION 'Année hors limites pour une partition du journal d''audit : %', year;
        END IF;
        IF to_regclass(format('public.%I', name)) IS NOT NULL THEN
          RETURN false;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('levier:audit_log:partitions', 0));
        IF to_regclass(format('public.%I', name)) IS NOT NULL THEN
          RETURN false;
        END IF;
        BEGIN
          EXECUTE format('CREATE TABLE public.%I PARTITION OF public.audit_log FOR VALUES FROM (%L) TO (%L)',
                         name, make_timestamptz(year, 1, 1, 0, 0, 0, 'UTC'), make_timestamptz(year + 1, 1, 1, 0, 0, 0, 'UTC'));
          EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', name);
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO levier_app', name);
          EXECUTE format($p$CREATE POLICY tenant_isolation ON public.%I
                            USING (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)
                            WITH CHECK (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)$p$, name);
        EXCEPTION WHEN duplicate_table THEN
          -- created by another process since the check (the advisory lock does not refresh this transaction's catalogue view)
          RETURN false;
        END;
        RETURN true;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION levier_ensure_audit_partition(integer) FROM PUBLIC`);
    await q.query(
      `SELECT levier_ensure_audit_partition(y)
         FROM generate_series(
                LEAST((SELECT extract(year FROM min("at") AT TIME ZONE 'UTC')::int FROM "audit_log_unpartitioned"), extract(year FROM now() AT TIME ZONE 'UTC')::int),
                extract(year FROM now() AT TIME ZONE 'UTC')::int + 1) AS y`,
    );
    await q.query(`INSERT INTO "audit_log" SELECT * FROM "audit_log_unpartitioned"`);
    await q.query(`DROP TABLE "audit_log_unpartitioned"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_log" RENAME TO "audit_log_partitioned"`);
    await q.query(`ALTER INDEX "IDX_db239cd0c23936425a415bf057" RENAME TO "IDX_audit_log_partitioned_org_at"`);
    await q.query(`ALTER INDEX "IDX_audit_log_entity_id" RENAME TO "IDX_audit_log_partitioned_entity_id"`);
    await q.query(
      `CREATE TABLE "audit_log" ("organisation_id" uuid NOT NULL, "id" bigint NOT NULL DEFAULT nextval('audit_log_id_seq'), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_id" uuid, "action" character varying(48) NOT NULL, "entity" character varying(48) NOT NULL, "entity_id" character varying(64) NOT NULL,
        "before" jsonb, "after" jsonb, "reason" character varying(1000), "submission_id" uuid, "request_id" character varying(64),
        CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO "audit_log" SELECT * FROM "audit_log_partitioned"`);
    await q.query(`ALTER SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id"`);
    await q.query(`DROP TABLE "audit_log_partitioned"`);
    await q.query(`DROP FUNCTION levier_ensure_audit_partition(integer)`);
    await q.query(`CREATE INDEX "IDX_db239cd0c23936425a415bf057" ON "audit_log" ("organisation_id", "at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_entity_id" ON "audit_log" USING hash ("entity_id")`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "audit_log" TO levier_app`);
    await q.query(`ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON "audit_log" USING (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)
         WITH CHECK (organisation_id = NULLIF(current_setting('levier.organisation_id', true), '')::uuid)`,
    );
  }
}
