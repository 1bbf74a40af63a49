import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Organisation } from './organisation.entity';
import { UuidColumn, VarcharColumn, CreatedAtColumn, TimestampColumn, References } from '../platform/database/columns';

/** A person who logs in. Staff appear elsewhere only as pseudonymous references, never as users' names. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @VarcharColumn(254)
  email: string;

  @VarcharColumn(200)
  displayName: string;

  @VarcharColumn(255)
  passwordHash: string;

  @Index()
  @UuidColumn()
  organisationId: string;

  @References(() => Organisation, 'organisation_id', { onDelete: 'CASCADE' })
  organisation?: Relation<Organisation>;

  /** Demo accounts only work when the process runs in demo mode. */
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** SHA-256 of a pending password-reset token; the token itself only travels in the email. */
  @VarcharColumn(64, { nullable: true })
  resetTokenHash: string | null;

  @TimestampColumn({ nullable: true })
  resetTokenExpiresAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
