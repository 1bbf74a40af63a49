import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTriggers, ensurePartitionFunction, TRIGGERS } from './1795870000000-PartitionFigure';

/** The two statement triggers an INSERT on a partition no longer fires: FigureWriter does their work itself. */
const INSERT_TRIGGERS = ['figure_references_insert', 'figure_coverage_insert'];
const PARTITION_TRIGGERS = TRIGGERS.filter((t) => !INSERT_TRIGGERS.includes(t.name));

/** The attached partitions of `figure`, by name. */
const partitionsOf = async (q: QueryRunner): Promise<string[]> =>
  (
    (await q.query(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'public.figure'::regclass`)) as {
      name: string;
    }[]
  ).map((r) => r.name);

/**
 * FigureWriter's inserts check their references and add their coverage themselves, set-based on the few distinct keys
 * it already knows, instead of through the statement triggers of migrations 1795840000001 and 1795860000000 (issue 17,
 * item 5: import of M under 60 s). Those triggers made PostgreSQL keep every inserted row a second time in a
 * transition table, then hash it twice for its distinct keys: measured on the writer's insert statement (576 000 rows,
 * alternate runs), −16 % without the references trigger, −12 % without the coverage trigger.
 *
 * - `levier_figure_check_keys(organisation, units, services, metrics)` does what `levier_figure_check_references` does
 *   for a statement, from the distinct ids the writer passes: locks them `FOR KEY SHARE` (a concurrent delete waits,
 *   then sees the figures) and refuses, with `foreign_key_violation`, an id missing or of another organisation.
 *   SECURITY DEFINER like the trigger function (it sees the rows whatever the row-level security, and locks need no
 *   UPDATE grant).
 * - `levier_app` may insert into `figure_coverage` (row-level security keeps it to its tenant): the writer adds its
 *   chunk's keys in key order, in the insert statement itself.
 * - The writer inserts into the year's partition (`figure_y2024`); a statement on a partition does not fire the
 *   parent's statement triggers, and partitions no longer carry the two INSERT ones. Every other statement is guarded
 *   as before: INSERT, UPDATE or DELETE on `figure` (the API's edits, hands, tests), UPDATE or DELETE on a partition.
 *   Naming a partition in an INSERT is the writer's alone (figure-writer.ts), which checks what the triggers checked.
 */
export class FigureWriterChecksItsInserts1795900000000 implements MigrationInterface {
  name = 'FigureWriterChecksItsInserts1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION levier_figure_check_keys(org uuid, units uuid[], services uuid[], metrics uuid[]) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      DECLARE
        bad text;
      BEGIN
        PERFORM 1 FROM organisation o WHERE o.id = org FOR KEY SHARE;
        PERFORM 1 FROM org_unit u WHERE u.id = ANY(units) FOR KEY SHARE;
        PERFORM 1 FROM service s WHERE s.id = ANY(services) FOR KEY SHARE;
        PERFORM 1 FROM metric m WHERE m.id = ANY(metrics) FOR KEY SHARE;
        SELECT k.what INTO bad FROM (
          SELECT 'organisation ' || coalesce(org::text, 'null') AS what WHERE org IS NULL OR NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = org)
          UNION ALL
          SELECT 'org unit ' || coalesce(x::text, 'null') FROM unnest(units) AS x
           WHERE NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = x AND u.organisation_id = org)
          UNION ALL
          SELECT 'service ' || coalesce(x::text, 'null') FROM unnest(services) AS x
           WHERE NOT EXISTS (SELECT 1 FROM service s WHERE s.id = x AND s.organisation_id = org)
          UNION ALL
          SELECT 'metric ' || coalesce(x::text, 'null') FROM unnest(metrics) AS x
           WHERE NOT EXISTS (SELECT 1 FROM metric m WHERE m.id = x AND m.organisation_id = org)
        ) k LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert on table "figure" violates its references (organisation %: %)', org, bad
            USING ERRCODE = 'foreign_key_violation', TABLE = 'figure';
        END IF;
      END
      $fn$`);
    await q.query(`REVOKE ALL ON FUNCTION levier_figure_check_keys(uuid, uuid[], uuid[], uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION levier_figure_check_keys(uuid, uuid[], uuid[], uuid[]) TO levier_app`);
    await q.query(`GRANT INSERT ON "figure_coverage" TO levier_app`);
    await q.query(ensurePartitionFunction(PARTITION_TRIGGERS));
    for (const partition of await partitionsOf(q)) {
      for (const trigger of INSERT_TRIGGERS) await q.query(`DROP TRIGGER ${trigger} ON "${partition}"`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const insertTriggers = TRIGGERS.filter((t) => INSERT_TRIGGERS.includes(t.name));
    for (const partition of await partitionsOf(q)) {
      for (const sql of createTriggers(`"${partition}"`, insertTriggers)) await q.query(sql);
    }
    await q.query(ensurePartitionFunction(TRIGGERS));
    await q.query(`REVOKE INSERT ON "figure_coverage" FROM levier_app`);
    await q.query(`DROP FUNCTION levier_figure_check_keys(uuid, uuid[], uuid[], uuid[])`);
  }
}
