import type { Basis } from '@levier/contracts';

/** The dashboard scope, kept in the URL. Empty org unit = the whole organisation; empty service = all. */
export interface Scope {
  orgUnit: string;
  from: string;
  to: string;
  service?: string;
  basis?: Basis;
}
