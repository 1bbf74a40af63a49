import { MigrationInterface, QueryRunner } from 'typeorm';

const PAYERS = ['ASSURANCE_MALADIE', 'DEPARTEMENT', 'COMMUNE_CCAS', 'ETAT', 'CAF', 'USAGER', 'AUTRE'];
const SCENARIOS = ['central', 'low', 'high'];
const VECTORS = ['events_net', 'gross_savings', 'cashable', 'non_cashable'];

/**
 * One read-model row per (unit, service or all, period, basis) holding the three range cases as `numeric[]` vectors
 * (central, low, high), payers as 7 amounts per scenario (PAYER_ORDER, NULL = no share) and the streams scenario-major,
 * instead of one row per range case with jsonb maps: a full recompute writes a third of the rows and no JSON.
 * Existing rows (current and frozen "as reported") are converted both ways.
 */
export class PackScenariosInReadModel1795675200000 implements MigrationInterface {
  name = 'PackScenariosInReadModel1795675200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEMP TABLE "indicator_value_v1" ON COMMIT DROP AS SELECT * FROM "indicator_value"`);
    await q.query(`DELETE FROM "indicator_value"`);
    await q.query(`DROP INDEX "public"."IDX_0d9d6014488dd5265417a665fa"`);
    await q.query(`ALTER TABLE "indicator_value" DROP COLUMN "scenario"`);
    for (const column of [...VECTORS, 'by_payer', 'stream']) {
      await q.query(`ALTER TABLE "indicator_value" DROP COLUMN "${column}"`);
      await q.query(`ALTER TABLE "indicator_value" ADD "${column}" numeric array NOT NULL`);
    }
    const pick = (expr: string, scenario: string) => `(array_agg(${expr}) FILTER (WHERE "scenario" = '${scenario}'))[1]`;
    await q.query(
      `INSERT INTO "indicator_value" ("organisation_id", "org_unit_id", "service_id", "period", "period_start", "period_end", "basis", "methodology_version_id",
                                      ${VECTORS.map((c) => `"${c}"`).join(', ')}, "by_payer", "stream", "cost", "spend", "beneficiaries", "computed_at", "data_as_of")
       SELECT "organisation_id", "org_unit_id", "service_id", "period", min("period_start"), min("period_end"), "basis", ${pick('"methodology_version_id"', 'central')},
              ${VECTORS.map((c) => `ARRAY[${SCENARIOS.map((s) => pick(`"${c}"`, s)).join(', ')}]`).join(', ')},
              ARRAY[${SCENARIOS.flatMap((s) => PAYERS.map((p) => `${pick(`("by_payer"->>'${p}')::numeric`, s)}`)).join(', ')}],
              ${SCENARIOS.map((s) => `ARRAY(SELECT x::numeric FROM jsonb_array_elements_text(${pick('"stream"', s)}) WITH ORDINALITY t(x, k) ORDER BY k)`).join(' || ')},
              ${pick('"cost"', 'central')}, ${pick('"spend"', 'central')}, ${pick('"beneficiaries"', 'central')}, max("computed_at"), max("data_as_of")
         FROM "indicator_value_v1"
        GROUP BY "organisation_id", "org_unit_id", "service_id", "period", "basis"`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_b1e6866334d5fd983e12b78f67" ON "indicator_value" ("org_unit_id", "service_id", "period", "basis") `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEMP TABLE "indicator_value_v2" ON COMMIT DROP AS SELECT * FROM "indicator_value"`);
    await q.query(`DELETE FROM "indicator_value"`);
    await q.query(`DROP INDEX "public"."IDX_b1e6866334d5fd983e12b78f67"`);
    await q.query(`ALTER TABLE "indicator_value" ADD "scenario" character varying(8) NOT NULL`);
    for (const column of VECTORS) {
      await q.query(`ALTER TABLE "indicator_value" DROP COLUMN "${column}"`);
      await q.query(`ALTER TABLE "indicator_value" ADD "${column}" numeric NOT NULL`);
    }
    for (const column of ['by_payer', 'stream']) {
      await q.query(`ALTER TABLE "indicator_value" DROP COLUMN "${column}"`);
      await q.query(`ALTER TABLE "indicator_value" ADD "${column}" jsonb NOT NULL`);
    }
    await q.query(
      `INSERT INTO "indicator_value" ("organisation_id", "org_unit_id", "service_id", "period", "period_start", "period_end", "scenario", "basis", "methodology_version_id",
                                      ${VECTORS.map((c) => `"${c}"`).join(', ')}, "by_payer", "stream", "cost", "spend", "beneficiaries", "computed_at", "data_as_of")
       SELECT v."organisation_id", v."org_unit_id", v."service_id", v."period", v."period_start", v."period_end", sc.name, v."basis", v."methodology_version_id",
              ${VECTORS.map((c) => `v."${c}"[sc.i]`).join(', ')},
              COALESCE((SELECT jsonb_object_agg(p.code, v."by_payer"[(sc.i - 1) * 7 + p.ord]::text)
                          FROM unnest($1::text[]) WITH ORDINALITY p(code, ord) WHERE v."by_payer"[(sc.i - 1) * 7 + p.ord] IS NOT NULL), '{}'::jsonb),
              COALESCE((SELECT jsonb_agg(x::text ORDER BY k)
                          FROM unnest(v."stream"[(sc.i - 1) * (cardinality(v."stream") / 3) + 1 : sc.i * (cardinality(v."stream") / 3)]) WITH ORDINALITY s(x, k)), '[]'::jsonb),
              v."cost", v."spend", v."beneficiaries", v."computed_at", v."data_as_of"
         FROM "indicator_value_v2" v CROSS JOIN (VALUES (1, 'central'), (2, 'low'), (3, 'high')) sc(i, name)`,
      [PAYERS],
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_0d9d6014488dd5265417a665fa" ON "indicator_value" USING btree ("org_unit_id", "service_id", "period", "scenario", "basis") `,
    );
  }
}
