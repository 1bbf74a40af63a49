import { sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';

/** FTE-days of a redeployment = workingDays × quotite. */
export const fteDays = ({ workingDays, quotite }: { workingDays: Decimal; quotite: Decimal }): Decimal => workingDays.times(quotite);

/** FTE-years = FTE-days / working days per FTE (228 by default). */
export const fteYears = ({ fteDays, workingDaysPerFte }: { fteDays: Decimal; workingDaysPerFte: Decimal }): Decimal => fteDays.dividedBy(workingDaysPerFte);

/** Σ FTE-days over redeployments. */
export const totalFteDays = (redeployments: readonly { workingDays: Decimal; quotite: Decimal }[]): Decimal => sumDecimals(redeployments.map(fteDays));
