import type { CatalogueService, FigureCatalogue } from '../../apps/api/src/figures/parsing/figure-catalogue.types';

/**
 * Test-only: the demo tenant of `shared/fixtures/README.md` (CCAS de Valmont), as a catalogue.
 * VALMONT is the parent of the two antennes VALMONT-NORD and VALMONT-SUD, where figures are entered.
 */
const LEAVES = new Set(['VALMONT-NORD', 'VALMONT-SUD']);
const COMMON_METRICS = ['spend', 'beneficiaries', 'person_months', 'hours', 'meals'];

const service = (granularity: CatalogueService['granularity'], outcomes: string[] = []): CatalogueService => ({
  granularity,
  orgUnits: LEAVES,
  metrics: new Set([...COMMON_METRICS, ...outcomes]),
});

export const demoCatalogue = (): FigureCatalogue => ({
  orgUnits: new Map([
    ['VALMONT', { leaf: false }],
    ['VALMONT-NORD', { leaf: true }],
    ['VALMONT-SUD', { leaf: true }],
  ]),
  services: new Map([
    ['PORTAGE_REPAS', service('month')],
    ['SAAD', service('month')],
    ['AED', service('month', ['observed.placement_evite'])],
    ['LOGEMENT_DABORD', service('quarter', ['observed.nuitee_hotel_evitee'])],
  ]),
  metrics: new Map([
    ['spend', { min: '0', integer: false }],
    ['beneficiaries', { min: '0', integer: true }],
    ['person_months', { min: '0', integer: false }],
    ['hours', { min: '0', integer: false }],
    ['meals', { min: '0', integer: true }],
    ['observed.placement_evite', { min: '0', integer: false }],
    ['observed.nuitee_hotel_evitee', { min: '0', integer: false }],
  ]),
});
