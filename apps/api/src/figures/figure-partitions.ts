/** What the helpers below need of a DataSource or an EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Partition name of a year: `figure_y2024` (holds '2024', '2024-01' … '2024-12', '2024-Q1' … '2024-Q4'). */
export const figurePartitionName = (year: number): string => `figure_y${year}`;

/** The distinct years of some periods (`YYYY`, `YYYY-MM`, `YYYY-Qn`: the year is their first four digits), sorted. */
export const yearsOfPeriods = (periods: Iterable<string>): number[] => {
  const years = new Set<number>();
  for (const period of periods) years.add(Number(period.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
};

/**
 * Creates the missing yearly partitions of `figure` (SQL function of migration 1795870000000: idempotent, serialised by
 * an advisory lock, attaches under SHARE UPDATE EXCLUSIVE so reads and writes of figure go on). Returns those created.
 */
export const ensureFigurePartitions = async (db: Queryable, years: readonly number[]): Promise<number[]> => {
  if (years.length === 0) return [];
  const rows = (await db.query(`SELECT y AS year, levier_ensure_figure_partition(y) AS created FROM unnest($1::int[]) AS y ORDER BY y`, [years])) as {
    year: number;
    created: boolean;
  }[];
  return rows.filter((r) => r.created).map((r) => r.year);
};

/**
 * The years whose partition this process knows to exist, so that a write of known years costs nothing. A miss first
 * looks in the catalogue through the writer's own transaction (`to_regclass`, no lock): after a restart the existing
 * years are found there. Only a year that really has no partition is created, by {@link ensureFigurePartitions} on a
 * connection of its own (`dataSource`, autocommit), never in the writer's transaction: the partition is committed at
 * once, so a rollback of the import cannot take it away behind the cache, and two imports bringing the same new year do
 * not wait for each other's commit.
 */
export class FigurePartitionCache {
  private readonly known = new Set<number>();

  constructor(private readonly dataSource: Queryable) {}

  async ensure(em: Queryable, periods: Iterable<string>): Promise<void> {
    const unknown = yearsOfPeriods(periods).filter((year) => !this.known.has(year));
    if (unknown.length === 0) return;
    const missing = (
      (await em.query(`SELECT y AS year FROM unnest($1::int[]) AS y WHERE to_regclass(format('public.figure_y%s', y)) IS NULL ORDER BY y`, [unknown])) as {
        year: number;
      }[]
    ).map((r) => r.year);
    if (missing.length > 0) await ensureFigurePartitions(this.dataSource, missing);
    for (const year of unknown) this.known.add(year);
  }
}

export interface FigurePartitionRow {
  name: string;
  bounds: string;
  rows: number;
  bytes: number;
}

/** The attached partitions of `figure` in year order, with their estimated rows and size (heap, indexes, TOAST). */
export const listFigurePartitions = async (db: Queryable): Promise<FigurePartitionRow[]> =>
  (
    (await db.query(
      `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds, GREATEST(c.reltuples, 0)::bigint::text AS rows,
              pg_total_relation_size(c.oid)::text AS bytes
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'public.figure'::regclass ORDER BY c.relname`,
    )) as { name: string; bounds: string; rows: string; bytes: string }[]
  ).map((r) => ({ name: r.name, bounds: r.bounds, rows: Number(r.rows), bytes: Number(r.bytes) }));
