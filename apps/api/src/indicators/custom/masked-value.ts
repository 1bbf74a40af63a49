import type { UnitScope } from '../shared/read-scope';
import type { SecrecyScope } from '../shared/statistical-secrecy';

/** The three numbers of a custom indicator that rest on the scope's figures (the cell counts do not). */
interface CustomNumbers {
  numerator: string | null;
  denominator: string | null;
  value: string | null;
}

/** A custom value as a caller may read it: numerator, denominator and value null when the scope is masked. */
export const maskCustomValue = <T extends CustomNumbers>(value: T, masked: boolean): T =>
  masked ? { ...value, numerator: null, denominator: null, value: null } : value;

/** The statistical-secrecy scope of a custom-indicator scope: same unit, leaves and dates as the savings summary. */
export const secrecyScopeOf = (organisationId: string, scope: Pick<UnitScope, 'orgUnit' | 'leafIds' | 'start' | 'end'>): SecrecyScope => ({
  organisationId,
  orgUnitId: scope.orgUnit.id,
  leafIds: scope.leafIds,
  start: scope.start,
  end: scope.end,
});
