import type { Granularity } from './figure-file.types';

/** What an import is checked against: the tenant's org units, services and metrics, by code. */
export interface FigureCatalogue {
  /**
   * Every org unit of the tenant; figures are entered at leaves only, a parent unit is an error. `writable: false`
   * marks a unit outside the submitter's write scope (their finance or admin roles' subtrees); absent means writable.
   */
  orgUnits: ReadonlyMap<string, { leaf: boolean; writable?: boolean; label?: string }>;
  services: ReadonlyMap<string, CatalogueService>;
  metrics: ReadonlyMap<string, CatalogueMetric>;
}

export interface CatalogueService {
  /** Its French label: a file may name the service by it (accent- and case-insensitive). */
  label?: string;
  /** The service's entry period type: a figure of another granularity is an error. */
  granularity: Granularity;
  /** Codes of the leaf units that run the service. */
  orgUnits: ReadonlySet<string>;
  /** When given, the only metrics a figure of this service may carry (e.g. its `observed.*` outcomes). */
  metrics?: ReadonlySet<string>;
}

export interface CatalogueMetric {
  label?: string;
  /** Its unit in words (« € », « personnes »): money is formatted by it, never by the label. */
  unit?: string;
  /** Inclusive bounds, decimal strings. */
  min?: string;
  max?: string;
  integer: boolean;
}
