import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../../platform/database/decimal.transformer';

/** `numerator / denominator × factor` over metric references, e.g. `#{spend} / #{meals}`. */
@Entity('custom_indicator')
@Index(['organisationId', 'code'], { unique: true })
export class CustomIndicator extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'varchar', length: 2000 })
  numerator: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  denominator: string | null;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  factor: Decimal | null;
}
