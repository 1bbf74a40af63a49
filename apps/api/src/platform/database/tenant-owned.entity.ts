import { Column, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { Organisation } from '../../tenancy/organisation.entity';

/**
 * Every tenant table carries its organisation: the key of scoping in queries and of the
 * row-level-security policies (a second wall under the application's own filters).
 */
export abstract class TenantOwned {
  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;
}
