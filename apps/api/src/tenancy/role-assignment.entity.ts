import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { User } from './user.entity';

export const ROLES = ['admin', 'finance', 'director', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A role of a user in an organisation, over an org-unit subtree (null = the whole organisation). */
@Entity('role_assignment')
@Index(['userId', 'organisationId', 'orgUnitId', 'role'], { unique: true })
export class RoleAssignment extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit> | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;
}
