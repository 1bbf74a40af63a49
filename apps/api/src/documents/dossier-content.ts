import { DEFAULT_OPTIMISM_BIAS } from '@levier/indicators';
import { INDICATOR_FORMULAS } from '../indicators/savings/indicator-formulas';
import { OUTCOME_KEYS } from '../indicators/savings/parameter-labels';
import { m57FunctionLabel } from '../catalogue/m57-functions';
import { Block, DocumentModel, DocumentSection, list, paragraph, subheading, table } from './document-model';
import type { DocumentLanguage } from './document-model';
import { documentWords, DocumentWords, writeStamp } from './document-words';
import type { ServiceRow } from './documents.repository';
import type { UnitCostValues } from '../methodology/unit-cost.mapper';

type Param = string | number | { low: string; central: string; high: string } | { code: string; share: string }[] | null | undefined;

/** What the dossier is made of: the read model's stamp, the explain panel's method, the engine's run on the scope. */
export interface DossierInput {
  language: DocumentLanguage;
  organisation: string;
  scope: { code: string; name: string };
  from: string | null;
  to: string | null;
  conventions: 1 | 2 | null;
  methodology: { version: number | null; label: string; effectiveFrom: string | null; parameters: Record<string, unknown> };
  previousVersion: { version: number; label: string; effectiveFrom: string; parameters: Record<string, unknown> } | null;
  computedAt: string | Date | null;
  dataAsOf: string | Date | null;
  masked: boolean;
  services: readonly ServiceRow[];
  assumptions: readonly {
    service: string;
    code: string;
    label: string;
    parameters: Record<string, unknown>;
    justification: string | null;
    evidence: string | null;
  }[];
  unitCosts: readonly (UnitCostValues & { source: { title: string | null; publisher: string | null; url: string | null } })[];
  funding: readonly { service: string; year: number; shares: Record<string, string> }[];
  priceIndex: Record<string | number, string>;
  /** Figures summed over the scope's units, as the engine reads them. */
  figures: readonly { service: string; period: string; metric: string; value: string }[];
  /** The engine's output on the scope's scenario (null when it has no figure). */
  results: {
    totals: Record<string, unknown>;
    ranges: { low: Record<string, unknown>; high: Record<string, unknown> } | null;
    services: Record<string, Record<string, unknown>>;
    outcomes: Record<
      string,
      { eventsGross: string; eventsNet: string; unitsAvoided: string; unitCost: string; valueGross: string; valueYear0: string; presentValue: string }
    >;
    serviceLabels: Record<string, string>;
  } | null;
  sensitivity: readonly { label: string; low: string; high: string; swing: string }[] | null;
  completeness: readonly {
    period: string;
    expected: number;
    entered: number;
    ratio: string | null;
    missing: { orgUnit: string; service: string; metric: string; period: string }[];
  }[];
  outcomeLabels: Record<string, string>;
}

const FR = {
  title: 'Dossier méthodologique',
  subtitle: (scope: string, period: string) => `${scope} — ${period}`,
  purpose: '1. Objet et périmètre',
  purposeText: (org: string, scope: string, period: string) =>
    `Ce dossier expose comment Levier calcule les coûts évités par les services de prévention et d’accompagnement de ${org}, pour le périmètre « ${scope} » et la période ${period} : méthode, hypothèses et leurs justifications, coûts unitaires et leurs sources, chiffres saisis, résultats et leurs fourchettes. Il se suffit à lui-même : avec ses seules annexes, un lecteur peut refaire chaque chiffre de tête de liste.`,
  masked: 'Certaines valeurs reposent sur moins de 5 bénéficiaires : les résultats et les chiffres saisis sont masqués (secret statistique).',
  noData: (period: string) =>
    `Aucun chiffre n’est saisi pour ce périmètre sur la période ${period} : ce dossier ne contient donc aucun résultat. La méthode en vigueur est rappelée ci-dessous.`,
  method: '2. Méthode en vigueur',
  methodVersion: 'Version de la méthode',
  methodTable: 'Paramètres généraux de la méthode',
  params: {
    baseYear: 'Année de base (euros constants)',
    discountRate: 'Taux d’actualisation',
    discountConvention: 'Convention d’actualisation',
    conventions: 'Conventions de calcul',
  },
  discountConvention: (v: unknown) => (Number(v) === 1 ? 'première année actualisée (t0 = 1)' : 'première année non actualisée (t0 = 0)'),
  biasTable: 'Table du biais d’optimisme par niveau de preuve',
  biasColumns: ['Niveau de preuve', 'Réduction des bénéfices'],
  changes: 'Ce qui a changé depuis la version précédente',
  noPrevious: 'Première version publiée : pas de version précédente.',
  changed: (what: string, before: string, after: string) => `${what} : ${before} → ${after}`,
  unchanged: 'Paramètres généraux inchangés (les coûts unitaires et hypothèses peuvent avoir été mis à jour : voir leurs tableaux).',
  services: '3. Services, financements et hypothèses',
  // words only (house rule): a service by its label, never « (PORTAGE_REPAS) » after it
  serviceHead: (label: string) => label,
  kinds: { PREVENTION: 'prévention', SUPPORT: 'accompagnement', CURATIVE: 'curatif' } as Record<string, string>,
  serviceLine: (kind: string, fn: string) => `Nature : ${kind}. Fonction M57 : ${fn}.`,
  fn: (code: string | null) => (code === null ? 'non renseignée' : `${code} « ${m57FunctionLabel(code) ?? 'hors nomenclature'} »`),
  note: (n: string) => `Note du service : ${n}`,
  fundingCaption: (label: string) => `Plan de financement — ${label}`,
  fundingColumns: ['Année', 'Payeur', 'Part de la dépense'],
  noFunding: 'Pas de plan de financement saisi : la commune / le CCAS porte toute la dépense (règle par défaut).',
  outcome: (label: string, mode: string) => `Résultat « ${label} » — mode ${mode}`,
  modes: { counterfactual: 'contrefactuel (taux sans / avec le service)', observed: 'constaté (événements comptés, moins l’effet d’aubaine)' } as Record<
    string,
    string
  >,
  paramColumns: ['Paramètre', 'Valeur centrale', 'Basse', 'Haute'],
  paramCaption: (label: string) => `Paramètres — ${label}`,
  extraKeys: {
    unitCost: 'coût unitaire valorisé',
    substitutionCost: 'coût de substitution (ce qui remplace l’unité évitée)',
    grade: 'niveau de preuve (grade)',
    durationYears: 'durée de l’effet (années)',
    mode: 'mode',
  } as Record<string, string>,
  bias: (grade: string, bias: string, harm: boolean) =>
    `Niveau de preuve ${grade} : biais d’optimisme ${bias}${harm ? ' (conventions 2 : jamais appliqué à un effet défavorable)' : ''}.`,
  noGrade: 'Pas de niveau de preuve : aucune réduction pour biais d’optimisme.',
  justification: (t: string) => `Justification : ${t}`,
  evidence: (t: string) => `Preuves et références : ${t}`,
  unitCosts: '4. Coûts unitaires et sources',
  unitCostsIntro: (baseYear: string) =>
    `Chaque coût unitaire est exprimé en euros de son année de prix, puis converti en euros constants de ${baseYear} par l’indice des prix : montant × indice(${baseYear}) / indice(année de prix).`,
  ucColumns: ['Coût unitaire', 'Montant (fourchette)', 'Année de prix et indexation', 'Payeurs (parts)', 'Source (titre, éditeur)', 'Adresse de la source'],
  indexation: (year: number, ix: string | undefined, base: string, bx: string | undefined) =>
    ix && bx ? `${year} ; indice ${year} = ${ix.replace('.', ',')}, indice ${base} = ${bx.replace('.', ',')}` : `${year} ; indice manquant`,
  cashable: (share: string) => `encaissable ${share}`,
  priceIndex: 'Indice des prix utilisé (moyennes annuelles)',
  priceColumns: ['Année', 'Indice'],
  substitution: 'Coûts de substitution',
  substitutionColumns: ['Service', 'Résultat évité', 'Coût de substitution', 'Montant et année de prix'],
  noSubstitution: 'Aucun résultat du périmètre n’a de coût de substitution.',
  formulas: '5. Les formules en mots',
  formulasList: [
    INDICATOR_FORMULAS.grossSavings,
    INDICATOR_FORMULAS.cost,
    INDICATOR_FORMULAS.netSavings,
    INDICATOR_FORMULAS.offsetRatio,
    INDICATOR_FORMULAS.cashable,
    INDICATOR_FORMULAS.byPayer,
    'Conventions 2 : persistance seulement pour les résultats constatés ; un effet défavorable n’est jamais réduit par le biais d’optimisme ; les coûts de substitution sont signés par payeur ; la dépense est en euros constants ; le plan de financement répartit le coût par payeur ; « finances publiques » = sans la part des usagers (ménages) ; les événements se lisent par type, jamais additionnés entre types.',
    'Fourchette : chaque paramètre à trois valeurs (basse, centrale, haute) est pris à sa valeur basse, puis haute ; la sensibilité fait varier un paramètre à la fois et classe les paramètres par écart sur l’épargne médico-sociale nette.',
  ],
  results: '6. Résultats et fourchettes',
  headlineCaption: 'Chiffres de tête de liste du périmètre',
  headlineColumns: ['Indicateur', 'Central', 'Hypothèse basse', 'Hypothèse haute'],
  indicators: {
    grossSavings: 'Coûts évités (bruts), tous payeurs',
    cost: 'Coût des services',
    netSavings: 'Épargne médico-sociale nette',
    offsetRatio: 'Coûts évités pour 1 € investi',
    publicSavings: 'Coûts évités — finances publiques',
    publicCost: 'Coût des services — finances publiques',
    publicNetSavings: 'Épargne médico-sociale nette — finances publiques',
    publicOffsetRatio: 'Coûts évités pour 1 € public investi',
    cashable: 'Part encaissable des coûts évités',
  } as Record<string, string>,
  byService: 'Résultats par service',
  serviceColumns: ['Service', 'Coûts évités (bruts)', 'Coût des services', 'Épargne médico-sociale nette', 'Pour 1 € investi'],
  byOutcome: 'Détail par résultat (sommé sur la période)',
  outcomeColumns: [
    'Service / résultat',
    'Événements bruts',
    'Événements nets',
    'Unités évitées',
    'Coût unitaire (€ constants)',
    'Valeur année 0',
    'Valeur actualisée',
  ],
  events: 'Événements évités par type (jamais additionnés entre types)',
  eventColumns: ['Type d’événement', 'Événements nets évités'],
  ledger: '7. Qui paie, qui économise ? (par payeur)',
  ledgerColumns: ['Payeur', 'Coûts évités', 'Coût supporté', 'Solde net'],
  noLedger: 'Le détail par payeur n’existe que sous les conventions 2.',
  sensitivity: 'Hypothèses qui comptent le plus (sensibilité)',
  sensitivityColumns: ['Hypothèse', 'Épargne médico-sociale nette si basse', 'Épargne médico-sociale nette si haute', 'Écart'],
  noSensitivity: 'Aucune hypothèse n’a de fourchette : pas d’analyse de sensibilité.',
  completeness: '8. Complétude des données de la période',
  completenessColumns: ['Période', 'Chiffres attendus', 'Chiffres saisis', 'Complétude'],
  missingCaption: 'Chiffres manquants',
  missingColumns: ['Unité', 'Service', 'Indicateur', 'Période'],
  missingMore: (n: number) => `… et ${n} autres chiffres manquants (liste complète : écran Complétude).`,
  allEntered: 'Tous les chiffres attendus sont saisis.',
  limits: '9. Limites et précautions de lecture',
  limitsList: [
    'Ne sont pas comptés : les bénéfices non monétisés (qualité de vie, lien social), les effets au-delà de la durée retenue, les coûts évités sans coût unitaire publié.',
    'Les coûts évités ne sont pas des économies budgétaires : seule la part « encaissable » libère des crédits ; le reste libère des capacités (places, heures) qui seront réutilisées.',
    'Les résultats en mode « constaté » reposent sur des événements comptés par les équipes, donc sur leur jugement : ils sont réduits de l’effet d’aubaine, mais restent déclaratifs.',
    'Les hypothèses de démonstration ou de niveau de preuve faible (grade 4 et plus) doivent être confirmées par un suivi local avant un usage décisionnel.',
  ],
  overlap: (unitCost: string, services: string) =>
    `Chevauchement possible : le coût unitaire « ${unitCost} » est valorisé par plusieurs services (${services}) ; un même événement évité ne doit être compté qu’une fois.`,
  glossary: '10. Glossaire',
  glossaryColumns: ['Terme', 'Sens dans ce dossier'],
  glossaryRows: [
    [
      'Coûts évités (bruts)',
      'Valeur actualisée des coûts en aval que le service a évités (hospitalisations, journées d’EHPAD, placements…), nette des coûts de substitution sous les conventions 2.',
    ],
    ['Coût des services', 'Ce que les services ont coûté sur la période (euros constants sous les conventions 2).'],
    [
      'Épargne médico-sociale nette',
      'Coûts évités − coût des services ; peut être négative. À ne pas confondre avec l’épargne nette (CAF nette) du compte administratif.',
    ],
    ['Coûts évités pour 1 € investi', 'Coûts évités / coût des services. À ne pas confondre avec un taux de compensation ou un ratio M57.'],
    ['Finances publiques / dont ménages', 'Les mêmes indicateurs sans la part des usagers (ménages).'],
    [
      'Payeur',
      'Budget qui aurait supporté le coût évité : Assurance maladie, Département, commune/CCAS, État, CAF, caisses de retraite, ARS, bailleurs sociaux, usagers, autre.',
    ],
    ['Plan de financement', 'Qui paie la dépense d’un service, parts par payeur.'],
    [
      'Coût de substitution',
      'Ce que coûte l’alternative qui remplace une unité évitée (une journée à domicile avec APA et SSIAD au lieu d’une journée en EHPAD).',
    ],
    ['Encaissable', 'Part des coûts évités qui libère un budget réel, par opposition à une capacité libérée.'],
    [
      'Effet d’aubaine, attribution, déplacement, érosion',
      'Ajustements SROI : ce qui serait arrivé sans le service, la part due à d’autres acteurs, l’effet reporté ailleurs, la baisse annuelle de l’effet.',
    ],
    ['Biais d’optimisme', 'Réduction des bénéfices selon le niveau de preuve (pratique GMCA / HM Treasury).'],
  ],
  annex: 'Annexe — chiffres saisis (sommés sur les unités du périmètre)',
  annexIntro:
    'Chiffres lus par le moteur de calcul, par service, période et indicateur ; avec les hypothèses et coûts unitaires ci-dessus, ils suffisent à refaire chaque résultat (le fichier « Télécharger ce calcul » contient les mêmes données pour la commande levier compute).',
  figureColumns: ['Service', 'Période', 'Indicateur', 'Valeur'],
  metrics: (code: string, outcomes: Record<string, string>) =>
    code === 'spend'
      ? 'Dépenses (€)'
      : code === 'beneficiaries'
        ? 'Bénéficiaires'
        : code === 'person_months'
          ? 'Personnes-mois'
          : code.startsWith('observed.')
            ? `Événements constatés : ${outcomes[code.slice(9)] ?? code.slice(9)}`
            : code,
};

type DossierWords = Omit<typeof FR, 'discountConvention' | 'formulasList' | 'limitsList' | 'glossaryRows'> & {
  discountConvention: (v: unknown) => string;
  formulasList: readonly string[];
  limitsList: readonly string[];
  glossaryRows: readonly (readonly string[])[];
};

const EN: DossierWords = {
  ...FR,
  title: 'Methodology dossier',
  purpose: '1. Purpose and scope',
  purposeText: (org, scope, period) =>
    `This dossier sets out how Levier computes the costs avoided by the prevention and support services of ${org}, for the scope “${scope}” and the period ${period}: method, assumptions and their justification, unit costs and their sources, figures entered, results and their ranges. With its annexes alone, a reader can recompute every headline figure.`,
  masked: 'Some values rest on fewer than 5 beneficiaries: results and figures are masked (statistical secrecy).',
  noData: (period) => `No figure is entered for this scope over ${period}: this dossier holds no result. The method in force is recalled below.`,
  method: '2. Method in force',
  methodVersion: 'Method version',
  methodTable: 'General parameters of the method',
  params: {
    baseYear: 'Base year (constant euros)',
    discountRate: 'Discount rate',
    discountConvention: 'Discounting convention',
    conventions: 'Calculation conventions',
  },
  discountConvention: (v) => (Number(v) === 1 ? 'first year discounted (t0 = 1)' : 'first year not discounted (t0 = 0)'),
  biasTable: 'Optimism-bias table by evidence grade',
  biasColumns: ['Evidence grade', 'Reduction of benefits'],
  changes: 'What changed since the previous version',
  noPrevious: 'First published version: no previous version.',
  changed: (what, before, after) => `${what}: ${before} → ${after}`,
  unchanged: 'General parameters unchanged (unit costs and assumptions may have been updated: see their tables).',
  services: '3. Services, funding and assumptions',
  kinds: { PREVENTION: 'prevention', SUPPORT: 'support', CURATIVE: 'curative' },
  serviceLine: (kind, fn) => `Kind: ${kind}. M57 function: ${fn}.`,
  fn: (code) => (code === null ? 'not recorded' : `${code} “${m57FunctionLabel(code) ?? 'outside the nomenclature'}”`),
  note: (n) => `Service note: ${n}`,
  fundingCaption: (label) => `Funding plan — ${label}`,
  fundingColumns: ['Year', 'Payer', 'Share of spend'],
  noFunding: 'No funding plan recorded: the municipality / CCAS bears all the spend (default rule).',
  outcome: (label, mode) => `Outcome “${label}” — ${mode} mode`,
  modes: { counterfactual: 'counterfactual (rates without / with the service)', observed: 'observed (counted events, less deadweight)' },
  paramColumns: ['Parameter', 'Central', 'Low', 'High'],
  paramCaption: (label) => `Parameters — ${label}`,
  bias: (grade, bias, harm) => `Evidence grade ${grade}: optimism bias ${bias}${harm ? ' (conventions 2: never applied to a harm)' : ''}.`,
  noGrade: 'No evidence grade: no optimism-bias reduction.',
  justification: (t) => `Justification: ${t}`,
  evidence: (t) => `Evidence and references: ${t}`,
  unitCosts: '4. Unit costs and sources',
  unitCostsIntro: (baseYear) =>
    `Each unit cost is in euros of its price year, converted to constant ${baseYear} euros by the price index: amount × index(${baseYear}) / index(price year).`,
  ucColumns: ['Unit cost', 'Amount (range)', 'Price year and indexation', 'Payers (shares)', 'Source (title, publisher)', 'Source address'],
  indexation: (year, ix, base, bx) => (ix && bx ? `${year}; index ${year} = ${ix}, index ${base} = ${bx}` : `${year}; index missing`),
  cashable: (share) => `cashable ${share}`,
  priceIndex: 'Price index used (annual averages)',
  priceColumns: ['Year', 'Index'],
  substitution: 'Substitution costs',
  substitutionColumns: ['Service', 'Avoided outcome', 'Substitution cost', 'Amount and price year'],
  noSubstitution: 'No outcome of the scope has a substitution cost.',
  formulas: '5. The formulas in words',
  formulasList: [
    'Avoided costs (gross) = Σ present value of avoided costs: avoided events × (1 − attribution) × (1 − displacement) × quantity per event × unit cost in constant euros × (1 − optimism bias), projected over the effect’s duration with drop-off and discounted.',
    'Cost of services = spend of the period / (1 + discount rate)^t0.',
    'Net medico-social savings = avoided costs − cost of services (may be negative).',
    'Avoided costs per €1 invested = avoided costs / cost of services, computed on sums.',
    'Cashable share = Σ present value × cashable share of each unit cost.',
    'By payer: each avoided cost split by the payer shares of its unit cost.',
    'Conventions 2: persistence only for observed outcomes; harms never reduced by optimism bias; signed substitution costs per payer; spend in constant euros; funding plans give cost by payer; public money = without users’ share; events read by kind.',
    'Range: every three-valued parameter taken low, then high; sensitivity varies one parameter at a time, ranked by swing of net savings.',
  ],
  results: '6. Results and ranges',
  headlineCaption: 'Headline figures of the scope',
  headlineColumns: ['Indicator', 'Central', 'Low assumptions', 'High assumptions'],
  indicators: {
    grossSavings: 'Avoided costs (gross), all payers',
    cost: 'Cost of services',
    netSavings: 'Net medico-social savings',
    offsetRatio: 'Avoided costs per €1 invested',
    publicSavings: 'Avoided costs — public money',
    publicCost: 'Cost of services — public money',
    publicNetSavings: 'Net medico-social savings — public money',
    publicOffsetRatio: 'Avoided costs per public €1 invested',
    cashable: 'Cashable avoided costs',
  },
  byService: 'Results by service',
  serviceColumns: ['Service', 'Avoided costs (gross)', 'Cost of services', 'Net medico-social savings', 'Per €1 invested'],
  byOutcome: 'Detail by outcome (summed over the period)',
  outcomeColumns: ['Service / outcome', 'Gross events', 'Net events', 'Units avoided', 'Unit cost (constant €)', 'Value year 0', 'Present value'],
  events: 'Avoided events by kind (never summed across kinds)',
  eventColumns: ['Kind of event', 'Net avoided events'],
  ledger: '7. Who pays, who saves? (by payer)',
  ledgerColumns: ['Payer', 'Avoided costs', 'Cost borne', 'Net'],
  noLedger: 'The by-payer ledger exists under conventions 2 only.',
  sensitivity: 'Assumptions that matter most (sensitivity)',
  sensitivityColumns: ['Assumption', 'Net medico-social savings if low', 'Net medico-social savings if high', 'Swing'],
  noSensitivity: 'No assumption has a range: no sensitivity analysis.',
  completeness: '8. Data completeness of the period',
  completenessColumns: ['Period', 'Figures expected', 'Figures entered', 'Completeness'],
  missingCaption: 'Missing figures',
  missingColumns: ['Unit', 'Service', 'Metric', 'Period'],
  missingMore: (n) => `… and ${n} more missing figures (full list: Completeness screen).`,
  allEntered: 'Every expected figure is entered.',
  limits: '9. Limits and caveats',
  limitsList: [
    'Not counted: non-monetised benefits (quality of life, social ties), effects beyond the duration used, avoided costs without a published unit cost.',
    'Avoided costs are not budget savings: only the cashable share frees money; the rest frees capacity that will be reused.',
    'Observed-mode outcomes rest on events counted by the teams, hence on their judgement: they are reduced by deadweight but remain declarative.',
    'Demonstration assumptions or weak evidence (grade 4 and above) should be confirmed by local follow-up before a decision.',
  ],
  overlap: (unitCost, services) =>
    `Possible overlap: the unit cost “${unitCost}” is valued by several services (${services}); one avoided event must be counted once.`,
  glossary: '10. Glossary',
  glossaryColumns: ['Term', 'Meaning in this dossier'],
  glossaryRows: [
    ['Coûts évités (bruts) — avoided costs', 'Present value of downstream costs the service avoided, net of substitution costs under conventions 2.'],
    ['Coût des services — cost of services', 'What the services cost in the period (constant euros under conventions 2).'],
    ['Épargne médico-sociale nette — net medico-social savings', 'Avoided costs − cost; not the « épargne nette » of French local-government accounts.'],
    ['Coûts évités pour 1 € investi', 'Avoided costs / cost.'],
    ['Payer', 'Whose budget would have borne the avoided cost.'],
    ['Funding plan', 'Who pays a service’s spend, shares per payer.'],
    ['Substitution cost', 'What the alternative replacing an avoided unit costs.'],
    ['Cashable', 'Avoided cost that frees real budget.'],
    ['Deadweight, attribution, displacement, drop-off', 'The standard SROI adjustments.'],
    ['Optimism bias', 'Reduction of benefits by evidence grade (GMCA / HM Treasury practice).'],
  ],
  annex: 'Annex — figures entered (summed over the scope’s units)',
  annexIntro: 'Figures read by the engine, by service, period and metric; with the assumptions and unit costs above they suffice to recompute every result.',
  figureColumns: ['Service', 'Period', 'Metric', 'Value'],
  metrics: (code, outcomes) =>
    code === 'spend'
      ? 'Spend (€)'
      : code === 'beneficiaries'
        ? 'Beneficiaries'
        : code === 'person_months'
          ? 'Person-months'
          : code.startsWith('observed.')
            ? `Observed events: ${outcomes[code.slice(9)] ?? code.slice(9)}`
            : code,
};

const isTriple = (v: unknown): v is { low: string; central: string; high: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'central' in v;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

const money = (w: DocumentWords, v: unknown): string => (str(v) === null ? w.notAvailable : w.write.euros(str(v)));
const ratio = (w: DocumentWords, v: unknown): string => (str(v) === null ? w.notAvailable : w.write.ratio(str(v)));
const num = (w: DocumentWords, v: unknown, decimals = 2): string => (str(v) === null ? w.notAvailable : w.write.number(str(v)!, decimals));

const SHARE_KEYS = new Set(['engagement', 'deadweight', 'attribution', 'displacement', 'dropOff', 'rateWithout', 'rateWith']);

/** One parameter's value in words: shares as percentages, unit-cost references by label, mixes with their shares. */
const paramText = (w: DocumentWords, key: string, v: Param, unitCostLabel: (code: string) => string): string => {
  if (v === null || v === undefined) return w.none;
  if (key === 'unitCost' || key === 'substitutionCost') {
    if (typeof v === 'string') return unitCostLabel(v);
    if (Array.isArray(v)) return v.map((c) => `${unitCostLabel(c.code)} × ${w.percent(c.share, 0)}`).join(' + ');
  }
  if (typeof v === 'string' || typeof v === 'number')
    return SHARE_KEYS.has(key) ? w.percent(String(v), 1) : w.write.number(String(v), String(v).includes('.') ? 2 : 0);
  return JSON.stringify(v);
};

const PARAM_ORDER = [
  'rateWithout',
  'rateWith',
  'engagement',
  'deadweight',
  'attribution',
  'displacement',
  'quantityPerEvent',
  'unitCost',
  'substitutionCost',
  'grade',
  'durationYears',
  'dropOff',
];

const HEADLINE_KEYS = [
  'grossSavings',
  'cost',
  'netSavings',
  'offsetRatio',
  'publicSavings',
  'publicCost',
  'publicNetSavings',
  'publicOffsetRatio',
  'cashable',
] as const;

/** The « dossier méthodologique » of a scope and period (docs/product-rules.md#dashboard, issue 19 item 1). */
export const dossierDocument = (input: DossierInput): DocumentModel => {
  const w = documentWords(input.language);
  const t = input.language === 'en' ? EN : FR;
  const period = w.range(input.from, input.to);
  // words only: the unit by its name (« CCAS de Valmont »), its code stays in the file name and the hashed basis
  const scopeName = input.scope.name;
  const params = input.methodology.parameters;
  const baseYear = String(params.baseYear ?? '');
  const ucByCode = new Map(input.unitCosts.map((u) => [u.code, u]));
  const ucLabel = (code: string): string => ucByCode.get(code)?.label ?? code;
  const serviceName = (code: string): string => input.services.find((s) => s.code === code)?.label ?? code;
  /** A figure's service: `SAAD_2024` (a service split by year of funding) reads « Aide à domicile renforcée (2024) ». */
  const figureService = (code: string): string => {
    const split = /^(.*)_(\d{4})$/.exec(code);
    return split && input.services.some((s) => s.code === split[1]) ? `${serviceName(split[1])} (${split[2]})` : serviceName(code);
  };
  const hasData = input.figures.length > 0 || input.masked;
  const sections: DocumentSection[] = [];

  // 1. purpose
  const purpose: Block[] = [paragraph(t.purposeText(input.organisation, scopeName, period))];
  if (!hasData) purpose.push(paragraph(t.noData(period), true));
  if (input.masked) purpose.push(paragraph(t.masked, true));
  sections.push({ title: t.purpose, blocks: purpose });

  // 2. method
  const biasTable =
    (params.optimismBias as Record<string, string> | undefined) ?? Object.fromEntries(Object.entries(DEFAULT_OPTIMISM_BIAS).map(([g, v]) => [g, v.toFixed()]));
  const paramRows = [
    [t.methodVersion, w.methodologyName(input.methodology)],
    [t.params.conventions, w.conventionsName(input.conventions)],
    [t.params.baseYear, baseYear],
    [t.params.discountRate, w.percent(str(params.discountRate) ?? '0.032', 2)],
    [t.params.discountConvention, t.discountConvention(params.discountConvention)],
  ];
  const method: Block[] = [
    table(
      t.methodTable,
      [
        { label: t.paramColumns[0], weight: 1.4 },
        { label: t.paramColumns[1], weight: 2 },
      ],
      paramRows,
    ),
    table(
      t.biasTable,
      t.biasColumns.map((label, i) => ({ label, align: i === 1 ? 'right' : 'left' })),
      Object.entries(biasTable).map(([grade, bias]) => [grade, w.percent(String(bias), 0)]),
    ),
    subheading(t.changes),
  ];
  if (input.previousVersion === null) method.push(paragraph(t.noPrevious));
  else {
    const before = input.previousVersion.parameters;
    const diffs = (['conventions', 'baseYear', 'discountRate', 'discountConvention', 'optimismBias'] as const)
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(params[k] ?? null))
      .map((k) =>
        t.changed(
          k === 'optimismBias' ? t.biasTable : t.params[k],
          JSON.stringify(before[k] ?? (k === 'conventions' ? 1 : null)),
          JSON.stringify(params[k] ?? (k === 'conventions' ? 1 : null)),
        ),
      );
    method.push(paragraph(`${w.methodologyName(input.previousVersion)} → ${w.methodologyName(input.methodology)}`));
    method.push(diffs.length > 0 ? list(diffs) : paragraph(t.unchanged));
  }
  sections.push({ title: t.method, blocks: method });

  if (!hasData) {
    // a short document that says so: the method in force and the completeness counts, nothing to explain
    sections.push({
      title: t.completeness,
      blocks: [
        table(
          t.completeness,
          t.completenessColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right' })),
          input.completeness.map((c) => [w.write.period(c.period), String(c.expected), String(c.entered), w.percent(c.ratio, 1)]),
        ),
      ],
    });
  }

  const inScope = new Set<string>();
  const services: ServiceRow[] = [];
  if (hasData) {
    // 3. services
    for (const a of input.assumptions) inScope.add(a.service);
    for (const f of input.figures) inScope.add(f.service.replace(/_\d{4}$/, ''));
    services.push(...input.services.filter((s) => inScope.has(s.code)));
    const serviceBlocks: Block[] = [];
    for (const s of services) {
      serviceBlocks.push(subheading(t.serviceHead(s.label)));
      serviceBlocks.push(paragraph(t.serviceLine(t.kinds[s.kind] ?? s.kind, t.fn(s.functionCode))));
      if (s.note) serviceBlocks.push(paragraph(t.note(s.note)));
      const plans = input.funding.filter((f) => f.service === s.code);
      if (input.conventions === 2) {
        if (plans.length === 0) serviceBlocks.push(paragraph(t.noFunding));
        else
          serviceBlocks.push(
            table(
              t.fundingCaption(s.label),
              t.fundingColumns.map((label, i) => ({ label, align: i === 2 ? 'right' : 'left' })),
              plans.flatMap((p) => Object.entries(p.shares).map(([payer, share]) => [String(p.year), w.payers[payer] ?? payer, w.percent(share, 1)])),
            ),
          );
      }
      for (const a of input.assumptions.filter((x) => x.service === s.code)) {
        const p = a.parameters as Record<string, Param>;
        const mode = String(p.mode ?? 'counterfactual');
        serviceBlocks.push(paragraph(t.outcome(a.label, t.modes[mode] ?? mode), true));
        const rows = PARAM_ORDER.filter((k) => p[k] !== undefined).map((k) => {
          const v = p[k];
          const label = OUTCOME_KEYS_WORDS(input.language, k, t);
          return isTriple(v)
            ? [label, paramText(w, k, v.central, ucLabel), paramText(w, k, v.low, ucLabel), paramText(w, k, v.high, ucLabel)]
            : [label, paramText(w, k, v, ucLabel), '', ''];
        });
        serviceBlocks.push(
          table(
            t.paramCaption(a.label),
            t.paramColumns.map((label, i) => ({ label, weight: i === 0 ? 2.2 : 1.2 })),
            rows,
          ),
        );
        const grade = str(p.grade);
        serviceBlocks.push(paragraph(grade === null ? t.noGrade : t.bias(grade, w.percent(biasTable[grade] ?? '0', 0), input.conventions === 2)));
        if (a.justification) serviceBlocks.push(paragraph(t.justification(a.justification)));
        if (a.evidence) serviceBlocks.push(paragraph(t.evidence(a.evidence)));
      }
    }
    sections.push({ title: t.services, blocks: serviceBlocks });

    // 4. unit costs
    const usedCodes = new Set(
      input.assumptions.flatMap((a) =>
        (['unitCost', 'substitutionCost'] as const).flatMap((k) => {
          const v = a.parameters[k] as Param;
          return typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((c) => c.code) : [];
        }),
      ),
    );
    const used = input.unitCosts.filter((u) => usedCodes.has(u.code));
    sections.push({
      title: t.unitCosts,
      blocks: [
        paragraph(t.unitCostsIntro(baseYear)),
        table(
          t.unitCosts,
          t.ucColumns.map((label, i) => ({ label, weight: [1.6, 1.1, 1.2, 1.2, 1.7, 1.8][i] })),
          used.map((u) => [
            `${u.label}, ${u.unit}`,
            `${w.write.euros(u.amount)}${u.amountLow && u.amountHigh ? ` (${w.write.euros(u.amountLow)} – ${w.write.euros(u.amountHigh)})` : ''}`,
            t.indexation(u.priceYear, input.priceIndex[u.priceYear], baseYear, input.priceIndex[baseYear]),
            `${Object.entries(u.payers)
              .map(([payer, share]) => `${w.payers[payer] ?? payer} ${w.percent(share, 0)}`)
              .join(', ')} ; ${t.cashable(w.percent(u.cashableShare, 0))}`,
            [u.source.title, u.source.publisher].filter(Boolean).join(' — ') || w.notAvailable,
            u.source.url ?? w.notAvailable,
          ]),
        ),
        table(
          t.priceIndex,
          t.priceColumns.map((label, i) => ({ label, align: i === 1 ? 'right' : 'left' })),
          Object.entries(input.priceIndex).map(([year, value]) => [year, w.write.number(value, 2)]),
        ),
        subheading(t.substitution),
        ...(() => {
          const rows = input.assumptions
            .filter((a) => a.parameters.substitutionCost !== undefined && a.parameters.substitutionCost !== null)
            .map((a) => {
              const v = a.parameters.substitutionCost as Param;
              const codes = typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((c) => c.code) : [];
              return [
                input.services.find((s) => s.code === a.service)?.label ?? a.service,
                a.label,
                paramText(w, 'substitutionCost', v, ucLabel),
                codes.map((c) => `${w.write.euros(ucByCode.get(c)?.amount)} (${ucByCode.get(c)?.priceYear ?? '?'})`).join(' ; '),
              ];
            });
          return rows.length === 0
            ? [paragraph(t.noSubstitution)]
            : [
                table(
                  t.substitution,
                  t.substitutionColumns.map((label) => ({ label })),
                  rows,
                ),
              ];
        })(),
      ],
    });

    // 5. formulas
    sections.push({ title: t.formulas, blocks: [list([...t.formulasList])] });

    // 6, 7. results, ledger, sensitivity
    const r = input.results;
    if (r && !input.masked) {
      const low = r.ranges?.low ?? {};
      const high = r.ranges?.high ?? {};
      const fmt = (k: string, v: unknown): string => (k.endsWith('OffsetRatio') || k === 'offsetRatio' ? ratio(w, v) : money(w, v));
      const keys = HEADLINE_KEYS.filter((k) => r.totals[k] !== undefined);
      const eventsByOutcome = (r.totals.eventsByOutcome ?? {}) as Record<string, string>;
      sections.push({
        title: t.results,
        blocks: [
          table(
            t.headlineCaption,
            t.headlineColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2 : 1 })),
            keys.map((k) => [t.indicators[k], fmt(k, r.totals[k]), r.ranges ? fmt(k, low[k]) : '—', r.ranges ? fmt(k, high[k]) : '—']),
          ),
          table(
            t.byService,
            t.serviceColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2 : 1 })),
            Object.entries(r.services).map(([code, v]) => [
              r.serviceLabels[code] ?? serviceName(code),
              money(w, v.grossSavings),
              money(w, v.cost),
              money(w, v.netSavings),
              ratio(w, v.offsetRatio),
            ]),
          ),
          table(
            t.byOutcome,
            t.outcomeColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2 : 1 })),
            Object.entries(r.outcomes).map(([key, o]) => {
              const [svc, out] = key.split('/');
              return [
                `${r.serviceLabels[svc] ?? svc} / ${input.outcomeLabels[out] ?? out}`,
                num(w, o.eventsGross),
                num(w, o.eventsNet),
                num(w, o.unitsAvoided),
                money(w, o.unitCost),
                money(w, o.valueYear0),
                money(w, o.presentValue),
              ];
            }),
          ),
          ...(Object.keys(eventsByOutcome).length > 0
            ? [
                table(
                  t.events,
                  t.eventColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right' })),
                  Object.entries(eventsByOutcome).map(([code, v]) => [input.outcomeLabels[code] ?? code, num(w, v)]),
                ),
              ]
            : []),
        ],
      });
      const ledger = (r.totals.ledger ?? null) as Record<string, { avoided: string; cost: string; net: string }> | null;
      const sensitivity = input.sensitivity ?? [];
      sections.push({
        title: t.ledger,
        blocks: [
          ...(ledger && Object.keys(ledger).length > 0
            ? [
                table(
                  t.ledger,
                  t.ledgerColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right' })),
                  Object.entries(ledger).map(([payer, l]) => [w.payers[payer] ?? payer, money(w, l.avoided), money(w, l.cost), money(w, l.net)]),
                ),
              ]
            : [paragraph(t.noLedger)]),
          subheading(t.sensitivity),
          sensitivity.length === 0
            ? paragraph(t.noSensitivity)
            : table(
                t.sensitivity,
                t.sensitivityColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2.6 : 1 })),
                sensitivity.slice(0, 10).map((s) => [s.label, money(w, s.low), money(w, s.high), money(w, s.swing)]),
              ),
        ],
      });
    } else if (input.masked) {
      sections.push({ title: t.results, blocks: [paragraph(t.masked, true)] });
    }

    // 8. completeness
    const completenessBlocks: Block[] = [
      table(
        t.completeness,
        t.completenessColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right' })),
        input.completeness.map((c) => [w.write.period(c.period), String(c.expected), String(c.entered), w.percent(c.ratio, 1)]),
      ),
    ];
    const missing = input.completeness.flatMap((c) => c.missing);
    const shown = missing.slice(0, 200);
    if (missing.length === 0) completenessBlocks.push(paragraph(t.allEntered));
    else {
      completenessBlocks.push(
        table(
          t.missingCaption,
          t.missingColumns.map((label) => ({ label })),
          shown.map((m) => [m.orgUnit, serviceName(m.service), t.metrics(m.metric, input.outcomeLabels), m.period]),
        ),
      );
      const total = input.completeness.reduce((n, c) => n + (c.expected - c.entered), 0);
      if (total > shown.length) completenessBlocks.push(paragraph(t.missingMore(total - shown.length)));
    }
    sections.push({ title: t.completeness, blocks: completenessBlocks });

    // 9. limits
    const byUnitCost = new Map<string, Set<string>>();
    for (const a of input.assumptions) {
      const v = a.parameters.unitCost as Param;
      for (const code of typeof v === 'string' ? [v] : Array.isArray(v) ? v.map((c) => c.code) : [])
        byUnitCost.set(code, (byUnitCost.get(code) ?? new Set()).add(a.service));
    }
    const overlaps = [...byUnitCost.entries()]
      .filter(([, s]) => s.size > 1)
      .map(([code, s]) => t.overlap(ucLabel(code), [...s].map(serviceName).sort().join(', ')));
    const notes = services.filter((s) => s.note).map((s) => t.note(`${s.label} — ${s.note}`));
    sections.push({ title: t.limits, blocks: [list([...t.limitsList, ...overlaps, ...notes])] });

    // 10. glossary
    sections.push({
      title: t.glossary,
      blocks: [
        table(
          t.glossary,
          t.glossaryColumns.map((label, i) => ({ label, weight: i === 0 ? 1 : 2.4 })),
          t.glossaryRows.map((row) => [...row]),
        ),
      ],
    });

    // annex: figures
    if (hasData && !input.masked)
      sections.push({
        title: t.annex,
        blocks: [
          paragraph(t.annexIntro),
          table(
            t.annex,
            t.figureColumns.map((label, i) => ({ label, align: i === 3 ? 'right' : 'left', weight: i === 2 ? 2 : 1 })),
            input.figures.map((f) => [
              figureService(f.service),
              f.period,
              t.metrics(f.metric, input.outcomeLabels),
              w.write.number(f.value, f.value.includes('.') ? 2 : 0),
            ]),
          ),
        ],
      });
  }

  return {
    kind: 'dossier-methodologique',
    language: input.language,
    title: t.title,
    subtitle: t.subtitle(scopeName, period),
    stamp: writeStamp(w, { ...input, scope: scopeName, period }),
    sections,
    fileName: `dossier-methodologique-${input.scope.code}-${input.from ?? 'tout'}-${input.to ?? 'tout'}`,
    basis: {
      scope: input.scope.code,
      from: input.from,
      to: input.to,
      conventions: input.conventions,
      methodology: { version: input.methodology.version, parameters: input.methodology.parameters },
      masked: input.masked,
      services: input.services.filter((s) => inScope.has(s.code)),
      assumptions: input.assumptions,
      unitCosts: input.unitCosts,
      funding: input.funding,
      priceIndex: input.priceIndex,
      figures: input.masked ? [] : input.figures,
      results: input.masked ? null : input.results,
      sensitivity: input.masked ? null : input.sensitivity,
      completeness: input.completeness,
    },
  };
};

/** A parameter key in words: the sensitivity's labels (parameter-labels.ts) in French, then the dossier's own. */
function OUTCOME_KEYS_WORDS(language: DocumentLanguage, key: string, t: DossierWords): string {
  if (language === 'fr' && OUTCOME_KEYS[key]) return OUTCOME_KEYS[key];
  const en: Record<string, string> = {
    rateWithout: 'event rate without the service',
    rateWith: 'event rate with the service',
    engagement: 'share of beneficiaries really engaged',
    deadweight: 'deadweight',
    attribution: 'share due to other actors (attribution)',
    displacement: 'displacement',
    quantityPerEvent: 'quantity per avoided event',
    dropOff: 'annual drop-off',
    unitCost: 'unit cost valued',
    substitutionCost: 'substitution cost',
    grade: 'evidence grade',
    durationYears: 'duration of the effect (years)',
  };
  return language === 'en' ? (en[key] ?? key) : (t.extraKeys[key] ?? key);
}
