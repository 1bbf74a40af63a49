/**
 * French reference unit costs shipped with Levier (SPEC §11), each with its published source and price year.
 * They are defaults: every organisation can edit them, and the label always says where a figure comes from.
 * Payer splits are indicative (soins / dépendance / hébergement for EHPAD) and meant to be reviewed locally.
 */
export interface ReferenceUnitCost {
  code: string;
  label: string;
  unit: string;
  amount: string;
  priceYear: number;
  payers: Record<string, string>;
  cashableShare: string;
  grade: number | null;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string | null;
}

export const REFERENCE_UNIT_COSTS: readonly ReferenceUnitCost[] = [
  {
    code: 'PASSAGE_URGENCES',
    label: 'Passage aux urgences (sans hospitalisation)',
    unit: 'passage',
    amount: '161.50',
    priceYear: 2011,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.3',
    grade: 2,
    sourceTitle: 'Les urgences hospitalières : une fréquentation croissante, une évolution nécessaire (2,5 Md€ pour 15,48 M de passages)',
    sourcePublisher: 'Cour des comptes, rapport sur la sécurité sociale 2014',
    sourceUrl: null,
  },
  {
    code: 'SEJOUR_MCO',
    label: 'Séjour hospitalier MCO, secteur public',
    unit: 'séjour',
    amount: '2115',
    priceYear: 2012,
    payers: { ASSURANCE_MALADIE: '0.92', USAGER: '0.08' },
    cashableShare: '0.3',
    grade: 2,
    sourceTitle: 'Étude nationale de coûts à méthodologie commune (ENC) MCO, coût moyen d’un séjour',
    sourcePublisher: 'ATIH',
    sourceUrl: null,
  },
  {
    code: 'JOURNEE_EHPAD',
    label: 'Journée en EHPAD, coût total tous financeurs (37 043 €/an)',
    unit: 'jour',
    amount: '101',
    priceYear: 2013,
    payers: { ASSURANCE_MALADIE: '0.30', DEPARTEMENT: '0.15', USAGER: '0.55' },
    cashableShare: '0.5',
    grade: 2,
    sourceTitle: 'Étude nationale de coûts en EHPAD (coût total annuel d’une place : 37 043 €)',
    sourcePublisher: 'ATIH',
    sourceUrl: null,
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2022',
    label: 'Heure d’aide à domicile, tarif plancher national 2022',
    unit: 'heure',
    amount: '22',
    priceYear: 2022,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    grade: 1,
    sourceTitle: 'Tarif minimal national de l’aide à domicile (APA, PCH), loi de financement de la sécurité sociale pour 2022',
    sourcePublisher: 'Légifrance',
    sourceUrl: null,
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2023',
    label: 'Heure d’aide à domicile, tarif plancher national 2023',
    unit: 'heure',
    amount: '23',
    priceYear: 2023,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    grade: 1,
    sourceTitle: 'Tarif minimal national de l’aide à domicile revalorisé au 1er janvier 2023',
    sourcePublisher: 'Légifrance',
    sourceUrl: null,
  },
  {
    code: 'PLACE_SSIAD',
    label: 'Place de SSIAD, coût annuel',
    unit: 'place-année',
    amount: '10500',
    priceYear: 2010,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.5',
    grade: 3,
    sourceTitle: 'Coût moyen annuel d’une place de service de soins infirmiers à domicile',
    sourcePublisher: 'CNSA',
    sourceUrl: null,
  },
  {
    code: 'JOURNEE_ASE_MECS',
    label: 'Journée de placement ASE en MECS',
    unit: 'jour',
    amount: '147.07',
    priceYear: 2018,
    payers: { DEPARTEMENT: '1' },
    cashableShare: '0.6',
    grade: 3,
    sourceTitle: 'Rapport d’observations définitives sur la protection de l’enfance (prix de journée moyen en maison d’enfants à caractère social)',
    sourcePublisher: 'Chambre régionale des comptes',
    sourceUrl: null,
  },
  {
    code: 'JOURNEE_ASE_FAMILLE_ACCUEIL',
    label: 'Journée de placement ASE en famille d’accueil',
    unit: 'jour',
    amount: '72.04',
    priceYear: 2018,
    payers: { DEPARTEMENT: '1' },
    cashableShare: '0.6',
    grade: 3,
    sourceTitle: 'Rapport d’observations définitives sur la protection de l’enfance (coût journalier en famille d’accueil)',
    sourcePublisher: 'Chambre régionale des comptes',
    sourceUrl: null,
  },
];
