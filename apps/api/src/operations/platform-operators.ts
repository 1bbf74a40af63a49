import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What an instance operator may do on the queue dashboard: look, and, with `mayRetry`, retry failed jobs. */
export interface OperatorRights {
  readonly mayRetry: boolean;
}

/**
 * Instance operators (table `platform_operator`), read on the owner connection like the live session: the table is
 * not a tenant's and `levier_app` cannot read it. Granted from the command line only (`levier operator:grant`).
 */
@Injectable()
export class PlatformOperators {
  constructor(private readonly dataSource: DataSource) {}

  async rightsOf(userId: string): Promise<OperatorRights | null> {
    const rows: { may_retry: boolean }[] = await this.dataSource.query(`SELECT may_retry FROM platform_operator WHERE user_id = $1`, [userId]);
    const row = rows[0];
    return row === undefined ? null : { mayRetry: row.may_retry };
  }
}
