import { PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { VarcharColumn } from '../platform/database/columns';

/**
 * A tenant's record that people name by a code and a French label: a service, a unit cost, an outcome assumption, a
 * staffing need. The code is unique where its entity says (an index on each entity: in the organisation, or in the
 * service for an outcome); the label is what every screen and document shows.
 */
export abstract class CodedRecord extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  code: string;

  @VarcharColumn(200)
  label: string;
}
