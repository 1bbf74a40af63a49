import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';

/** A node of an organisation's tree (Département → direction territoriale → CCAS → antenne). */
@Entity('org_unit')
@Index(['organisationId', 'code'], { unique: true })
export class OrgUnit extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgUnit> | null;
}
