import { Column, Entity, Index, JoinTable, ManyToMany, Relation } from 'typeorm';
import { CodedRecord } from './coded-record.entity';
import { OrgUnit } from './org-unit.entity';
import { VarcharColumn } from '../platform/database/columns';

export const SERVICE_KINDS = ['PREVENTION', 'SUPPORT', 'CURATIVE'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A service run by org units (portage de repas, SAAD renforcé, AED…), with its M57 function. */
@Entity('service')
@Index(['organisationId', 'code'], { unique: true })
export class Service extends CodedRecord {
  /** M57 function code, e.g. 423 personnes âgées, 4213 aide sociale à l'enfance. */
  @VarcharColumn(8)
  functionCode: string;

  @VarcharColumn(16)
  kind: ServiceKind;

  /** Entry period type of the service's figures. */
  @VarcharColumn(8, { default: 'month' })
  granularity: Granularity;

  /** What a reader must know to read the service's figures (shown on the dashboard), e.g. why it stays in deficit. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @ManyToMany(() => OrgUnit)
  @JoinTable({ name: 'service_org_unit', joinColumn: { name: 'service_id' }, inverseJoinColumn: { name: 'org_unit_id' } })
  orgUnits?: Relation<OrgUnit[]>;
}
