/**
 * The demo tenants of docs/product-rules.md#interfaces and shared/fixtures/README.md: the CCAS de Valmont (the fixtures' target)
 * and the CCAS de Bellerive. Plain data; `seed-demo.command.ts` writes it.
 */
import type { Granularity, ServiceKind } from '../catalogue/service.entity';
import type { Role } from '../tenancy/role-assignment.entity';

export interface DemoOutcome {
  code: string;
  label: string;
  params: Record<string, unknown>;
  justification: string;
  evidence: string;
}
export interface DemoService {
  code: string;
  label: string;
  /** A code of the M57 functional nomenclature (`catalogue/m57-functions.ts`). */
  functionCode: string;
  kind: ServiceKind;
  granularity: Granularity;
  /** Shown on the dashboard beside the service's figures. */
  note: string;
  /** The assumptions of method 1 (conventions 1), under which 2023 was approved; method 2's are in `demo-methods.ts`. */
  outcomes: DemoOutcome[];
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
    // M57 4238 « Autres actions pour les personnes âgées » (4232 « Autres actions de prévention » is the conférence des financeurs' line)
    functionCode: '4238',
    kind: 'PREVENTION',
    granularity: 'month',
    note:
      'Service déficitaire assumé : le portage de repas est d’abord une prestation alimentaire, payée en majeure partie par les ' +
      'usagers. Les coûts évités chiffrés ici (passages aux urgences et hospitalisations après une chute ou une dénutrition repérée ' +
      'par le livreur) n’en couvrent qu’une faible part ; son intérêt (repérage de la fragilité, lien social, maintien à domicile) ' +
      'n’est pas valorisé en euros.',
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
    note:
      'Une entrée en EHPAD retardée économise surtout le prix d’hébergement payé par le résident (ménages, jamais compté en ' +
      'finances publiques) et le forfait soins de l’assurance maladie ; le Département paie l’APA à domicile qui remplace les ' +
      'journées d’EHPAD et la plus grande part du service : son solde est négatif. Voir « qui paie, qui économise ».',
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
    note: 'Placements évités constatés en synthèse, valorisés au coût moyen national d’une journée d’accueil à l’ASE (DREES, 2022) ; économie du Département.',
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
    note:
      'Économies pour l’État (nuitées d’hôtel du 115) et pour l’assurance maladie (journées d’hospitalisation psychiatrique, ' +
      'd’après l’essai « Un chez-soi d’abord ») ; le CCAS et le bailleur social portent une part du coût sans économie propre.',
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
 * Annual averages of the INSEE consumer price index excluding tobacco (« ensemble des ménages, hors tabac », base 2015 = 100),
 * by year, with where each value comes from (`DEMO_PRICE_INDEX_SOURCES`). 2023 and 2024 are the means of the published
 * monthly indices found; the other years are approximations for the demo, to be replaced with the INSEE series
 * (insee.fr, série « IPC ensemble hors tabac », moyenne annuelle) before any real use.
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
  // (113.86 + 115.06 + 115.92 + 116.61 + 116.54 + 116.75 + 116.81 + 118.00 + 117.37 + 117.54 + 117.33 + 117.45) / 12 = 116.603
  2023: '116.60',
  // (117.16 + 118.15 + 118.40 + 119.01 + 119.05 + 119.14 + 119.37 + 120.01 + 118.50 + 118.83 + 118.71 + 118.95) / 12 = 118.773
  2024: '118.77',
  2025: '119.8',
  2026: '121.0',
};

const APPROXIMATE = 'Valeur approchée pour la démonstration (IPC hors tabac, base 2015) : à remplacer par la moyenne annuelle publiée par l’Insee';

export const DEMO_PRICE_INDEX_SOURCES: Record<number, string> = {
  ...Object.fromEntries(Object.keys(DEMO_PRICE_INDEX).map((year) => [Number(year), APPROXIMATE])),
  2023:
    'Moyenne des indices mensuels hors tabac 2023 (Insee) : janvier à novembre relevés sur https://www.emargence.fr/indice-des-prix-a-la-consommation-annee-2023-15/ ; ' +
    'décembre estimé à 117,45 (+ 0,1 % sur le mois, estimation provisoire de l’Insee pour l’ensemble des ménages)',
  2024:
    'Moyenne des indices mensuels hors tabac 2024 (Insee) : janvier à septembre sur https://secvergnaud.com/index.php/les-infos-du-jour/indice-des-prix-a-la-consommation-annee-2024-3, ' +
    'octobre sur http://avocats-normandie.fr/chiffres/prix_consommation%202.html ; novembre (− 0,1 %) et décembre (+ 0,2 %) estimés d’après les variations publiées',
  2025: 'Estimation provisoire pour la démonstration (2024 + 0,9 %) : à remplacer par la moyenne annuelle publiée par l’Insee',
  2026: 'Projection pour la démonstration (année en cours) : à remplacer par la moyenne annuelle publiée par l’Insee',
};
