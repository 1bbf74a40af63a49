import { Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { UuidColumn, VarcharColumn, References } from '../platform/database/columns';

/** A node of an organisation's tree (Département → direction territoriale → CCAS → antenne). */
@Entity('org_unit')
@Index(['organisationId', 'code'], { unique: true })
export class OrgUnit extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  code: string;

  @VarcharColumn(200)
  name: string;

  @Index()
  @UuidColumn({ nullable: true })
  parentId: string | null;

  @References(() => OrgUnit, 'parent_id', { onDelete: 'RESTRICT', nullable: true })
  parent?: Relation<OrgUnit> | null;
}
