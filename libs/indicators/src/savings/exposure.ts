import { Decimal, ZERO } from '../money/decimal';

/**
 * exposure (person-years) = person_months / 12; without person_months, beneficiaries × months in the period / 12;
 * neither figure → 0 (a missing figure counts as 0 in the engine; completeness is reported elsewhere).
 */
export const exposurePersonYears = ({
  personMonths,
  beneficiaries,
  monthsInPeriod,
}: {
  personMonths: Decimal | null;
  beneficiaries: Decimal | null;
  monthsInPeriod: number;
}): Decimal => {
  if (personMonths !== null) return personMonths.dividedBy(12);
  if (beneficiaries !== null) return beneficiaries.times(monthsInPeriod).dividedBy(12);
  return ZERO;
};
