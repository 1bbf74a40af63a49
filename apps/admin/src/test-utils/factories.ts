/** Test data with overrides (CONVENTIONS § Tests). */
import type { IndicatorSeries, IndicatorSummary, SeriesItem } from '@levier/contracts';
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

/** A conventions-2 summary, shaped like the demo's 2024 (households pay part of the EHPAD day and of the services). */
export const summaryConventions2Factory = (overrides: Partial<IndicatorSummary> = {}): IndicatorSummary =>
  summaryFactory({
    conventions: 2,
    methodologyVersion: { id: 'm2', version: 2, label: 'Méthode 2', effectiveFrom: '2024-01-01', conventions: 2 },
    eventsNet: null,
    grossSavings: '1539410.12',
    cost: '1673272.00',
    netSavings: '-133861.88',
    offsetRatio: '0.920000',
    costPerEventAvoided: null,
    byPayer: { ASSURANCE_MALADIE: '620000.00', DEPARTEMENT: '227325.45', USAGER: '692084.67' },
    publicSavings: '847325.45',
    publicCost: '1425000.00',
    publicNetSavings: '-577674.55',
    publicOffsetRatio: '0.594614',
    costByPayer: { COMMUNE_CCAS: '900000.00', DEPARTEMENT: '525000.00', USAGER: '248272.00' },
    ledger: {
      ASSURANCE_MALADIE: { avoided: '620000.00', cost: '0.00', net: '620000.00' },
      DEPARTEMENT: { avoided: '227325.45', cost: '525000.00', net: '-297674.55' },
      COMMUNE_CCAS: { avoided: '0.00', cost: '900000.00', net: '-900000.00' },
      USAGER: { avoided: '692084.67', cost: '248272.00', net: '443812.67' },
    },
    eventsByOutcome: { NUITEE_HOTEL: '732.000000', ENTREE_EHPAD: '12.058275', PLACEMENT_ASE: '2.460000' },
    outcomeLabels: { NUITEE_HOTEL: 'Nuitée d’hôtel évitée', ENTREE_EHPAD: 'Entrée en EHPAD retardée', PLACEMENT_ASE: 'Placement d’enfant évité' },
    sensitivity: [{ parameter: 'unitCost.JOURNEE_EHPAD', label: 'Prix de journée en EHPAD', low: '-700000.00', high: '-450000.00', swing: '250000.00' }],
    ranges: {
      low: { grossSavings: '1300000', publicSavings: '700000', cost: '1673272.00', publicCost: '1425000.00' },
      high: { grossSavings: '1800000', publicSavings: '1020000', cost: '1673272.00', publicCost: '1425000.00' },
    },
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
