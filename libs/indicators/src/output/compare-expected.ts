import { d, Decimal, isDecimalLiteral } from '../money/decimal';
import { isObject } from '../scenario/json-reader';

/** How a leaf of the output is compared (vectors README § Comparison rule). */
export type Tolerance =
  { readonly kind: 'money'; readonly within: Decimal } | { readonly kind: 'ratio'; readonly within: Decimal } | { readonly kind: 'exact' };

const MONEY: Tolerance = { kind: 'money', within: d('0.01') };
const RATIO: Tolerance = { kind: 'ratio', within: d('0.000001') };
const EXACT: Tolerance = { kind: 'exact' };

const MONEY_KEYS = new Set([
  'grossSavings',
  'cost',
  'netSavings',
  'costPerEventAvoided',
  'cashable',
  'nonCashable',
  'valueGross',
  'valueYear0',
  'presentValue',
  'unitCost',
  'value',
  'fongibiliteVolume',
  'inKindValue',
  // conventions 2: ledger lines, public figures, sensitivity entries
  'avoided',
  'net',
  'publicSavings',
  'publicCost',
  'publicNetSavings',
  'low',
  'high',
  'swing',
]);
const MONEY_PARENTS = new Set(['byPayer', 'netFlowByFunction', 'costByPayer']);
const COUNT_KEYS = new Set(['agentsRedeployed', 'leadTimeMedianDays', 'leadTimeP90Days']);

/** Money (and unit costs) within 0.01, counts exactly, everything else (ratios, rates, years, events) within 0.000001. */
export const toleranceFor = ({ key, parentKey }: { key: string; parentKey: string | null }): Tolerance => {
  if (COUNT_KEYS.has(key)) return EXACT;
  if (MONEY_KEYS.has(key) || (parentKey !== null && MONEY_PARENTS.has(parentKey))) return MONEY;
  return RATIO;
};

export interface Mismatch {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly reason: string;
}

const numericEqual = ({ expected, actual, tolerance }: { expected: string; actual: string; tolerance: Tolerance }): boolean => {
  const difference = d(expected).minus(d(actual)).abs();
  return tolerance.kind === 'exact' ? difference.isZero() : difference.lte(tolerance.within);
};

const isNumeric = (value: unknown): value is string => typeof value === 'string' && isDecimalLiteral(value);

/**
 * Every key that `expected` holds, compared recursively with `actual` (extra keys in `actual` are fine).
 * Decimal strings are compared with the tolerance of their key; null must be null; booleans and other strings exactly.
 */
export const compareWithExpected = ({
  expected,
  actual,
  path = '',
  key = null,
  parentKey = null,
}: {
  expected: unknown;
  actual: unknown;
  path?: string;
  key?: string | null;
  parentKey?: string | null;
}): Mismatch[] => {
  const mismatch = (reason: string): Mismatch[] => [{ path, expected, actual, reason }];
  if (expected === null) return actual === null ? [] : mismatch('null attendu');
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return mismatch('liste attendue');
    if (actual.length !== expected.length) return mismatch(`longueur ${expected.length} attendue, obtenu ${actual.length}`);
    return expected.flatMap((item, index) => compareWithExpected({ expected: item, actual: actual[index], path: `${path}[${index}]`, key, parentKey }));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return mismatch('objet attendu');
    return Object.entries(expected).flatMap(([childKey, value]) =>
      childKey in actual
        ? compareWithExpected({
            expected: value,
            actual: actual[childKey],
            path: path === '' ? childKey : `${path}.${childKey}`,
            key: childKey,
            parentKey: key,
          })
        : [{ path: path === '' ? childKey : `${path}.${childKey}`, expected: value, actual: undefined, reason: 'clé absente' }],
    );
  }
  if (isNumeric(expected)) {
    if (!isNumeric(actual)) return mismatch('nombre décimal attendu');
    const tolerance = toleranceFor({ key: key ?? '', parentKey });
    return numericEqual({ expected, actual, tolerance }) ? [] : mismatch(`écart hors tolérance (${tolerance.kind})`);
  }
  return expected === actual ? [] : mismatch('valeur différente');
};
