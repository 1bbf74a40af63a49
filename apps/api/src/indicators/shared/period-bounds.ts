import { monthsOf } from '@levier/indicators';

/** First and last calendar day (`YYYY-MM-DD`) of a period code `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const periodBounds = (period: string): { start: string; end: string } => {
  const months = monthsOf(period);
  const [lastYear, lastMonth] = months[months.length - 1].split('-').map(Number);
  const lastDay = new Date(Date.UTC(lastYear, lastMonth, 0)).getUTCDate();
  return { start: `${months[0]}-01`, end: `${months[months.length - 1]}-${String(lastDay).padStart(2, '0')}` };
};
