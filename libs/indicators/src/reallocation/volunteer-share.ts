import { divideOrNull } from '../money/arithmetic';
import { Decimal } from '../money/decimal';

/** Volunteer share = volunteer FTE-days / FTE-days; null when there are no FTE-days. */
export const volunteerShare = ({ volunteerFteDays, fteDays }: { volunteerFteDays: Decimal; fteDays: Decimal }): Decimal | null =>
  divideOrNull({ numerator: volunteerFteDays, denominator: fteDays });
