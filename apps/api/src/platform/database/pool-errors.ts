import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';

/**
 * A pooled connection that PostgreSQL drops (restart, terminated backend) emits an `error`; with no listener Node
 * ends the process. Here it is logged instead: the pool discards the client and the next query opens a new one.
 */
@Injectable()
export class PoolErrors implements OnApplicationBootstrap {
  private readonly logger = new Logger('PostgreSQL');

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const driver = this.dataSource.driver as unknown as { master?: Pool; slaves?: Pool[] };
    const log = (err: Error) => this.logger.warn(`Connexion PostgreSQL perdue : ${err.message}`);
    // the primary's pool and, with DATABASE_REPLICA_URLS, each replica's
    for (const pool of [driver.master, ...(driver.slaves ?? [])]) {
      if (!pool) continue;
      pool.on('error', log);
      pool.on('connect', (client: PoolClient) => client.on('error', log));
    }
  }
}
