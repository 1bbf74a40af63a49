import { Decimal, sumDecimals } from '@levier/indicators';

/** Where the real expenditure of the fongibilité rate comes from: the voted budget, the services' spend, or both (several years). */
export type RealExpenditureSource = 'budget' | 'spend-proxy' | 'mixed';

export interface RealExpenditure {
  amount: Decimal;
  source: RealExpenditureSource;
  /** Years taken from a `budget_year` record. */
  budgetYears: string[];
  /** Years without a budget record, whose base is Σ `spend` figures of the services (a proxy that overstates the rate). */
  proxyYears: string[];
}

/**
 * Real expenditure of some years = Σ per year of the voted budget's real operating expenditure when recorded, otherwise
 * of the year's `spend` figures (proxy). A year with neither is left out; null when no year has either.
 */
export const realExpenditureOf = ({
  years,
  budgets,
  spend,
}: {
  years: readonly string[];
  budgets: ReadonlyMap<string, Decimal>;
  spend: ReadonlyMap<string, Decimal>;
}): RealExpenditure | null => {
  const sorted = [...new Set(years)].sort();
  const budgetYears = sorted.filter((y) => budgets.has(y));
  const proxyYears = sorted.filter((y) => !budgets.has(y) && spend.has(y));
  if (budgetYears.length === 0 && proxyYears.length === 0) return null;
  const amount = sumDecimals([...budgetYears.map((y) => budgets.get(y)!), ...proxyYears.map((y) => spend.get(y)!)]);
  const source: RealExpenditureSource = proxyYears.length === 0 ? 'budget' : budgetYears.length === 0 ? 'spend-proxy' : 'mixed';
  return { amount, source, budgetYears, proxyYears };
};

const list = (years: readonly string[]): string => years.join(', ');

/** The French sentence that says which base the fongibilité rate used (shown by « comment est-ce calculé ? »). */
export const realExpenditureNote = (expenditure: RealExpenditure): string => {
  const rate = 'Taux de fongibilité = volume des virements de fongibilité autorisés / dépenses réelles de fonctionnement';
  const proxy = `faute de budget voté pour ${list(expenditure.proxyYears)}, base : dépenses des services saisies (somme des chiffres « spend »), qui surestime le taux ; saisissez le budget voté (menu Budgets votés)`;
  switch (expenditure.source) {
    case 'budget':
      return `${rate} du budget voté (${list(expenditure.budgetYears)}).`;
    case 'spend-proxy':
      return `${rate} ; ${proxy}.`;
    case 'mixed':
      return `${rate} : budget voté pour ${list(expenditure.budgetYears)} ; ${proxy}.`;
  }
};
