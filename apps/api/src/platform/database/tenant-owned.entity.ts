import { Column, Index } from 'typeorm';
import { References } from './columns';

/**
 * Every tenant table carries its organisation: the key of scoping in queries and of the
 * row-level-security policies (a second wall under the application's own filters).
 * The foreign key names the `Organisation` entity (tenancy/organisation.entity.ts) by name, not by import:
 * platform/ knows no feature.
 */
export abstract class TenantOwned {
  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @References('Organisation', 'organisation_id', { onDelete: 'CASCADE' })
  organisation?: { id: string };
}
