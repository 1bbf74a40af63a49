/** How each headline indicator is computed, in French, for the "Comment est-ce calculé ?" panel. */
export const INDICATOR_FORMULAS = {
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
} as const;

export type HeadlineIndicator = keyof typeof INDICATOR_FORMULAS;
export const HEADLINE_INDICATORS = Object.keys(INDICATOR_FORMULAS) as HeadlineIndicator[];
