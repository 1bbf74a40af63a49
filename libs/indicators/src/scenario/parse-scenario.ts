import { sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';
import { parsePeriod } from '../periods/period';
import { DEFAULT_OPTIMISM_BIAS } from '../savings/optimism-bias';
import {
  checkUnique,
  child,
  describeJson,
  frenchDecimal,
  isObject,
  JsonObject,
  Problems,
  readArray,
  readDecimal,
  readInteger,
  readObject,
  readString,
  rejectUnknownKeys,
} from './json-reader';
import { conventions2Only, looksLikeTriple, parseOutcome, readParam } from './parse-outcome';
import { parseReallocation } from './parse-reallocation';
import {
  CONVENTIONS,
  Conventions,
  CONVENTIONS_2_PAYERS,
  DiscountConvention,
  Funding,
  Figure,
  Methodology,
  Outcome,
  ParseScenarioResult,
  Payer,
  payersOf,
  Scenario,
  SCENARIO_FORMAT,
  Param,
  Service,
  UnitCost,
  UnitCostRef,
} from './scenario.types';
import { plain, resolveParam } from './param';
import { DEFAULT_FUNDING } from '../savings/cost-by-payer';

export const DEFAULT_DISCOUNT_RATE = '0.032';

/**
 * Metrics whose values the savings engine reads; they are counts or euros, never negative, except (conventions 2) an
 * `observed.<code>` figure, a net count that may be negative (a harm).
 */
const isNonNegativeMetric = (metric: string, conventions: Conventions): boolean =>
  ['spend', 'person_months', 'beneficiaries'].includes(metric) || (conventions === 1 && metric.startsWith('observed.'));

/**
 * `methodology.conventions`: 1 by default, or 2; any other value is an error (and the rest is then read under conventions 1,
 * the default).
 */
const readConventions = ({ problems, methodology }: { problems: Problems; methodology: unknown }): Conventions => {
  if (!isObject(methodology) || methodology.conventions === undefined) return 1;
  const value = methodology.conventions;
  const found = CONVENTIONS.find((candidate) => candidate === value || String(candidate) === value);
  if (found === undefined) problems.add('methodology.conventions', `conventions attendues 1 ou 2 (obtenu ${describeJson(value)})`);
  return found ?? 1;
};

/** A payer code admitted by these conventions, or undefined (the error recorded, naming the conventions-2 codes under conventions 1). */
const readPayer = ({ problems, key, path, conventions }: { problems: Problems; key: string; path: string; conventions: Conventions }): Payer | undefined => {
  const payer = payersOf(conventions).find((candidate) => candidate === key);
  if (payer !== undefined) return payer;
  if (conventions === 1 && (CONVENTIONS_2_PAYERS as readonly string[]).includes(key)) problems.add(path, conventions2Only(`payeur « ${key} »`));
  else problems.add(path, `payeur inconnu « ${key} » (payeurs admis : ${payersOf(conventions).join(', ')})`);
  return undefined;
};

/**
 * Payer → share map: known payers, shares in [0, 1] summing to exactly 1. The sum is checked only when nothing else was
 * wrong since `since` (the count of problems when the enclosing item started).
 */
const readPayerShares = ({
  problems,
  value,
  path,
  conventions,
  since,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  conventions: Conventions;
  since: number;
}): Partial<Record<Payer, Decimal>> | undefined => {
  const before = problems.list.length;
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  const shares: Partial<Record<Payer, Decimal>> = {};
  for (const [key, entry] of Object.entries(object)) {
    const payer = readPayer({ problems, key, path: child(path, key), conventions });
    const share = readDecimal({ problems, value: entry, path: child(path, key), required: true, constraint: 'share' });
    if (payer !== undefined && share !== undefined) shares[payer] = share;
  }
  if (problems.list.length > before) return undefined;
  if (problems.list.length > since) return shares;
  const total = sumDecimals(Object.values(shares));
  if (!total.eq(1)) {
    problems.add(path, `la somme des parts des payeurs doit valoir 1 (obtenu ${frenchDecimal(total)})`);
    return undefined;
  }
  return shares;
};

const readYearTable = ({
  problems,
  value,
  path,
  constraint,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  constraint: 'share' | 'positive';
}): Record<number, Decimal> | undefined => {
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  const table: Record<number, Decimal> = {};
  let valid = true;
  for (const [key, entry] of Object.entries(object)) {
    const keyNumber = readInteger({ problems, value: key, path: child(path, key), required: true });
    const decimal = readDecimal({ problems, value: entry, path: child(path, key), required: true, constraint });
    if (keyNumber === undefined || decimal === undefined) valid = false;
    else table[keyNumber] = decimal;
  }
  return valid ? table : undefined;
};

const parseMethodology = ({ problems, value, conventions }: { problems: Problems; value: unknown; conventions: Conventions }): Methodology | undefined => {
  const path = 'methodology';
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  rejectUnknownKeys({
    problems,
    object,
    path,
    allowed: ['conventions', 'baseYear', 'discountRate', 'discountConvention', 'optimismBias', 'priceIndex', 'version'],
  });
  const baseYear = readInteger({ problems, value: object.baseYear, path: child(path, 'baseYear'), required: true, min: 1000, max: 9999 });
  const discountRate = readDecimal({
    problems,
    value: object.discountRate ?? DEFAULT_DISCOUNT_RATE,
    path: child(path, 'discountRate'),
    required: true,
    constraint: 'nonNegative',
  });
  let discountConvention: DiscountConvention | undefined = 0;
  if (object.discountConvention !== undefined) {
    const convention = readInteger({ problems, value: object.discountConvention, path: child(path, 'discountConvention'), required: true, min: 0, max: 1 });
    discountConvention = convention === 0 || convention === 1 ? convention : undefined;
  }
  const optimismBias =
    object.optimismBias === undefined
      ? DEFAULT_OPTIMISM_BIAS
      : readYearTable({ problems, value: object.optimismBias, path: child(path, 'optimismBias'), constraint: 'share' });
  const priceIndex =
    object.priceIndex === undefined ? {} : readYearTable({ problems, value: object.priceIndex, path: child(path, 'priceIndex'), constraint: 'positive' });
  if (baseYear === undefined || discountRate === undefined || discountConvention === undefined || optimismBias === undefined || priceIndex === undefined)
    return undefined;
  return { conventions, baseYear, discountRate, discountConvention, optimismBias, priceIndex };
};

const parseUnitCost =
  (conventions: Conventions) =>
  ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): UnitCost | undefined => {
    const before = problems.list.length;
    rejectUnknownKeys({
      problems,
      object,
      path,
      allowed: ['code', 'label', 'unit', 'amount', 'priceYear', 'payers', 'cashableShare', 'source', 'grade', 'url'],
    });
    const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
    const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code ?? '';
    const unit = readString({ problems, value: object.unit, path: child(path, 'unit'), required: false }) ?? '';
    const source = readString({ problems, value: object.source, path: child(path, 'source'), required: false }) ?? '';
    const amountPath = child(path, 'amount');
    let amountParam: Param | undefined;
    if (looksLikeTriple(object.amount) && conventions === 1) problems.add(amountPath, conventions2Only("fourchette sur le montant d'un coût unitaire"));
    else if (looksLikeTriple(object.amount)) amountParam = readParam({ problems, value: object.amount, path: amountPath, constraint: 'nonNegative' });
    else {
      const amount = readDecimal({ problems, value: object.amount, path: amountPath, required: true, constraint: 'nonNegative' });
      amountParam = amount === undefined ? undefined : plain(amount);
    }
    const priceYear = readInteger({ problems, value: object.priceYear, path: child(path, 'priceYear'), required: true, min: 1000, max: 9999 });
    const cashableShare = readDecimal({
      problems,
      value: object.cashableShare ?? '1',
      path: child(path, 'cashableShare'),
      required: true,
      constraint: 'share',
    });
    const payers = readPayerShares({ problems, value: object.payers, path: child(path, 'payers'), conventions, since: before });
    if (problems.list.length > before || !code || !amountParam || priceYear === undefined || !cashableShare || !payers) return undefined;
    const amount = resolveParam({ param: amountParam, rangeCase: 'central' });
    return { code, label, unit, amount, amountParam, priceYear, payers, cashableShare, source };
  };

/** Conventions 2: `funding` of a service (README 2.5); absent = `{ COMMUNE_CCAS: 1 }`; under conventions 1 the key is an error. */
const parseFunding = ({
  problems,
  value,
  path,
  conventions,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  conventions: Conventions;
}): Funding | undefined => {
  if (value === undefined) return DEFAULT_FUNDING;
  if (conventions === 1) {
    problems.add(path, conventions2Only('financement du service « funding »'));
    return undefined;
  }
  if (isObject(value) && Object.keys(value).length === 0) {
    problems.add(path, 'financement vide : au moins un payeur attendu, avec des parts dont la somme vaut 1');
    return undefined;
  }
  return readPayerShares({ problems, value, path, conventions, since: problems.list.length });
};

type ParsedService = Service & { readonly outcomeIndices: readonly number[] };

const parseService =
  (conventions: Conventions) =>
  ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): ParsedService | undefined => {
    rejectUnknownKeys({ problems, object, path, allowed: ['code', 'label', 'function', 'kind', 'funding', 'outcomes'] });
    const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
    const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code ?? '';
    const funding = parseFunding({ problems, value: object.funding, path: child(path, 'funding'), conventions });
    const outcomesPath = child(path, 'outcomes');
    const items = readArray({ problems, value: object.outcomes ?? [], path: outcomesPath, required: true }) ?? [];
    const outcomes: Outcome[] = [];
    const outcomeIndices: number[] = [];
    const codes: { code: string; index: number }[] = [];
    items.forEach((item, index) => {
      const outcome = parseOutcome({ problems, value: item, path: child(outcomesPath, index), conventions });
      if (outcome !== undefined) {
        outcomes.push(outcome);
        outcomeIndices.push(index);
      }
      const code = isObject(item) ? item.code : undefined;
      if (typeof code === 'string') codes.push({ code, index });
    });
    checkUnique({ problems, items: codes, path: outcomesPath });
    // A service with an invalid outcome is kept with its valid ones, so that later checks still run on them.
    if (!code || !funding) return undefined;
    return { code, label, funding, outcomes, outcomeIndices };
  };

const parseFigure =
  (conventions: Conventions) =>
  ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): Figure | undefined => {
    rejectUnknownKeys({ problems, object, path, allowed: ['service', 'period', 'metric', 'value', 'orgUnit', 'comment'] });
    const service = readString({ problems, value: object.service, path: child(path, 'service'), required: true });
    const periodText = readString({ problems, value: object.period, path: child(path, 'period'), required: true });
    const metric = readString({ problems, value: object.metric, path: child(path, 'metric'), required: true });
    let period: string | undefined = periodText;
    if (periodText !== undefined) {
      const parsed = parsePeriod(periodText);
      if (!parsed.ok) {
        problems.add(child(path, 'period'), parsed.message);
        period = undefined;
      }
    }
    const constraint = metric !== undefined && isNonNegativeMetric(metric, conventions) ? 'nonNegative' : 'any';
    const value = readDecimal({ problems, value: object.value, path: child(path, 'value'), required: true, constraint });
    if (!service || !period || !metric || !value) return undefined;
    return { service, period, metric, value };
  };

/** Reads every item of a top-level list with `read`; invalid items are left out (their errors are recorded). */
const parseList = <T>({
  problems,
  value,
  path,
  read,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  read: (args: { problems: Problems; object: JsonObject; path: string }) => T | undefined;
}): (T & { index: number })[] => {
  const items = readArray({ problems, value, path, required: true }) ?? [];
  const result: (T & { index: number })[] = [];
  items.forEach((item, index) => {
    const itemPath = child(path, index);
    const object = readObject({ problems, value: item, path: itemPath, required: true });
    const parsed = object === undefined ? undefined : read({ problems, object, path: itemPath });
    if (parsed !== undefined) result.push({ ...parsed, index });
  });
  return result;
};

const refCodes = (ref: UnitCostRef, key: string): { code: string; path: string }[] =>
  ref.kind === 'single' ? [{ code: ref.code, path: key }] : ref.components.map((component, index) => ({ code: component.code, path: `${key}[${index}].code` }));

/** The unit-cost codes an outcome refers to: its unit cost and (conventions 2) its substitution cost. */
const unitCostCodes = (outcome: Outcome): { code: string; path: string }[] => [
  ...refCodes(outcome.unitCost, 'unitCost'),
  ...(outcome.substitutionCost === null ? [] : refCodes(outcome.substitutionCost, 'substitutionCost')),
];

/** The codes declared in a raw list, valid items or not (so that one invalid item does not cascade into "unknown code" errors). */
const declaredCodes = (value: unknown): { code: string; index: number }[] =>
  Array.isArray(value) ? value.flatMap((item: unknown, index) => (isObject(item) && typeof item.code === 'string' ? [{ code: item.code, index }] : [])) : [];

/** Checks that need several parts at once: references, grades, price indices, figures. */
const crossCheck = ({
  problems,
  root,
  methodology,
  unitCosts,
  services,
  figures,
}: {
  problems: Problems;
  root: JsonObject;
  methodology: Methodology | undefined;
  unitCosts: (UnitCost & { index: number })[];
  services: (ParsedService & { index: number })[];
  figures: (Figure & { index: number })[];
}): void => {
  const declaredCosts = declaredCodes(root.unitCosts);
  const declaredServices = declaredCodes(root.services);
  checkUnique({ problems, items: declaredCosts, path: 'unitCosts' });
  checkUnique({ problems, items: declaredServices, path: 'services' });
  const costCodes = new Set(declaredCosts.map((item) => item.code));
  const usedCosts = new Set<string>();
  for (const service of services) {
    service.outcomes.forEach((outcome, outcomeIndex) => {
      const outcomePath = `services[${service.index}].outcomes[${service.outcomeIndices[outcomeIndex]}]`;
      for (const { code, path } of unitCostCodes(outcome)) {
        if (costCodes.has(code)) usedCosts.add(code);
        else problems.add(`${outcomePath}.${path}`, `coût unitaire inconnu « ${code} » (absent de unitCosts)`);
      }
      if (methodology && outcome.grade !== null && methodology.optimismBias[outcome.grade] === undefined) {
        problems.add(
          `${outcomePath}.grade`,
          `grade ${outcome.grade} absent de la table de biais d'optimisme (grades connus : ${Object.keys(methodology.optimismBias).join(', ')})`,
        );
      }
    });
  }
  if (methodology) {
    for (const unitCost of unitCosts) {
      if (!usedCosts.has(unitCost.code) || unitCost.priceYear === methodology.baseYear) continue;
      const missing = [unitCost.priceYear, methodology.baseYear].filter((year) => methodology.priceIndex[year] === undefined);
      if (missing.length > 0) {
        problems.add(
          `unitCosts[${unitCost.index}].priceYear`,
          `indice des prix manquant pour ${missing.join(' et ')} dans methodology.priceIndex : impossible de convertir les euros de ${unitCost.priceYear} en euros constants de ${methodology.baseYear}`,
        );
      }
    }
  }
  if (methodology?.conventions === 2) checkSpendIndices({ problems, methodology, figures });
  const serviceCodes = new Set(declaredServices.map((service) => service.code));
  const granularity = new Map<string, { granularity: string; index: number }>();
  const keys = new Map<string, number>();
  for (const figure of figures) {
    const path = `figures[${figure.index}]`;
    if (!serviceCodes.has(figure.service)) {
      problems.add(`${path}.service`, `service inconnu « ${figure.service} » (absent de services)`);
      continue;
    }
    const parsed = parsePeriod(figure.period);
    const kind = parsed.ok ? parsed.period.granularity : 'year';
    const first = granularity.get(figure.service);
    if (first === undefined) granularity.set(figure.service, { granularity: kind, index: figure.index });
    else if (first.granularity !== kind) {
      problems.add(
        `${path}.period`,
        `granularité mélangée pour le service « ${figure.service} » : ${figure.period} alors que figures[${first.index}] est ${FRENCH_GRANULARITY[first.granularity] ?? first.granularity}`,
      );
    }
    const key = JSON.stringify([figure.service, figure.period, figure.metric]);
    const duplicate = keys.get(key);
    if (duplicate !== undefined)
      problems.add(path, `chiffre en double pour (${figure.service}, ${figure.period}, ${figure.metric}) : déjà en figures[${duplicate}]`);
    else keys.set(key, figure.index);
  }
};

/** Conventions 2 (README 2.4): the spend of a year other than the base year needs both indices to be brought to constant euros. */
const checkSpendIndices = ({
  problems,
  methodology,
  figures,
}: {
  problems: Problems;
  methodology: Methodology;
  figures: readonly (Figure & { index: number })[];
}): void => {
  for (const figure of figures) {
    if (figure.metric !== 'spend') continue;
    const parsed = parsePeriod(figure.period);
    if (!parsed.ok) continue;
    const year = parsed.period.year;
    if (year === methodology.baseYear) continue;
    const missing = [year, methodology.baseYear].filter((y) => methodology.priceIndex[y] === undefined);
    if (missing.length > 0)
      problems.add(
        `figures[${figure.index}].period`,
        `indice des prix manquant pour ${missing.join(' et ')} dans methodology.priceIndex : impossible de convertir la dépense de ${year} en euros constants de ${methodology.baseYear} (conventions 2)`,
      );
  }
};

const FRENCH_GRANULARITY: Readonly<Record<string, string>> = { year: 'annuelle', quarter: 'trimestrielle', month: 'mensuelle' };

/**
 * Reads a `levier-scenario/1` document from unknown JSON into a typed scenario, or the full list of problems
 * (never throws, never stops at the first problem). Rules: shared/vectors/README.md.
 */
export const parseScenario = (input: unknown): ParseScenarioResult => {
  const problems = new Problems();
  const root = readObject({ problems, value: input, path: '$', required: true });
  if (root === undefined) return { ok: false, errors: problems.list };
  rejectUnknownKeys({
    problems,
    object: root,
    path: '',
    allowed: ['format', 'name', 'description', 'methodology', 'unitCosts', 'services', 'figures', 'reallocation', 'expected'],
  });
  if (root.format !== SCENARIO_FORMAT) problems.add('format', `format attendu "${SCENARIO_FORMAT}" (obtenu ${describeJson(root.format)})`);
  const name = readString({ problems, value: root.name, path: 'name', required: false }) ?? '';
  const description = readString({ problems, value: root.description, path: 'description', required: false }) ?? '';
  const conventions = readConventions({ problems, methodology: root.methodology });
  const methodology = parseMethodology({ problems, value: root.methodology, conventions });
  const unitCosts = parseList({ problems, value: root.unitCosts ?? [], path: 'unitCosts', read: parseUnitCost(conventions) });
  const services = parseList({ problems, value: root.services ?? [], path: 'services', read: parseService(conventions) });
  const figures = parseList({ problems, value: root.figures ?? [], path: 'figures', read: parseFigure(conventions) });
  const reallocation = parseReallocation({ problems, value: root.reallocation, path: 'reallocation' });
  crossCheck({ problems, root, methodology, unitCosts, services, figures });
  if (problems.list.length > 0 || methodology === undefined || reallocation === undefined) return { ok: false, errors: problems.list };
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name,
    description,
    methodology,
    unitCosts: unitCosts.map(({ index: _index, ...unitCost }) => unitCost),
    services: services.map(({ code, label, funding, outcomes }) => ({ code, label, funding, outcomes })),
    figures: figures.map(({ index: _index, ...figure }) => figure),
    reallocation,
  };
  return { ok: true, scenario };
};
