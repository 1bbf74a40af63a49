import type { DataSource } from 'typeorm';
import { FIGURE_BATCH } from '../apps/api/src/audit/figure-audit';

/** Bytes on disk of one table: its heap and TOAST, and each of its indexes (partitions included, for a partitioned table). */
interface TableBytes {
  table: string;
  rows: number;
  heapBytes: number;
  indexBytes: number;
  indexes: Record<string, number>;
}

/** `bytesPerFigure`: what one imported figure costs on disk, all in, with its breakdown (issue 17, item 5). */
export interface StorageMeasure {
  bytesPerFigure: number;
  figures: number;
  breakdown: {
    /** `figure`: row (heap + TOAST) and its indexes, per figure in the database. */
    figureRow: number;
    figureIndexes: number;
    /** `figure_coverage`: the distinct (unit, service, period) the months of a scope read, per figure in the database. */
    figureCoverage: number;
    /**
     * `audit_log`: bytes per audit entry (heap + TOAST + indexes over the entries: a figure batch row counts for each
     * figure it created, audit/figure-audit.ts), times the entries an import writes per figure (1: its creation).
     */
    auditRow: number;
    auditRowsPerImportedFigure: number;
    auditPerFigure: number;
    /** The read model (`indicator_value`, `custom_indicator_value` and their freshness tables, `reallocation_value`), per figure in the database. */
    readModelShare: number;
  };
  tables: TableBytes[];
}

const READ_MODEL = ['indicator_value', 'indicator_freshness', 'custom_indicator_value', 'custom_indicator_freshness', 'reallocation_value'];

/** Every relation of a table: itself and, if partitioned, its partitions (pg_partition_tree lists nothing for a plain table). */
const tableBytes = async (ds: DataSource, table: string): Promise<TableBytes> => {
  const [{ rows }] = (await ds.query(`SELECT count(*)::bigint AS rows FROM "${table}"`)) as { rows: string }[];
  const [{ heap }] = (await ds.query(
    `SELECT coalesce(sum(pg_table_size(c.oid)), 0)::bigint AS heap
       FROM pg_class c WHERE c.oid IN (SELECT $1::regclass UNION SELECT relid FROM pg_partition_tree($1::regclass))`,
    [table],
  )) as { heap: string }[];
  const indexRows = (await ds.query(
    `SELECT coalesce(pi.inhparent::regclass::text, i.indexrelid::regclass::text) AS name, sum(pg_relation_size(i.indexrelid))::bigint AS bytes
       FROM pg_index i
       LEFT JOIN pg_inherits pi ON pi.inhrelid = i.indexrelid
      WHERE i.indrelid IN (SELECT $1::regclass UNION SELECT relid FROM pg_partition_tree($1::regclass))
      GROUP BY 1 ORDER BY 1`,
    [table],
  )) as { name: string; bytes: string }[];
  const indexes = Object.fromEntries(indexRows.map((r) => [r.name, Number(r.bytes)]));
  return { table, rows: Number(rows), heapBytes: Number(heap), indexBytes: Object.values(indexes).reduce((a, b) => a + b, 0), indexes };
};

/**
 * Measured after the run, on the bench database as the run left it (seeded tenant, imported tenant, copied tenant):
 * the figure table and the read model divided by every figure in the database (as issue 17 measured ≈ 350 + 340 bytes
 * at M), the audit log by its entries, times the entries the import wrote per imported figure (≈ 1).
 */
export const measureStorage = async (ds: DataSource, importerId: string): Promise<StorageMeasure> => {
  await ds.query('VACUUM ANALYZE figure, audit_log');
  const figure = await tableBytes(ds, 'figure');
  const coverage = await tableBytes(ds, 'figure_coverage');
  const audit = await tableBytes(ds, 'audit_log');
  const readModel = await Promise.all(READ_MODEL.map((t) => tableBytes(ds, t)));
  const entries = `CASE WHEN entity = '${FIGURE_BATCH}' THEN (before->>'count')::bigint ELSE 1 END`;
  const [{ imported, audited, auditEntries }] = (await ds.query(
    `SELECT (SELECT count(*) FROM figure WHERE organisation_id = $1)::bigint AS imported,
            (SELECT coalesce(sum(${entries}), 0) FROM audit_log WHERE organisation_id = $1 AND entity IN ('figure', '${FIGURE_BATCH}'))::bigint AS audited,
            (SELECT coalesce(sum(${entries}), 0) FROM audit_log)::bigint AS "auditEntries"`,
    [importerId],
  )) as { imported: string; audited: string; auditEntries: string }[];
  const figures = figure.rows;
  const per = (bytes: number, count: number): number => (count === 0 ? 0 : bytes / count);
  const auditRow = per(audit.heapBytes + audit.indexBytes, Number(auditEntries));
  const auditRowsPerImportedFigure = per(Number(audited), Number(imported));
  const breakdown = {
    figureRow: per(figure.heapBytes, figures),
    figureIndexes: per(figure.indexBytes, figures),
    figureCoverage: per(coverage.heapBytes + coverage.indexBytes, figures),
    auditRow,
    auditRowsPerImportedFigure,
    auditPerFigure: auditRow * auditRowsPerImportedFigure,
    readModelShare: per(
      readModel.reduce((sum, t) => sum + t.heapBytes + t.indexBytes, 0),
      figures,
    ),
  };
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    bytesPerFigure: Math.round(breakdown.figureRow + breakdown.figureIndexes + breakdown.figureCoverage + breakdown.auditPerFigure + breakdown.readModelShare),
    figures,
    breakdown: Object.fromEntries(
      Object.entries(breakdown).map(([k, v]) => [k, k === 'auditRowsPerImportedFigure' ? Number(v.toFixed(3)) : round(v)]),
    ) as StorageMeasure['breakdown'],
    tables: [figure, coverage, audit, ...readModel],
  };
};
