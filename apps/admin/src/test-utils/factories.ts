/** Test data with overrides (CONVENTIONS § Tests). */
import type { IndicatorSeries, IndicatorSummary, SeriesItem } from '../dashboard/indicators.types';
import type { SessionUser } from '../auth/auth.types';

export const summaryFactory = (overrides: Partial<IndicatorSummary> = {}): IndicatorSummary => ({
  eventsNet: '12.5',
  grossSavings: '1234567.89',
  cost: '500000',
  netSavings: '734567.89',
  offsetRatio: '2.469135',
  costPerEventAvoided: '40000',
  paybackYears: '0.4',
  byPayer: { ASSURANCE_MALADIE: '800000', DEPARTEMENT: '434567.89' },
  cashable: '300000',
  nonCashable: '934567.89',
  ranges: {
    low: { grossSavings: '1000000', cost: '500000', netSavings: '500000', offsetRatio: '2' },
    high: { grossSavings: '1500000', cost: '500000', netSavings: '1000000', offsetRatio: '3' },
  },
  methodologyVersion: '2026.1',
  computedAt: '2026-02-01T10:00:00Z',
  ...overrides,
});

export const seriesItemFactory = (overrides: Partial<SeriesItem> = {}): SeriesItem => ({
  key: '2025-01',
  grossSavings: '100000',
  cost: '40000',
  netSavings: '60000',
  offsetRatio: '2.5',
  ...overrides,
});

export const seriesFactory = (
  items: SeriesItem[] = [seriesItemFactory(), seriesItemFactory({ key: '2025-02', grossSavings: '120000.5' })],
): IndicatorSeries => ({
  groupBy: 'period',
  items,
});

export const userFactory = (overrides: Partial<SessionUser> = {}): SessionUser => ({
  id: 'u1',
  email: 'directeur@valmont.demo',
  displayName: 'Claire Directrice',
  organisation: { id: 'o1', name: 'CCAS de Valmont' },
  roles: [{ role: 'director', orgUnit: null }],
  ...overrides,
});
