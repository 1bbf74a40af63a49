import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How often each process makes sure the partitions of this year and the next exist. */
export const AUDIT_PARTITIONS_EVERY_MS = 24 * 3600 * 1000;

/** Partition name of a year: `audit_log_y2026`. */
export const auditPartitionName = (year: number): string => `audit_log_y${year}`;

/** The years whose partition must exist at `now`: this year and the next (UTC), so the turn of a year never waits on a job. */
export const yearsAhead = (now: Date): number[] => [now.getUTCFullYear(), now.getUTCFullYear() + 1];

/** Creates the missing partitions of `years` (SQL function of migration 1795830000002: idempotent, advisory-locked). Returns those created. */
export const ensureAuditPartitions = async (ds: Pick<DataSource, 'query'>, years: readonly number[]): Promise<number[]> => {
  const created: number[] = [];
  for (const year of years) {
    const [{ created: made }] = (await ds.query(`SELECT levier_ensure_audit_partition($1) AS created`, [year])) as { created: boolean }[];
    if (made) created.push(year);
  }
  return created;
};

/**
 * Keeps the yearly partitions of `audit_log` ahead of time in every API and worker process: at start, then once a day.
 * Any number of processes may do it at once (the SQL function takes an advisory lock and checks again). A failure is
 * logged, never thrown: this year's partition already exists (the migration creates up to next year), so a missed run
 * has a year to be noticed.
 */
@Injectable()
export class AuditPartitions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditPartitions.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => void this.run(), AUDIT_PARTITIONS_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    try {
      const created = await ensureAuditPartitions(this.dataSource, yearsAhead(new Date()));
      if (created.length > 0) this.logger.log(`Partitions du journal d’audit créées : ${created.map(auditPartitionName).join(', ')}`);
    } catch (err) {
      this.logger.error(`Partitions du journal d’audit non vérifiées : ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
