import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { UuidColumn, VarcharColumn, CreatedAtColumn } from '../platform/database/columns';

/**
 * The method in force from a date: parameters (base year, discount rate and convention, optimism-bias
 * table) and a frozen snapshot of the unit costs, price indices and outcome assumptions it used.
 */
@Entity('methodology_version')
@Index(['organisationId', 'version'], { unique: true })
export class MethodologyVersion extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  version: number;

  @VarcharColumn(200)
  label: string;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  parameters: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @UuidColumn({ nullable: true })
  publishedBy: string | null;

  @CreatedAtColumn()
  publishedAt: Date;
}
