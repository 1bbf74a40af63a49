import { MigrationInterface, QueryRunner } from 'typeorm';

const addFunction = (orderBy: string): string => `
  CREATE OR REPLACE FUNCTION levier_figure_coverage_add() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  BEGIN
    INSERT INTO figure_coverage (organisation_id, org_unit_id, service_id, period)
    SELECT DISTINCT n.organisation_id, n.org_unit_id, n.service_id, n.period FROM new_rows n${orderBy}
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $fn$`;

/**
 * The keys of `figure_coverage` an insert adds are inserted in key order. Writes of different figures of one
 * (unit, service, period) may now run side by side (the series and figure locks of figure-locks.ts: two files of an
 * export cut inside a series); both add the same coverage keys, and a key one of them added waits for its commit
 * (ON CONFLICT on an uncommitted key). In one order, the second waits for the first; in the hash order of DISTINCT, two
 * such statements could each hold a key the other needs and deadlock.
 */
export class FigureCoverageInKeyOrder1795890000000 implements MigrationInterface {
  name = 'FigureCoverageInKeyOrder1795890000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(addFunction('\n    ORDER BY 1, 2, 3, 4'));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(addFunction(''));
  }
}
