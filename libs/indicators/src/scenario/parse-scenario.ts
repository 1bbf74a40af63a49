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
import { parseOutcome } from './parse-outcome';
import { parseReallocation } from './parse-reallocation';
import {
  DiscountConvention,
  Figure,
  Methodology,
  Outcome,
  ParseScenarioResult,
  Payer,
  PAYERS,
  Scenario,
  SCENARIO_FORMAT,
  Service,
  UnitCost,
} from './scenario.types';

export const DEFAULT_DISCOUNT_RATE = '0.032';

/** Metrics whose values the savings engine reads; they are counts or euros, never negative. */
const isSavingsMetric = (metric: string): boolean => ['spend', 'person_months', 'beneficiaries'].includes(metric) || metric.startsWith('observed.');

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

const parseMethodology = ({ problems, value }: { problems: Problems; value: unknown }): Methodology | undefined => {
  const path = 'methodology';
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  rejectUnknownKeys({ problems, object, path, allowed: ['baseYear', 'discountRate', 'discountConvention', 'optimismBias', 'priceIndex', 'version'] });
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
  return { baseYear, discountRate, discountConvention, optimismBias, priceIndex };
};

const parseUnitCost = ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): UnitCost | undefined => {
  const before = problems.list.length;
  rejectUnknownKeys({ problems, object, path, allowed: ['code', 'label', 'unit', 'amount', 'priceYear', 'payers', 'cashableShare', 'source', 'grade', 'url'] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code ?? '';
  const unit = readString({ problems, value: object.unit, path: child(path, 'unit'), required: false }) ?? '';
  const source = readString({ problems, value: object.source, path: child(path, 'source'), required: false }) ?? '';
  const amount = readDecimal({ problems, value: object.amount, path: child(path, 'amount'), required: true, constraint: 'nonNegative' });
  const priceYear = readInteger({ problems, value: object.priceYear, path: child(path, 'priceYear'), required: true, min: 1000, max: 9999 });
  const cashableShare = readDecimal({ problems, value: object.cashableShare ?? '1', path: child(path, 'cashableShare'), required: true, constraint: 'share' });
  const payersPath = child(path, 'payers');
  const payersObject = readObject({ problems, value: object.payers, path: payersPath, required: true });
  const payers: Partial<Record<Payer, Decimal>> = {};
  if (payersObject !== undefined) {
    for (const [key, value] of Object.entries(payersObject)) {
      const payer = PAYERS.find((candidate) => candidate === key);
      if (payer === undefined) problems.add(child(payersPath, key), `payeur inconnu « ${key} » (payeurs admis : ${PAYERS.join(', ')})`);
      const share = readDecimal({ problems, value, path: child(payersPath, key), required: true, constraint: 'share' });
      if (payer !== undefined && share !== undefined) payers[payer] = share;
    }
    const total = sumDecimals(Object.values(payers));
    if (problems.list.length === before && !total.eq(1))
      problems.add(payersPath, `la somme des parts des payeurs doit valoir 1 (obtenu ${frenchDecimal(total)})`);
  }
  if (problems.list.length > before || !code || !amount || priceYear === undefined || !cashableShare) return undefined;
  return { code, label, unit, amount, priceYear, payers, cashableShare, source };
};

type ParsedService = Service & { readonly outcomeIndices: readonly number[] };

const parseService = ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): ParsedService | undefined => {
  rejectUnknownKeys({ problems, object, path, allowed: ['code', 'label', 'function', 'kind', 'outcomes'] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code ?? '';
  const outcomesPath = child(path, 'outcomes');
  const items = readArray({ problems, value: object.outcomes ?? [], path: outcomesPath, required: true }) ?? [];
  const outcomes: Outcome[] = [];
  const outcomeIndices: number[] = [];
  const codes: { code: string; index: number }[] = [];
  items.forEach((item, index) => {
    const outcome = parseOutcome({ problems, value: item, path: child(outcomesPath, index) });
    if (outcome !== undefined) {
      outcomes.push(outcome);
      outcomeIndices.push(index);
    }
    const code = isObject(item) ? item.code : undefined;
    if (typeof code === 'string') codes.push({ code, index });
  });
  checkUnique({ problems, items: codes, path: outcomesPath });
  // A service with an invalid outcome is kept with its valid ones, so that later checks still run on them.
  if (!code) return undefined;
  return { code, label, outcomes, outcomeIndices };
};

const parseFigure = ({ problems, object, path }: { problems: Problems; object: JsonObject; path: string }): Figure | undefined => {
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
  const constraint = metric !== undefined && isSavingsMetric(metric) ? 'nonNegative' : 'any';
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

const unitCostCodes = (outcome: Outcome): { code: string; path: string }[] =>
  outcome.unitCost.kind === 'single'
    ? [{ code: outcome.unitCost.code, path: 'unitCost' }]
    : outcome.unitCost.components.map((component, index) => ({ code: component.code, path: `unitCost[${index}].code` }));

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
  const methodology = parseMethodology({ problems, value: root.methodology });
  const unitCosts = parseList({ problems, value: root.unitCosts ?? [], path: 'unitCosts', read: parseUnitCost });
  const services = parseList({ problems, value: root.services ?? [], path: 'services', read: parseService });
  const figures = parseList({ problems, value: root.figures ?? [], path: 'figures', read: parseFigure });
  const reallocation = parseReallocation({ problems, value: root.reallocation, path: 'reallocation' });
  crossCheck({ problems, root, methodology, unitCosts, services, figures });
  if (problems.list.length > 0 || methodology === undefined || reallocation === undefined) return { ok: false, errors: problems.list };
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name,
    description,
    methodology,
    unitCosts: unitCosts.map(({ index: _index, ...unitCost }) => unitCost),
    services: services.map(({ code, label, outcomes }) => ({ code, label, outcomes })),
    figures: figures.map(({ index: _index, ...figure }) => figure),
    reallocation,
  };
  return { ok: true, scenario };
};
