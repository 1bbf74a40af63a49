/**
 * The demo's method history (issue 20): method 1 (conventions 1, in force from 2023, under which 2023 was approved)
 * and method 2 (conventions 2, « finances publiques d’abord », in force from 2024, the current one), with the reviewed
 * outcome assumptions of method 2 and the substitution unit cost they need. Plain data; `seed-demo.ts` writes it.
 *
 * Method 1 keeps the assumptions of `demo-tenants.ts` as they were (they are its published numbers). Method 2 replaces
 * them per service: every justification says why, every evidence text names its sources (the reference library's URLs).
 */
import { REFERENCE_UNIT_COSTS, ReferenceUnitCost, UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS } from '../methodology/reference-unit-costs';
import { DEMO_TENANTS, type DemoOutcome } from './demo-tenants';

export interface DemoMethod {
  version: number;
  label: string;
  effectiveFrom: string;
  parameters: { conventions: 1 | 2; baseYear: number; discountRate: string; discountConvention: 0 | 1 };
}

export const DEMO_METHOD_1: DemoMethod = {
  version: 1,
  label: 'Méthode 1 (conventions 1)',
  effectiveFrom: '2023-01-01',
  parameters: { conventions: 1, baseYear: 2024, discountRate: '0.032', discountConvention: 0 },
};

export const DEMO_METHOD_2: DemoMethod = {
  version: 2,
  label: 'Méthode 2 — finances publiques d’abord (conventions 2)',
  effectiveFrom: '2024-01-01',
  parameters: { conventions: 2, baseYear: 2024, discountRate: '0.032', discountConvention: 0 },
};

const url = (code: string): string => {
  const entry = REFERENCE_UNIT_COSTS.find((u) => u.code === code);
  if (!entry?.sourceUrl) throw new Error(`Coût unitaire de référence sans source : ${code}`);
  return entry.sourceUrl;
};

/**
 * A day at home with an APA plan and SSIAD nursing, what replaces an avoided EHPAD day (conventions 2 §2.3). The engine's
 * mixes are weighted averages (shares summing to 1), so « APA + SSIAD » is one derived entry: the sum of the library's
 * JOURNEE_APA_DOMICILE (2017 euros) and JOURNEE_SSIAD (2010 euros), each brought to 2024 euros with the demo's price index
 * (I2024 = 118.77, I2017 = 101.2, I2010 = 94.6):
 *   APA   15.59 × 118.77 / 101.2 = 18.2967   (low 11.84 → 13.8956, high 41.10 → 48.2357)
 *   SSIAD 28.77 × 118.77 / 94.6  = 36.1206   (low 12.84 → 16.1206, high 35.08 → 44.0428)
 *   sum 54.4173 → 54.42 (low 30.02, high 92.28)
 * Payers of the sum: département 0.8 × 18.2967 = 14.6374 (0.2690), bénéficiaire 3.6593 (0.0672), assurance maladie
 * 36.1206 (0.6638). Cashable: APA 1, SSIAD 0.5 → (18.2967 + 18.0603) / 54.4173 = 0.67.
 */
export const DEMO_SUBSTITUTION_UNIT_COSTS: readonly ReferenceUnitCost[] = [
  {
    code: 'JOURNEE_DOMICILE_APA_SSIAD',
    label: 'Journée à domicile avec un plan d’APA et des soins infirmiers (SSIAD), coût de substitution d’une journée d’EHPAD',
    unit: 'jour',
    amount: '54.42',
    amountLow: '30.02',
    amountHigh: '92.28',
    priceYear: 2024,
    payers: { ASSURANCE_MALADIE: '0.6638', DEPARTEMENT: '0.2690', USAGER: '0.0672' },
    cashableShare: '0.67',
    grade: 3,
    sourceTitle: 'Somme de la journée de plan d’APA à domicile (DREES, 2017) et de la journée de SSIAD (ONDAM 2010), en euros 2024',
    sourcePublisher: 'Calcul Levier d’après la DREES et la préfecture de Loir-et-Cher (DGAS, ONDAM 2010)',
    sourceUrl: url('JOURNEE_APA_DOMICILE'),
    note:
      'Entrée dérivée pour la démonstration : JOURNEE_APA_DOMICILE (15,59 € de 2017, ' +
      `${url('JOURNEE_APA_DOMICILE')}) + JOURNEE_SSIAD (28,77 € de 2010, ${url('JOURNEE_SSIAD')}), ramenées en euros 2024 ` +
      'avec l’indice des prix de la démonstration (valeurs 2010 et 2017 approchées) : 18,30 € + 36,12 € = 54,42 €. Bornes : sommes des ' +
      'bornes des deux entrées (plan GIR 4 et SSIAD le moins coûteux ; plan GIR 1 et SSIAD le plus coûteux). Suppose que chaque ' +
      'personne maintenue à domicile a un plan d’APA et un SSIAD : prudent pour les personnes sans soins infirmiers.',
  },
];

const EHPAD = url('JOURNEE_EHPAD');
const HEBERGEMENT = url('JOURNEE_EHPAD_HEBERGEMENT');

/** Method 1's outcome of a service (`demo-tenants.ts`) with method 2's texts: the same event and numbers, reviewed sources. */
const reviewed = (serviceCode: string, outcomeCode: string, texts: Pick<DemoOutcome, 'justification' | 'evidence'>): DemoOutcome => {
  const outcome = DEMO_TENANTS.flatMap((t) => t.services)
    .find((service) => service.code === serviceCode)
    ?.outcomes.find((o) => o.code === outcomeCode);
  if (!outcome) throw new Error(`Résultat de la méthode 1 introuvable : ${serviceCode} / ${outcomeCode}`);
  return { ...outcome, ...texts };
};

/** Method-2 outcome assumptions per service code (they replace the method-1 ones of `demo-tenants.ts`). */
export const METHOD_2_OUTCOMES: Readonly<Record<string, readonly DemoOutcome[]>> = {
  PORTAGE_REPAS: [
    reviewed('PORTAGE_REPAS', 'CHUTE_GRAVE', {
      justification:
        'Le passage quotidien du livreur repère les chutes et la dénutrition : on valorise les passages aux urgences (70 %) et les ' +
        'séjours hospitaliers (30 %) évités. Effet compté dans la période seulement (conventions 2 : pas de persistance pour un ' +
        'résultat contrefactuel). Le service reste déficitaire : le repas lui-même, payé surtout par les usagers, n’évite aucun coût ' +
        'public chiffrable ici (voir la note du service).',
      evidence:
        'Taux avec et sans portage : hypothèse de démonstration (grade 3), à confirmer par le suivi local. Coûts unitaires : passage ' +
        `aux urgences, Cour des comptes (${url('PASSAGE_URGENCES')}) ; séjour MCO, ATIH ENC 2012 (${url('SEJOUR_MCO')}).`,
    }),
  ],
  SAAD: [
    {
      code: 'ENTREE_EHPAD',
      label: 'Entrée en EHPAD retardée (182,5 journées d’EHPAD remplacées par des journées à domicile)',
      params: {
        mode: 'counterfactual',
        rateWithout: '0.30',
        rateWith: { low: '0.16', central: '0.12', high: '0.10' },
        attribution: '0.20',
        quantityPerEvent: '182.5',
        unitCost: 'JOURNEE_EHPAD',
        substitutionCost: 'JOURNEE_DOMICILE_APA_SSIAD',
        grade: 3,
      },
      justification:
        'Un accompagnement renforcé retarde en moyenne de six mois l’entrée en établissement : les 182,5 journées d’EHPAD évitées ' +
        'par entrée sont portées par la quantité par événement, sans persistance sur plusieurs années (la méthode 1 comptait ' +
        'les mêmes personnes trois ans de suite, mois après mois). Chaque journée d’EHPAD évitée est remplacée par une journée à ' +
        'domicile avec un plan d’APA et un SSIAD (coût de substitution) : le Département paie l’APA à domicile, l’assurance ' +
        'maladie économise le forfait soins, le résident économise le prix d’hébergement, qui n’est jamais une économie publique. ' +
        'Prudence : pour les mois où la personne reste suivie par le SAAD, les heures de son plan d’APA sont aussi dans la dépense ' +
        'du service ; la substitution les compte alors deux fois.',
      evidence:
        `Journée d’EHPAD tous financeurs : ATIH 2013 (${EHPAD}) ; prix de l’hébergement 2023 : CNSA (${HEBERGEMENT}). ` +
        `Substitution : plan d’APA à domicile, DREES (${url('JOURNEE_APA_DOMICILE')}), et SSIAD, ONDAM (${url('JOURNEE_SSIAD')}). ` +
        'Taux d’entrée avec et sans le service : hypothèse de démonstration (grade 3).',
    },
  ],
  AED: [
    {
      code: 'placement_evite',
      label: 'Placement d’enfant évité',
      params: {
        mode: 'observed',
        deadweight: '0.30',
        attribution: '0.20',
        quantityPerEvent: '365',
        unitCost: 'JOURNEE_ASE_ACCUEIL_MOYEN',
        grade: 4,
      },
      justification:
        'Placements évités constatés par les travailleurs sociaux en synthèse ; un an de placement évité par situation, valorisé ' +
        'à la dépense moyenne nationale d’une journée d’accueil à l’ASE tous modes d’accueil (2022), plus récente et nationale que ' +
        'les prix de journée d’un seul département (MECS et famille d’accueil, 2018) de la méthode 1. La fourchette va du ' +
        'département le moins dépensier au plus dépensier.',
      evidence:
        `Dépense d’accueil à l’ASE : DREES, L’aide sociale à l’enfance, édition 2024 (${url('JOURNEE_ASE_ACCUEIL_MOYEN')}). ` +
        'Comptage du service (grade 4 : constat sans groupe témoin).',
    },
  ],
  LOGEMENT_DABORD: [
    reviewed('LOGEMENT_DABORD', 'nuitee_hotel_evitee', {
      justification:
        'Nuitées d’hôtel du 115 interrompues par le relogement, comptées avec le SIAO : une personne relogée qui était à l’hôtel ' +
        'évite jusqu’à 30 nuitées par mois ; un quart aurait quitté l’hôtel sans le service (effet d’aubaine), 10 % du ' +
        'résultat revient aux partenaires (bailleur, SIAO).',
      evidence: `Coût moyen d’une nuitée hôtelière : Sénat, avis sur le PLF 2025, d’après la revue IGF-IGAS-IGA (${url('NUITEE_HOTEL_URGENCE')}). Comptage du service.`,
    }),
    {
      code: 'JOURNEE_HOSPITALISATION_EVITEE',
      label: 'Journée d’hospitalisation psychiatrique évitée',
      params: {
        mode: 'counterfactual',
        rateWithout: '12',
        rateWith: { low: '9.5', central: '6.99', high: '6.99' },
        attribution: '0.20',
        unitCost: 'JOURNEE_HOSPITALISATION_PSY',
        grade: 2,
      },
      justification:
        'Essai randomisé « Un chez-soi d’abord » (703 personnes sans abri avec troubles psychiatriques sévères, 24 mois) : 46,6 ' +
        'journées d’hospitalisation par personne avec le logement d’abord contre 80 sans, soit 23,3 contre 40 par personne-année. ' +
        'Seule une partie des personnes accompagnées à Valmont relève de ce public : on applique l’essai à 30 % d’entre elles ' +
        '(12 et 6,99 journées par personne-année accompagnée) ; la borne basse ne retient que la moitié de l’effet. 20 % du ' +
        'résultat revient aux soins psychiatriques de secteur.',
      evidence:
        `${UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS.title}, ${UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS.publisher} (${UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS.url}). ` +
        `Tarif journalier national d’hospitalisation complète en psychiatrie (${url('JOURNEE_HOSPITALISATION_PSY')}). ` +
        'Part de 30 % du public relevant de l’essai : hypothèse de démonstration.',
    },
  ],
};
