import { BudgetYear } from './budget-year.entity';
import type { Integer } from '@levier/contracts';

export interface BudgetYearResponse {
  id: string;
  year: Integer;
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
