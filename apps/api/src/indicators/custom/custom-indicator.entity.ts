import Decimal from 'decimal.js';
import { Entity, Index } from 'typeorm';
import { CodedRecord } from '../../catalogue/coded-record.entity';
import { DecimalColumn, VarcharColumn } from '../../platform/database/columns';

/** `numerator / denominator × factor` over metric references, e.g. `#{spend} / #{meals}`. */
@Entity('custom_indicator')
@Index(['organisationId', 'code'], { unique: true })
export class CustomIndicator extends CodedRecord {
  @VarcharColumn(32)
  unit: string;

  @VarcharColumn(2000)
  numerator: string;

  @VarcharColumn(2000, { nullable: true })
  denominator: string | null;

  @DecimalColumn({ nullable: true })
  factor: Decimal | null;
}
