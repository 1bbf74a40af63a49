import { Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from './user.entity';
import { UuidColumn, VarcharColumn, CreatedAtColumn, TimestampColumn, References } from '../platform/database/columns';

/**
 * A rotating refresh token. Tokens of one login share a family; presenting a token that was
 * already rotated revokes the whole family (theft detection).
 */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @UuidColumn()
  userId: string;

  @References(() => User, 'user_id', { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @Index()
  @UuidColumn()
  familyId: string;

  /** SHA-256 of the token; the token itself is never stored. */
  @Index({ unique: true })
  @VarcharColumn(64)
  tokenHash: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  rotatedAt: Date | null;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
