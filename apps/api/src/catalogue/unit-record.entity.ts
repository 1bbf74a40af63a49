import { PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from './org-unit.entity';
import { UuidColumn, CreatedAtColumn, UpdatedAtColumn, References } from '../platform/database/columns';

/**
 * A record that people of one unit write and that is read by the unit's subtree (an initiative, a saved simulation):
 * scoped like the rest, the organisation then the subtree of the reader's roles; who wrote it and when.
 */
export abstract class UnitRecord extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The unit it belongs to: who may read and write it. */
  @UuidColumn()
  orgUnitId: string;

  @References(() => OrgUnit, 'org_unit_id', { onDelete: 'CASCADE' })
  orgUnit?: Relation<OrgUnit>;

  /** Who wrote it (null once the user is deleted). */
  @UuidColumn({ nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
