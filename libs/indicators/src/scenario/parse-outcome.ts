import { sumDecimals } from '../money/arithmetic';
import { d } from '../money/decimal';
import {
  child,
  DecimalConstraint,
  describeJson,
  frenchDecimal,
  isObject,
  Problems,
  readArray,
  readDecimal,
  readInteger,
  readObject,
  readString,
  rejectUnknownKeys,
} from './json-reader';
import { plain } from './param';
import { Conventions, MixComponent, Outcome, Param, UnitCostRef } from './scenario.types';

const COMMON_KEYS = [
  'code',
  'label',
  'mode',
  'attribution',
  'displacement',
  'quantityPerEvent',
  'unitCost',
  'substitutionCost',
  'grade',
  'durationYears',
  'dropOff',
  'justification',
  'evidence',
] as const;
const COUNTERFACTUAL_ONLY = ['rateWithout', 'rateWith', 'engagement'] as const;
const OBSERVED_ONLY = ['deadweight'] as const;
const TRIPLE_KEYS = ['low', 'central', 'high'] as const;

export const looksLikeTriple = (value: unknown): boolean => isObject(value) && TRIPLE_KEYS.some((key) => key in value);

/** A decimal outcome parameter, plain or `{low, central, high}`; `fallback` when absent (undefined = required). */
export const readParam = ({
  problems,
  value,
  path,
  constraint,
  fallback,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  constraint: DecimalConstraint;
  fallback?: string;
}): Param | undefined => {
  if (value === undefined) {
    if (fallback !== undefined) return plain(d(fallback));
    problems.add(path, 'paramètre requis (chaîne décimale ou fourchette {"low", "central", "high"})');
    return undefined;
  }
  if (!isObject(value)) {
    const decimal = readDecimal({ problems, value, path, required: true, constraint });
    return decimal === undefined ? undefined : plain(decimal);
  }
  const missing = TRIPLE_KEYS.filter((key) => !(key in value));
  const extra = Object.keys(value).filter((key) => !(TRIPLE_KEYS as readonly string[]).includes(key));
  if (missing.length > 0 || extra.length > 0) {
    problems.add(path, `fourchette attendue avec exactement les clés low, central, high (obtenu ${describeJson(value)})`);
    return undefined;
  }
  const [low, central, high] = TRIPLE_KEYS.map((key) => readDecimal({ problems, value: value[key], path: child(path, key), required: true, constraint }));
  return low && central && high ? { kind: 'triple', low, central, high } : undefined;
};

const rejectTriple = ({ problems, value, path, what }: { problems: Problems; value: unknown; path: string; what: string }): boolean => {
  if (!looksLikeTriple(value)) return false;
  problems.add(path, `fourchette non admise pour ${what} : seuls les paramètres décimaux d'un résultat (taux, parts, quantité, érosion) en admettent`);
  return true;
};

const readUnitCostRef = ({ problems, value, path }: { problems: Problems; value: unknown; path: string }): UnitCostRef | undefined => {
  if (value === undefined) {
    problems.add(path, 'coût unitaire requis (code ou mélange [{"code", "share"}])');
    return undefined;
  }
  if (typeof value === 'string') {
    const code = readString({ problems, value, path, required: true });
    return code === undefined ? undefined : { kind: 'single', code };
  }
  const items = readArray({ problems, value, path, required: true });
  if (items === undefined) return undefined;
  if (items.length === 0) {
    problems.add(path, 'mélange de coûts unitaires vide');
    return undefined;
  }
  const components: MixComponent[] = [];
  let valid = true;
  items.forEach((item, index) => {
    const itemPath = child(path, index);
    const object = readObject({ problems, value: item, path: itemPath, required: true });
    if (object === undefined) return void (valid = false);
    rejectUnknownKeys({ problems, object, path: itemPath, allowed: ['code', 'share'] });
    const code = readString({ problems, value: object.code, path: child(itemPath, 'code'), required: true });
    const share = rejectTriple({ problems, value: object.share, path: child(itemPath, 'share'), what: 'une part de mélange' })
      ? undefined
      : readDecimal({ problems, value: object.share, path: child(itemPath, 'share'), required: true, constraint: 'share' });
    if (code === undefined || share === undefined) return void (valid = false);
    components.push({ code, share });
  });
  if (!valid) return undefined;
  const total = sumDecimals(components.map((component) => component.share));
  if (!total.eq(1)) {
    problems.add(path, `la somme des parts du mélange doit valoir 1 (obtenu ${frenchDecimal(total)})`);
    return undefined;
  }
  return { kind: 'mix', components };
};

/** The message for a key that only conventions 2 knows, read under conventions 1. */
export const conventions2Only = (what: string): string =>
  `${what} : connu des conventions 2 seulement (methodology.conventions = 2) ; les conventions 1 ne le prennent pas en compte`;

/** A parameter that must be exactly 0 (plain or every value of a triple). */
const isZeroParam = (param: Param): boolean =>
  param.kind === 'plain' ? param.value.isZero() : [param.low, param.central, param.high].every((v) => v.isZero());

/**
 * Conventions 2 (README 2.1): a counterfactual outcome's exposure is a stock, so each period counts its own avoided events;
 * what one avoided event saves later belongs in quantityPerEvent. durationYears > 1 or a dropOff other than 0 is an error.
 */
const checkCounterfactualPersistence = ({
  problems,
  path,
  durationYears,
  dropOff,
}: {
  problems: Problems;
  path: string;
  durationYears: number | undefined;
  dropOff: Param | undefined;
}): void => {
  const hint = 'en conventions 2, un résultat contrefactuel vaut pour sa période : porter la persistance dans quantityPerEvent';
  if (durationYears !== undefined && durationYears > 1)
    problems.add(child(path, 'durationYears'), `durationYears ${durationYears} interdit (1 attendu) : ${hint}`);
  if (dropOff !== undefined && !isZeroParam(dropOff)) problems.add(child(path, 'dropOff'), `dropOff non nul interdit (0 attendu) : ${hint}`);
};

/** One outcome of a service (vectors README § services[] and their outcomes[]; conventions 2: substitutionCost, README 2.1). */
export const parseOutcome = ({
  problems,
  value,
  path,
  conventions = 1,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  conventions?: Conventions;
}): Outcome | undefined => {
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  const before = problems.list.length;
  const mode = object.mode;
  if (mode !== 'counterfactual' && mode !== 'observed') {
    problems.add(child(path, 'mode'), `mode attendu "counterfactual" ou "observed" (obtenu ${describeJson(mode)})`);
  }
  rejectUnknownKeys({ problems, object, path, allowed: [...COMMON_KEYS, ...COUNTERFACTUAL_ONLY, ...OBSERVED_ONLY] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code ?? '';
  const param = (key: string, constraint: DecimalConstraint, fallback?: string): Param | undefined =>
    readParam({ problems, value: object[key], path: child(path, key), constraint, fallback });
  const attribution = param('attribution', 'share', '0');
  const displacement = param('displacement', 'share', '0');
  const quantityPerEvent = param('quantityPerEvent', 'nonNegative', '1');
  const dropOff = param('dropOff', 'share', '0');
  const unitCost = readUnitCostRef({ problems, value: object.unitCost, path: child(path, 'unitCost') });
  let substitutionCost: UnitCostRef | null | undefined = null;
  if (object.substitutionCost !== undefined) {
    if (conventions === 1) {
      problems.add(child(path, 'substitutionCost'), conventions2Only('coût de substitution « substitutionCost »'));
      substitutionCost = undefined;
    } else substitutionCost = readUnitCostRef({ problems, value: object.substitutionCost, path: child(path, 'substitutionCost') });
  }
  const grade =
    object.grade === undefined || object.grade === null
      ? null
      : rejectTriple({ problems, value: object.grade, path: child(path, 'grade'), what: 'grade' })
        ? undefined
        : readInteger({ problems, value: object.grade, path: child(path, 'grade'), required: true, min: 1 });
  const durationYears =
    object.durationYears === undefined
      ? 1
      : rejectTriple({ problems, value: object.durationYears, path: child(path, 'durationYears'), what: 'durationYears' })
        ? undefined
        : readInteger({ problems, value: object.durationYears, path: child(path, 'durationYears'), required: true, min: 1, max: 100 });

  const common = { attribution, displacement, quantityPerEvent, dropOff, unitCost, substitutionCost, grade, durationYears };
  if (mode === 'counterfactual') {
    if (conventions === 2) checkCounterfactualPersistence({ problems, path, durationYears, dropOff });
    for (const key of OBSERVED_ONLY) {
      if (key in object) problems.add(child(path, key), `« ${key} » interdit en mode contrefactuel : le taux sans le service contient déjà l'effet d'aubaine`);
    }
    const rateWithout = param('rateWithout', 'nonNegative');
    const rateWith = param('rateWith', 'nonNegative');
    const engagement = param('engagement', 'share', '1');
    if (problems.list.length > before || !code || !rateWithout || !rateWith || !engagement || !complete(common)) return undefined;
    return { mode, code, label, rateWithout, rateWith, engagement, ...common };
  }
  if (mode === 'observed') {
    for (const key of COUNTERFACTUAL_ONLY) {
      if (key in object)
        problems.add(child(path, key), `« ${key} » interdit en mode observé : les résultats sont comptés par le service (metric observed.${code ?? '…'})`);
    }
    const deadweight = param('deadweight', 'share', '0');
    if (problems.list.length > before || !code || !deadweight || !complete(common)) return undefined;
    return { mode, code, label, deadweight, ...common };
  }
  return undefined;
};

type Common = {
  attribution: Param;
  displacement: Param;
  quantityPerEvent: Param;
  dropOff: Param;
  unitCost: UnitCostRef;
  substitutionCost: UnitCostRef | null;
  grade: number | null;
  durationYears: number;
};
type MaybeCommon = { [K in keyof Common]: Common[K] | undefined };

const complete = (common: MaybeCommon): common is Common => Object.values(common).every((value) => value !== undefined);
