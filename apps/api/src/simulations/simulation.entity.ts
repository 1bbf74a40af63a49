import { Column, Entity, Index } from 'typeorm';
import { UnitRecord } from '../catalogue/unit-record.entity';
import { VarcharColumn } from '../platform/database/columns';

/**
 * A saved lever simulation (« Investir dans les bons leviers », issue 18): a name, a scope (an org unit and an inclusive
 * period range) and its levers as JSON (decimals as strings). Only the question is stored: every read recomputes it on
 * the current data and method. Scoped like the rest: the organisation, then the subtree of the reader's roles.
 */
@Entity('simulation')
@Index(['organisationId', 'createdAt'])
export class Simulation extends UnitRecord {
  @VarcharColumn(200)
  name: string;

  /** Period code `YYYY`, `YYYY-Qn` or `YYYY-MM`; null: every period. */
  @VarcharColumn(7, { nullable: true })
  fromPeriod: string | null;

  @VarcharColumn(7, { nullable: true })
  toPeriod: string | null;

  /** The levers as `parseLevers` reads them back (`leverToJson`). */
  @Column({ type: 'jsonb' })
  levers: Record<string, string>[];
}
