import { Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { User } from './user.entity';
import { UuidColumn, VarcharColumn, References } from '../platform/database/columns';

export const ROLES = ['admin', 'finance', 'director', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role of a user in an organisation, over an org-unit subtree (null = the whole organisation). */
@Entity('role_assignment')
@Index(['userId', 'organisationId', 'orgUnitId', 'role'], { unique: true })
export class RoleAssignment extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @UuidColumn()
  userId: string;

  @References(() => User, 'user_id', { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @UuidColumn({ nullable: true })
  orgUnitId: string | null;

  @References(() => OrgUnit, 'org_unit_id', { onDelete: 'CASCADE', nullable: true })
  orgUnit?: Relation<OrgUnit> | null;

  @VarcharColumn(16)
  role: Role;
}
