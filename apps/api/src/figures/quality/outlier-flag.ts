import Decimal from 'decimal.js';
import type { ResolvedFigure } from '../figure.repository';
import type { SubmissionFlag } from '../submission.entity';
import { formatFrenchDecimal } from '../parsing/format-french-decimal';
import type { FigureCatalogue } from '../parsing/figure-catalogue.types';
import { periodLabel } from '../period-label';
import { isOutlier, robustZScore, screenZScore } from './robust-z-score';

/** Below this screened |z|, a row cannot reach the 3.5 threshold: the exact Decimal score is skipped. */
const SCREEN_THRESHOLD = 3;

/**
 * The data-quality flag of docs/product-rules.md#ingestion: a value far from its series' history (robust z-score on the last periods) is
 * accepted but flagged, with a message that says what to check, naming the figure in words (unit, service and indicator
 * by their labels from `catalogue`, the period as « janv. 2024 »; a code only when the catalogue does not know it).
 */
export const outlierFlag = (row: ResolvedFigure, line: number, history: readonly string[], catalogue?: FigureCatalogue): SubmissionFlag | null => {
  if (screenZScore(row.value, history) < SCREEN_THRESHOLD) return null;
  const score = robustZScore(
    new Decimal(row.value),
    history.map((v) => new Decimal(v)),
  );
  if (!isOutlier(score)) return null;
  return {
    line,
    kind: 'outlier',
    message:
      `Valeur inhabituelle : ${score.z.abs().toDecimalPlaces(0).toFixed()} fois l’écart habituel ${score.z.isNegative() ? 'en dessous' : 'au-dessus'} de la médiane. ` +
      `${formatFrenchDecimal(row.value)} pour ${catalogue?.orgUnits.get(row.orgUnit)?.label ?? row.orgUnit} · ${catalogue?.services.get(row.service)?.label ?? row.service} · ` +
      `${catalogue?.metrics.get(row.metric)?.label ?? row.metric} (${periodLabel(row.period)}), ` +
      `alors que la médiane des ${history.length} périodes précédentes est ${formatFrenchDecimal(score.median.toDecimalPlaces(2).toFixed())}. ` +
      'Le chiffre est enregistré : vérifiez le montant et l’unité.',
  };
};
