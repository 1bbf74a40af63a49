/**
 * The demo tenants of SPEC §12 and shared/fixtures/README.md: the CCAS de Valmont (the fixtures' target)
 * and the CCAS de Bellerive. Plain data; `seed-demo.command.ts` writes it.
 */
import type { Granularity, ServiceKind } from '../catalogue/service.entity';
import type { Role } from '../tenancy/role-assignment.entity';

export interface DemoService {
  code: string;
  label: string;
  functionCode: string;
  kind: ServiceKind;
  granularity: Granularity;
  outcomes: { code: string; label: string; params: Record<string, unknown>; justification: string; evidence: string }[];
}
export interface DemoTenant {
  name: string;
  siren: string;
  headcount: number;
  root: { code: string; name: string };
  leaves: { code: string; name: string }[];
  services: DemoService[];
  users: { email: string; displayName: string; role: Role; orgUnit: string | null }[];
}

export const DEMO_PASSWORD = 'levier-demo';

export const DEMO_METRICS = [
  { code: 'spend', label: 'Dépenses', unit: '€', integer: false, minValue: '0', system: true },
  { code: 'beneficiaries', label: 'Bénéficiaires', unit: 'personnes', integer: true, minValue: '0', system: true },
  { code: 'person_months', label: 'Mois-personnes d’accompagnement', unit: 'mois-personnes', integer: false, minValue: '0', system: true },
  { code: 'hours', label: 'Heures d’intervention', unit: 'heures', integer: false, minValue: '0', system: false },
  { code: 'meals', label: 'Repas livrés', unit: 'repas', integer: true, minValue: '0', system: false },
  { code: 'observed.placement_evite', label: 'Placements évités constatés', unit: 'placements', integer: true, minValue: '0', system: true },
  { code: 'observed.nuitee_hotel_evitee', label: 'Nuitées d’hôtel évitées constatées', unit: 'nuitées', integer: true, minValue: '0', system: true },
] as const;

const VALMONT_SERVICES: DemoService[] = [
  {
    code: 'PORTAGE_REPAS',
    label: 'Portage de repas à domicile',
    functionCode: '4232',
    kind: 'PREVENTION',
    granularity: 'month',
    outcomes: [
      {
        code: 'CHUTE_GRAVE',
        label: 'Chute grave ou dénutrition menant à l’hôpital',
        params: {
          mode: 'counterfactual',
          rateWithout: '0.12',
          rateWith: { low: '0.10', central: '0.09', high: '0.08' },
          engagement: '0.90',
          attribution: '0.30',
          unitCost: [
            { code: 'SEJOUR_MCO', share: '0.30' },
            { code: 'PASSAGE_URGENCES', share: '0.70' },
          ],
          grade: 3,
        },
        justification:
          'Le passage quotidien du livreur repère les chutes et la dénutrition ; taux issus de la littérature gériatrique, à confirmer localement.',
        evidence: 'Hypothèse de démonstration (grade 3 : étude comparative non randomisée).',
      },
    ],
  },
  {
    code: 'SAAD',
    label: 'Aide à domicile renforcée (SAAD)',
    functionCode: '423',
    kind: 'PREVENTION',
    granularity: 'month',
    outcomes: [
      {
        code: 'ENTREE_EHPAD',
        label: 'Entrée en EHPAD retardée',
        params: {
          mode: 'counterfactual',
          rateWithout: '0.30',
          rateWith: { low: '0.16', central: '0.12', high: '0.10' },
          attribution: '0.20',
          quantityPerEvent: '182.5',
          unitCost: 'JOURNEE_EHPAD',
          grade: 3,
          durationYears: 3,
          dropOff: '0.20',
        },
        justification: 'Un accompagnement renforcé retarde en moyenne de six mois l’entrée en établissement (182,5 jours par entrée évitée).',
        evidence: 'Hypothèse de démonstration inspirée des évaluations du maintien à domicile.',
      },
    ],
  },
  {
    code: 'AED',
    label: 'Aide éducative à domicile (AED)',
    functionCode: '4213',
    kind: 'PREVENTION',
    granularity: 'month',
    outcomes: [
      {
        code: 'placement_evite',
        label: 'Placement d’enfant évité',
        params: {
          mode: 'observed',
          deadweight: '0.30',
          attribution: '0.20',
          quantityPerEvent: '365',
          unitCost: [
            { code: 'JOURNEE_ASE_MECS', share: '0.5' },
            { code: 'JOURNEE_ASE_FAMILLE_ACCUEIL', share: '0.5' },
          ],
          grade: 4,
        },
        justification: 'Placements évités constatés par les travailleurs sociaux en synthèse ; un an de placement évité par situation.',
        evidence: 'Comptage du service (grade 4 : constat sans groupe témoin).',
      },
    ],
  },
  {
    code: 'LOGEMENT_DABORD',
    label: 'Logement d’abord : accompagnement vers et dans le logement',
    functionCode: '424',
    kind: 'SUPPORT',
    granularity: 'quarter',
    outcomes: [
      {
        code: 'nuitee_hotel_evitee',
        label: 'Nuitée d’hôtel d’urgence évitée',
        params: { mode: 'observed', deadweight: '0.25', attribution: '0.10', unitCost: 'NUITEE_HOTEL_URGENCE', grade: 3 },
        justification: 'Nuitées d’hébergement d’urgence à l’hôtel qui auraient été financées sans relogement.',
        evidence: 'Comptage du service.',
      },
    ],
  },
];

export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    name: 'CCAS de Valmont',
    siren: '261700001',
    headcount: 200,
    root: { code: 'VALMONT', name: 'CCAS de Valmont' },
    leaves: [
      { code: 'VALMONT-NORD', name: 'Antenne Valmont Nord' },
      { code: 'VALMONT-SUD', name: 'Antenne Valmont Sud' },
    ],
    services: VALMONT_SERVICES,
    users: [
      { email: 'admin@valmont.demo', displayName: 'Administratrice méthodologie (démo)', role: 'admin', orgUnit: null },
      { email: 'finance@valmont.demo', displayName: 'Direction financière (démo)', role: 'finance', orgUnit: null },
      { email: 'directeur@valmont.demo', displayName: 'Direction du CCAS (démo)', role: 'director', orgUnit: null },
      { email: 'lecteur@valmont.demo', displayName: 'Élu·e lecteur (démo)', role: 'viewer', orgUnit: null },
    ],
  },
  {
    name: 'CCAS de Bellerive',
    siren: '261700002',
    headcount: 80,
    root: { code: 'BELLERIVE', name: 'CCAS de Bellerive' },
    leaves: [{ code: 'BELLERIVE-CENTRE', name: 'Antenne Bellerive Centre' }],
    services: VALMONT_SERVICES.filter((s) => s.code === 'PORTAGE_REPAS' || s.code === 'SAAD'),
    users: [{ email: 'directeur@bellerive.demo', displayName: 'Direction du CCAS de Bellerive (démo)', role: 'director', orgUnit: null }],
  },
];

/**
 * Approximate annual averages of the consumer price index excluding tobacco (base 2015 = 100), for the demo
 * only: check and replace them with the published INSEE series before any real use.
 */
export const DEMO_PRICE_INDEX: Record<number, string> = {
  2010: '94.6',
  2011: '96.6',
  2012: '98.5',
  2013: '99.4',
  2014: '99.9',
  2015: '100',
  2016: '100.2',
  2017: '101.2',
  2018: '103.0',
  2019: '104.0',
  2020: '104.5',
  2021: '106.2',
  2022: '111.7',
  2023: '117.2',
  2024: '119.5',
};
