import { sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';

/** In-kind value = Σ days × quantity × dailyValue. */
export const inKindValue = (loans: readonly { days: Decimal; quantity: Decimal; dailyValue: Decimal }[]): Decimal =>
  sumDecimals(loans.map(({ days, quantity, dailyValue }) => days.times(quantity).times(dailyValue)));
