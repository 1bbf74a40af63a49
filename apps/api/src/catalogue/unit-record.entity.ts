import { Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from './org-unit.entity';

/**
 * A record that people of one unit write and that is read by the unit's subtree (an initiative, a saved simulation):
 * scoped like the rest, the organisation then the subtree of the reader's roles; who wrote it and when.
 */
export abstract class UnitRecord extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The unit it belongs to: who may read and write it. */
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  /** Who wrote it (null once the user is deleted). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
