import { sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';

/** Value of redeployments = Σ FTE-days × dailyCost. */
export const redeploymentValue = (items: readonly { fteDays: Decimal; dailyCost: Decimal }[]): Decimal =>
  sumDecimals(items.map(({ fteDays, dailyCost }) => fteDays.times(dailyCost)));
