import { BudgetYear } from './budget-year.entity';

export interface BudgetYearResponse {
  id: string;
  year: number;
  section: string;
  realExpenditure: string;
  source: string | null;
  comment: string | null;
}

export const toBudgetYearResponse = (b: BudgetYear): BudgetYearResponse => ({
  id: b.id,
  year: b.year,
  section: b.section,
  realExpenditure: b.realExpenditure.toFixed(),
  source: b.source,
  comment: b.comment,
});
