import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { figurePartitionName, yearsOfPeriods } from './figure-partitions';

export interface AnalyzeThresholds {
  /** A partition is analysed once this many rows changed since its last ANALYZE… */
  minChangedRows: number;
  /** …and at least this share of its rows (autovacuum's own default is 10 %). */
  changedShare: number;
}

export const ANALYZE_THRESHOLDS: AnalyzeThresholds = { minChangedRows: 100_000, changedShare: 0.02 };

export interface PartitionChanges {
  name: string;
  /** Rows inserted, updated or deleted since the partition's last ANALYZE (pg_stat_user_tables.n_mod_since_analyze). */
  changed: number;
  /** The partition's rows as its last ANALYZE or VACUUM counted them (pg_class.reltuples; 0 when never counted). */
  rows: number;
}

/** Whether a partition's statistics are stale enough to analyse it now. */
export const needsAnalyze = (p: PartitionChanges, t: AnalyzeThresholds = ANALYZE_THRESHOLDS): boolean =>
  p.changed > 0 && p.changed >= Math.max(t.minChangedRows, t.changedShare * Math.max(p.rows, 0));

/**
 * Keeps the planner's statistics of `figure` up with bulk imports. The reads of a tenant's figures are planned from
 * the share of the tenant's rows that ANALYZE last saw in each yearly partition: an organisation whose figures arrive
 * faster than autovacuum analyses (a national import of 100 000-row files; autovacuum waits for 10 % of a partition to
 * change and vacuums before it analyses) is planned as if it still had none, and each file then read every figure the
 * earlier files wrote (scale L, docs/scaling.md). After an import commits, the worker analyses the partitions of its
 * years that changed by more than ANALYZE_THRESHOLDS (100 000 rows and 2 % of the partition) since their last ANALYZE: a
 * sample of 30 000 rows, about a second, at most once per 2 % of a partition.
 *
 * Runs on the service's own connection (the tables' owner: ANALYZE is refused to the tenant role, which only warns),
 * outside any tenant transaction; a service connected as another user has no refresh, and its worker logs it once
 * (analysePermitted). Two workers finishing imports at once do not analyse the same partition twice: each
 * takes a transaction-level advisory lock without waiting and skips a partition another is analysing.
 */
@Injectable()
export class FigureStatistics {
  private readonly logger = new Logger(FigureStatistics.name);
  private permitted: Promise<boolean> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** The partitions of these periods' years whose statistics are stale, analysed. Returns their names. */
  async refreshAfterWrite(periods: Iterable<string>, thresholds: AnalyzeThresholds = ANALYZE_THRESHOLDS): Promise<string[]> {
    const names = yearsOfPeriods(periods).map(figurePartitionName);
    if (names.length === 0 || !(await this.analysePermitted())) return [];
    const stale = (await this.changesOf(names)).filter((p) => needsAnalyze(p, thresholds)).map((p) => p.name);
    const analysed: string[] = [];
    for (const name of stale) {
      const started = Date.now();
      const done = await this.dataSource.transaction(async (em) => {
        const [{ locked }] = (await em.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('levier:analyze|' || $1, 0)) AS locked`, [name])) as {
          locked: boolean;
        }[];
        if (!locked) return false;
        // the name comes from figurePartitionName (figure_y + digits), never from input
        await em.query(`ANALYZE public."${name}"`);
        return true;
      });
      if (done) {
        analysed.push(name);
        this.logger.log(`Statistiques de ${name} recalculées après un import (${Date.now() - started} ms).`);
      }
    }
    return analysed;
  }

  /**
   * Whether the service's database user may analyse `figure` (PostgreSQL 15: its owner or a member of the owner's role,
   * the database's owner, or a superuser). Asked once per process; when it may not, the refresh is off and the worker
   * says so once, in its log, instead of PostgreSQL skipping every ANALYZE with a warning nobody reads.
   */
  analysePermitted(): Promise<boolean> {
    this.permitted ??= this.dataSource
      .query(
        `SELECT pg_has_role(current_user, c.relowner, 'MEMBER')
                OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS permitted,
                current_user AS "user", pg_get_userbyid(c.relowner) AS owner
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          WHERE c.relname = 'figure'`,
      )
      .then(([row]: { permitted: boolean; user: string; owner: string }[]) => {
        if (!row.permitted) {
          this.logger.warn(
            `Statistiques de figure non recalculées après les imports : l’utilisateur « ${row.user} » de la base n’est pas propriétaire de la table ` +
              `(propriétaire : « ${row.owner} »), PostgreSQL lui refuse ANALYZE. Seul l’autovacuum les tiendra à jour, tard pour un gros import : ` +
              `connectez le service avec l’utilisateur qui a appliqué les migrations (docs/scaling.md).`,
          );
        }
        return row.permitted;
      })
      .catch((err: unknown) => {
        this.permitted = undefined; // asked again next time
        throw err;
      });
    return this.permitted;
  }

  /** Changes since the last ANALYZE of those of these partitions that exist. */
  async changesOf(names: readonly string[]): Promise<PartitionChanges[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.relname AS name, COALESCE(s.n_mod_since_analyze, 0)::bigint::text AS changed, GREATEST(c.reltuples, 0)::bigint::text AS rows
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relname = ANY($1::text[])
        ORDER BY c.relname`,
      [names],
    )) as { name: string; changed: string; rows: string }[];
    return rows.map((r) => ({ name: r.name, changed: Number(r.changed), rows: Number(r.rows) }));
  }
}
