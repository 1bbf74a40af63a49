import { d, Decimal, ONE, ZERO } from '../money/decimal';

/** Default optimism-bias table by evidence grade (GMCA cost-benefit analysis guidance, HM Treasury Green Book practice). */
export const DEFAULT_OPTIMISM_BIAS: Readonly<Record<number, Decimal>> = {
  1: d('0'),
  2: d('0.05'),
  3: d('0.10'),
  4: d('0.15'),
  5: d('0.25'),
  6: d('0.40'),
};

/** The reduction for a grade; no grade means no reduction. The grade is validated against the table at parse time. */
export const optimismBiasFor = ({ grade, table }: { grade: number | null; table: Readonly<Record<number, Decimal>> }): Decimal => {
  if (grade === null) return ZERO;
  const reduction = table[grade];
  if (reduction === undefined) throw new Error(`grade ${grade} absent de la table de biais d'optimisme`);
  return reduction;
};

/** value_year0 = value_gross × (1 − optimismBias[grade]). */
export const applyOptimismBias = ({ valueGross, optimismBias }: { valueGross: Decimal; optimismBias: Decimal }): Decimal =>
  valueGross.times(ONE.minus(optimismBias));
