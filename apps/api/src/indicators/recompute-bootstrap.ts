import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobProducer } from '../platform/queue/job-producer';
import { jobId } from '../platform/queue/job-map';

/**
 * At worker start, every organisation whose read model is still empty (a fresh install, a new tenant, a seed)
 * gets a full recompute job, so the dashboard never waits for a first edit.
 */
@Injectable()
export class RecomputeBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecomputeBootstrap.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM indicator_value v WHERE v.organisation_id = o.id)`,
    );
    for (const { id } of rows)
      await this.jobs.enqueue('indicators', 'recompute', { organisationId: id, periods: [] }, { jobId: jobId('recompute', id, 'all') });
    if (rows.length > 0) this.logger.log(`Calcul initial des indicateurs demandé pour ${rows.length} organisation(s)`);
  }
}
