import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';

/**
 * A saved lever simulation (« Investir dans les bons leviers », issue 18): a name, a scope (an org unit and an inclusive
 * period range) and its levers as JSON (decimals as strings). Only the question is stored: every read recomputes it on
 * the current data and method. Scoped like the rest: the organisation, then the subtree of the reader's roles.
 */
@Entity('simulation')
@Index(['organisationId', 'createdAt'])
export class Simulation extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  /** Period code `YYYY`, `YYYY-Qn` or `YYYY-MM`; null: every period. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  fromPeriod: string | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  toPeriod: string | null;

  /** The levers as `parseLevers` reads them back (`leverToJson`). */
  @Column({ type: 'jsonb' })
  levers: Record<string, string>[];

  /** Who saved it (null once the user is deleted). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
