import { d, Decimal } from '../money/decimal';
import {
  checkUnique,
  child,
  describeJson,
  frenchDecimal,
  JsonObject,
  Problems,
  readArray,
  readBoolean,
  readDate,
  readDecimal,
  readInteger,
  readObject,
  readString,
  rejectUnknownKeys,
} from './json-reader';
import {
  Budget,
  BUDGET_SECTIONS,
  BudgetLine,
  BudgetTransfer,
  InKindLoan,
  ReallocationInput,
  Redeployment,
  StaffNeed,
  TRANSFER_INSTRUMENTS,
  TransferInstrument,
} from './scenario.types';

/** Article L.5217-10-6 CGCT: fongibilité is capped at 7.5 % of the section's real expenditure. */
export const LEGAL_FONGIBILITE_CAP = d('0.075');
export const DEFAULT_WORKING_DAYS_PER_FTE = d('228');

type Reader<T> = (args: { problems: Problems; object: JsonObject; path: string }) => T | undefined;

/** Reads a list of objects with one reader; undefined when any item is invalid. */
const readList = <T>({ problems, value, path, read }: { problems: Problems; value: unknown; path: string; read: Reader<T> }): T[] | undefined => {
  if (value === undefined) return [];
  const items = readArray({ problems, value, path, required: false });
  if (items === undefined) return undefined;
  const result: T[] = [];
  let valid = true;
  items.forEach((item, index) => {
    const itemPath = child(path, index);
    const object = readObject({ problems, value: item, path: itemPath, required: true });
    const parsed = object === undefined ? undefined : read({ problems, object, path: itemPath });
    if (parsed === undefined) valid = false;
    else result.push(parsed);
  });
  return valid ? result : undefined;
};

const readNeed: Reader<StaffNeed> = ({ problems, object, path }) => {
  rejectUnknownKeys({ problems, object, path, allowed: ['code', 'label', 'critical', 'fteDaysRequested'] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const label = readString({ problems, value: object.label, path: child(path, 'label'), required: false }) ?? code;
  const critical = object.critical === undefined ? false : readBoolean({ problems, value: object.critical, path: child(path, 'critical'), required: true });
  const fteDaysRequested = readDecimal({
    problems,
    value: object.fteDaysRequested,
    path: child(path, 'fteDaysRequested'),
    required: true,
    constraint: 'nonNegative',
  });
  if (code === undefined || label === undefined || critical === undefined || fteDaysRequested === undefined) return undefined;
  return { code, label, critical, fteDaysRequested };
};

const readRedeployment: Reader<Redeployment> = ({ problems, object, path }) => {
  const before = problems.list.length;
  rejectUnknownKeys({
    problems,
    object,
    path,
    allowed: ['agent', 'need', 'fromService', 'toService', 'workingDays', 'quotite', 'requestDate', 'startDate', 'volunteer', 'dailyCost'],
  });
  const text = (key: string, required: boolean): string | undefined => readString({ problems, value: object[key], path: child(path, key), required });
  const agent = text('agent', true);
  const need = text('need', false) ?? null;
  const fromService = text('fromService', false) ?? null;
  const toService = text('toService', false) ?? null;
  const workingDays = readDecimal({ problems, value: object.workingDays, path: child(path, 'workingDays'), required: true, constraint: 'nonNegative' });
  const quotite =
    object.quotite === undefined ? d(1) : readDecimal({ problems, value: object.quotite, path: child(path, 'quotite'), required: true, constraint: 'share' });
  const requestDate = readDate({ problems, value: object.requestDate, path: child(path, 'requestDate') });
  const startDate = readDate({ problems, value: object.startDate, path: child(path, 'startDate') });
  const volunteer = readBoolean({ problems, value: object.volunteer, path: child(path, 'volunteer'), required: true });
  const dailyCost = readDecimal({ problems, value: object.dailyCost, path: child(path, 'dailyCost'), required: true, constraint: 'nonNegative' });
  if (requestDate !== undefined && startDate !== undefined && startDate < requestDate) {
    problems.add(child(path, 'startDate'), `la date de début (${startDate}) précède la date de demande (${requestDate})`);
  }
  if (problems.list.length > before || !agent || !workingDays || !quotite || !requestDate || !startDate || volunteer === undefined || !dailyCost)
    return undefined;
  return { agent, need, fromService, toService, workingDays, quotite, requestDate, startDate, volunteer, dailyCost };
};

const readBudget = ({ problems, value, path }: { problems: Problems; value: unknown; path: string }): Budget | null | undefined => {
  if (value === undefined || value === null) return null;
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  rejectUnknownKeys({ problems, object, path, allowed: ['section', 'realExpenditure', 'fongibiliteLimit'] });
  const section =
    object.section === undefined ? 'FONCTIONNEMENT' : oneOf({ problems, value: object.section, path: child(path, 'section'), allowed: BUDGET_SECTIONS });
  const realExpenditure = readDecimal({
    problems,
    value: object.realExpenditure,
    path: child(path, 'realExpenditure'),
    required: true,
    constraint: 'nonNegative',
  });
  const limitPath = child(path, 'fongibiliteLimit');
  let fongibiliteLimit: Decimal | undefined =
    object.fongibiliteLimit === undefined
      ? LEGAL_FONGIBILITE_CAP
      : readDecimal({ problems, value: object.fongibiliteLimit, path: limitPath, required: true, constraint: 'any' });
  if (fongibiliteLimit !== undefined && (fongibiliteLimit.isNegative() || fongibiliteLimit.gt(LEGAL_FONGIBILITE_CAP))) {
    problems.add(
      limitPath,
      `le plafond de fongibilité doit être compris entre 0 et 0,075 (article L.5217-10-6 du CGCT) (obtenu ${frenchDecimal(fongibiliteLimit)})`,
    );
    fongibiliteLimit = undefined;
  }
  if (section === undefined || realExpenditure === undefined || fongibiliteLimit === undefined) return undefined;
  return { section, realExpenditure, fongibiliteLimit };
};

const oneOf = <T extends string>({
  problems,
  value,
  path,
  allowed,
}: {
  problems: Problems;
  value: unknown;
  path: string;
  allowed: readonly T[];
}): T | undefined => {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) problems.add(path, `valeur attendue parmi ${allowed.join(', ')} (obtenu ${describeJson(value)})`);
  return found;
};

const readBudgetLine = ({ problems, value, path }: { problems: Problems; value: unknown; path: string }): BudgetLine | undefined => {
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  rejectUnknownKeys({ problems, object, path, allowed: ['chapter', 'function', 'article'] });
  const chapter = readString({ problems, value: object.chapter, path: child(path, 'chapter'), required: true });
  const fn =
    object.function === undefined || object.function === null
      ? null
      : readString({ problems, value: object.function, path: child(path, 'function'), required: true });
  if (chapter === undefined || fn === undefined) return undefined;
  return { chapter, function: fn };
};

const readTransfer: Reader<BudgetTransfer> = ({ problems, object, path }) => {
  rejectUnknownKeys({ problems, object, path, allowed: ['code', 'instrument', 'from', 'to', 'amount', 'date', 'label'] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const instrument: TransferInstrument | undefined = oneOf({
    problems,
    value: object.instrument,
    path: child(path, 'instrument'),
    allowed: TRANSFER_INSTRUMENTS,
  });
  const from = readBudgetLine({ problems, value: object.from, path: child(path, 'from') });
  const to = readBudgetLine({ problems, value: object.to, path: child(path, 'to') });
  const amount = readDecimal({ problems, value: object.amount, path: child(path, 'amount'), required: true, constraint: 'nonNegative' });
  if (from && to && (from.function === null) !== (to.function === null)) {
    const side = from.function === null ? 'from' : 'to';
    problems.add(child(child(path, side), 'function'), "fonction manquante d'un seul côté : un mouvement porte une fonction des deux côtés ou d'aucun");
    return undefined;
  }
  if (!code || !instrument || !from || !to || !amount) return undefined;
  return { code, instrument, from, to, amount };
};

const readInKindLoan: Reader<InKindLoan> = ({ problems, object, path }) => {
  rejectUnknownKeys({ problems, object, path, allowed: ['code', 'item', 'toPartner', 'days', 'quantity', 'dailyValue', 'startDate', 'endDate'] });
  const code = readString({ problems, value: object.code, path: child(path, 'code'), required: true });
  const item = readString({ problems, value: object.item, path: child(path, 'item'), required: false }) ?? '';
  const toPartner = readString({ problems, value: object.toPartner, path: child(path, 'toPartner'), required: false }) ?? '';
  const decimal = (key: string): Decimal | undefined =>
    readDecimal({ problems, value: object[key], path: child(path, key), required: true, constraint: 'nonNegative' });
  const days = decimal('days');
  const quantity = decimal('quantity');
  const dailyValue = decimal('dailyValue');
  if (!code || !days || !quantity || !dailyValue) return undefined;
  return { code, item, toPartner, days, quantity, dailyValue };
};

/** The optional `reallocation` block (vectors README § reallocation). */
export const parseReallocation = ({ problems, value, path }: { problems: Problems; value: unknown; path: string }): ReallocationInput | null | undefined => {
  if (value === undefined || value === null) return null;
  const object = readObject({ problems, value, path, required: true });
  if (object === undefined) return undefined;
  const before = problems.list.length;
  rejectUnknownKeys({ problems, object, path, allowed: ['workingDaysPerFte', 'headcount', 'needs', 'redeployments', 'budget', 'transfers', 'inKindLoans'] });
  const workingDaysPerFte =
    object.workingDaysPerFte === undefined
      ? DEFAULT_WORKING_DAYS_PER_FTE
      : readDecimal({ problems, value: object.workingDaysPerFte, path: child(path, 'workingDaysPerFte'), required: true, constraint: 'positive' });
  const headcount =
    object.headcount === undefined || object.headcount === null
      ? null
      : readInteger({ problems, value: object.headcount, path: child(path, 'headcount'), required: true, min: 1 });
  const needsPath = child(path, 'needs');
  const needs = readList({ problems, value: object.needs, path: needsPath, read: readNeed });
  const redeploymentsPath = child(path, 'redeployments');
  const redeployments = readList({ problems, value: object.redeployments, path: redeploymentsPath, read: readRedeployment });
  const budget = readBudget({ problems, value: object.budget, path: child(path, 'budget') });
  const transfersPath = child(path, 'transfers');
  const transfers = readList({ problems, value: object.transfers, path: transfersPath, read: readTransfer });
  const inKindPath = child(path, 'inKindLoans');
  const inKindLoans = readList({ problems, value: object.inKindLoans, path: inKindPath, read: readInKindLoan });
  if (needs) {
    checkUnique({ problems, items: needs.map((need, index) => ({ code: need.code, index })), path: needsPath });
    const codes = new Set(needs.map((need) => need.code));
    redeployments?.forEach((redeployment, index) => {
      if (redeployment.need !== null && !codes.has(redeployment.need))
        problems.add(child(child(redeploymentsPath, index), 'need'), `besoin inconnu « ${redeployment.need} » (absent de ${needsPath})`);
    });
  }
  if (transfers) checkUnique({ problems, items: transfers.map((transfer, index) => ({ code: transfer.code, index })), path: transfersPath });
  if (inKindLoans) checkUnique({ problems, items: inKindLoans.map((loan, index) => ({ code: loan.code, index })), path: inKindPath });
  if (
    problems.list.length > before ||
    !workingDaysPerFte ||
    headcount === undefined ||
    !needs ||
    !redeployments ||
    budget === undefined ||
    !transfers ||
    !inKindLoans
  )
    return undefined;
  return { workingDaysPerFte, headcount, needs, redeployments, budget, transfers, inKindLoans };
};
