import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { auditPartitionName, ensureAuditPartitions, yearsAhead } from '../audit/audit-partitions';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

export const AUDIT_PARTITIONS_USAGE =
  'levier audit:partitions             crée les partitions manquantes (cette année et la suivante) et liste les partitions du journal d’audit\n' +
  'levier audit:detach --year AAAA     détache la partition d’une année passée (table audit_log_yAAAA, à archiver puis supprimer)';

interface PartitionRow {
  name: string;
  rows: string;
  bytes: string;
}

const listPartitions = async (ds: DataSource): Promise<PartitionRow[]> =>
  (await ds.query(
    `SELECT c.relname AS name, c.reltuples::bigint::text AS rows, pg_total_relation_size(c.oid)::text AS bytes
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'public.audit_log'::regclass ORDER BY c.relname`,
  )) as PartitionRow[];

/**
 * `levier audit:partitions` and `levier audit:detach --year YYYY`: the yearly partitions of the audit log. Detaching a
 * past year leaves its rows in a plain table `audit_log_yYYYY` (same columns, same row-level security), out of every
 * query of the application, ready for `pg_dump -t audit_log_yYYYY` and `DROP TABLE`. This year and later years are
 * refused: their rows are still being written.
 */
export const runAuditPartitions = async (config: AppConfig, command: 'partitions' | 'detach', argv: string[], io: Io, now = new Date()): Promise<number> => {
  const i = argv.indexOf('--year');
  const year = i >= 0 ? Number(argv[i + 1]) : Number.NaN;
  if (command === 'detach' && !(Number.isInteger(year) && year >= 1900 && year < now.getUTCFullYear())) {
    io.stderr(`--year doit être une année passée (avant ${now.getUTCFullYear()}).\n\n${AUDIT_PARTITIONS_USAGE}`);
    return 2;
  }
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-audit-partitions', poolSize: 1 })).initialize();
  try {
    if (command === 'partitions') {
      const created = await ensureAuditPartitions(ds, yearsAhead(now));
      if (created.length > 0) io.stdout(`Créées : ${created.map(auditPartitionName).join(', ')}`);
      const rows = await listPartitions(ds);
      io.stdout(rows.map((r) => `${r.name} : environ ${Number(r.rows) < 0 ? 0 : Number(r.rows)} lignes, ${Math.round(Number(r.bytes) / 1024)} Kio`).join('\n'));
      return 0;
    }
    const name = auditPartitionName(year);
    if (!(await listPartitions(ds)).some((r) => r.name === name)) {
      io.stderr(`Aucune partition ${name} attachée au journal d’audit.`);
      return 2;
    }
    await ds.query(`ALTER TABLE public.audit_log DETACH PARTITION public.${name}`);
    io.stdout(`Partition ${name} détachée : ses lignes ne sont plus lues par Levier. Archivez-la (pg_dump -t ${name}) puis supprimez-la (DROP TABLE ${name}).`);
    return 0;
  } finally {
    await ds.destroy();
  }
};
