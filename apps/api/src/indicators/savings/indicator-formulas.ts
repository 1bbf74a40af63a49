import { EXPLAINABLE, type ExplainableIndicator } from '@levier/indicators';

/** How each headline indicator (the contract's EXPLAINABLE) is computed, in French, for the "Comment est-ce calculé ?" panel. */
export const INDICATOR_FORMULAS: Record<ExplainableIndicator, string> = {
  grossSavings:
    'Coûts évités (bruts) = Σ valeur actualisée des coûts évités. Pour chaque résultat : événements évités (taux sans − taux avec) × exposition × engagement, ou événements constatés × (1 − effet d’aubaine) ; × (1 − attribution) × (1 − déplacement) × quantité par événement × coût unitaire en euros constants de l’année de base × (1 − biais d’optimisme) ; projetée sur la durée de l’effet avec érosion, actualisée au taux de la méthodologie.',
  cost: 'Coût des services = dépenses de la période / (1 + taux d’actualisation)^t0 (t0 = 0 : première année non actualisée).',
  netSavings: 'Épargne médico-sociale nette = coûts évités (bruts) − coût des services (peut être négative).',
  offsetRatio:
    'Coûts évités pour 1 € investi = coûts évités (bruts) / coût des services (« pour 1 € investi, X € évités »), calculé sur les sommes, jamais en moyenne de ratios.',
  costPerEventAvoided:
    'Coût par événement évité = coût des services / Σ événements nets évités (méthode 2 : seulement quand un seul type d’événement est évité).',
  paybackYears: 'Délai de retour = premier instant où la somme des valeurs annuelles non actualisées atteint les dépenses.',
  cashable: 'Part encaissable = Σ valeur actualisée × part encaissable de chaque coût unitaire (budget réellement libéré).',
  byPayer: 'Répartition par payeur = valeur actualisée de chaque coût évité répartie selon les parts des payeurs du coût unitaire.',
  // méthode 2 (conventions 2) : les finances publiques d’abord, les ménages (USAGER) à part
  publicSavings:
    'Coûts évités pour les finances publiques = Σ, pour chaque payeur public (Assurance maladie, Département, commune / CCAS, État, CAF, caisses de retraite, ARS, bailleurs sociaux, autre), des coûts évités qu’il aurait supportés, moins sa part des coûts de substitution (par exemple une journée à domicile avec APA et SSIAD à la place d’une journée en EHPAD). La part des ménages (usagers) est exclue.',
  publicCost:
    'Coût public des services = dépenses de la période en euros constants de l’année de base × part des financeurs publics selon le plan de financement de chaque service et de chaque année (sans plan : tout à la commune / au CCAS) ; la part payée par les ménages est exclue.',
  publicNetSavings:
    'Épargne médico-sociale nette (finances publiques) = coûts évités pour les finances publiques − coût public des services (peut être négative).',
  publicOffsetRatio:
    'Coûts évités pour 1 € public investi = coûts évités pour les finances publiques / coût public des services, calculé sur les sommes du périmètre, jamais en moyenne de ratios.',
  ledger:
    'Qui paie, qui économise = pour chaque payeur : coûts évités qu’il aurait supportés (coûts de substitution déduits), coût des services qu’il finance (plans de financement), et solde net = coûts évités − coût supporté.',
};

export type HeadlineIndicator = ExplainableIndicator;
export const HEADLINE_INDICATORS = EXPLAINABLE;
