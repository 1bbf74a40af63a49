import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecomputeRequests } from '../platform/queue/recompute-requests';

const RETRY_MS = 5000;

/**
 * At worker start, every organisation whose read model is still empty (a fresh install, a new tenant, a seed)
 * gets a full recompute job, so the dashboard never waits for a first edit. A database hiccup at start must not
 * stop the worker: the check is tried again every few seconds until it succeeds.
 */
@Injectable()
export class RecomputeBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecomputeBootstrap.name);
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recompute: RecomputeRequests,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.attempt();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private async attempt(): Promise<void> {
    try {
      await this.requestMissing();
    } catch (err) {
      if (this.stopped) return;
      this.logger.warn(
        `Recherche des calculs initiaux impossible, nouvel essai dans ${RETRY_MS / 1000} s : ${err instanceof Error ? err.message : String(err)}`,
      );
      this.retry = setTimeout(() => void this.attempt(), RETRY_MS);
      this.retry.unref();
    }
  }

  private async requestMissing(): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM indicator_value v WHERE v.organisation_id = o.id)`,
    );
    for (const { id } of rows) await this.recompute.initial(id);
    if (rows.length > 0) this.logger.log(`Calcul initial des indicateurs demandé pour ${rows.length} organisation(s)`);
  }
}
