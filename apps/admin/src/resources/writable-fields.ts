/**
 * What each resource's POST / PUT accepts (the API's DTOs, `forbidNonWhitelisted`): react-admin sends the whole
 * record back, read-only fields included, so the data provider keeps only these. Empty texts become null,
 * integer fields become numbers (class-validator's IsInt).
 */
export const WRITABLE: Record<string, readonly string[]> = {
  figures: ['value', 'comment', 'reason'],
  'unit-costs': [
    'code',
    'label',
    'unit',
    'amount',
    'amountLow',
    'amountHigh',
    'priceYear',
    'payers',
    'cashableShare',
    'grade',
    'sourceTitle',
    'sourcePublisher',
    'sourceUrl',
    'note',
    'validFrom',
    'validTo',
  ],
  'price-indices': ['series', 'year', 'value', 'base', 'source'],
  'outcome-assumptions': ['service', 'code', 'label', 'params', 'justification', 'evidence'],
  'methodology-versions': ['label', 'effectiveFrom', 'parameters'],
  'custom-indicators': ['code', 'label', 'unit', 'numerator', 'denominator', 'factor'],
  'indicator-targets': ['indicator', 'orgUnit', 'year', 'target', 'alertBelow', 'alertAbove'],
  redeployments: ['agentRef', 'need', 'fromService', 'toService', 'toPartner', 'workingDays', 'quotite', 'requestDate', 'startDate', 'volunteer', 'dailyCost'],
  'staff-needs': ['code', 'label', 'critical', 'fteDaysRequested', 'service', 'orgUnit', 'requestDate'],
  'budget-transfers': ['code', 'instrument', 'section', 'fromChapter', 'fromFunction', 'toChapter', 'toFunction', 'amount', 'decisionDate'],
  'budget-years': ['year', 'section', 'realExpenditure', 'source', 'comment'],
  'service-fundings': ['service', 'year', 'shares', 'note'],
  'in-kind-loans': ['code', 'item', 'toPartner', 'days', 'quantity', 'dailyValue', 'startDate'],
  initiatives: ['title', 'orgUnit', 'team', 'service', 'startDate', 'status', 'hours', 'euros', 'itemsLent', 'results', 'metric'],
  'report-subscriptions': [
    'name',
    'recipients',
    'orgUnits',
    'services',
    'indicators',
    'schedule',
    'periodCovered',
    'language',
    'formats',
    'documents',
    'active',
  ],
  users: ['email', 'displayName', 'role', 'orgUnit', 'password', 'active'],
};

const INTEGERS = new Set(['year', 'priceYear', 'grade']);
/** Left out rather than sent blank: the API then keeps its default (or the current value on update). */
const OMIT_WHEN_BLANK = new Set(['password', 'cashableShare', 'quotite', 'section']);

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The body to send for a resource; unknown resources get the data as is. */
export const writableBody = (resource: string, data: Record<string, unknown>): Record<string, unknown> => {
  const fields = WRITABLE[resource];
  if (!fields) return data;
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in data)) continue;
    const value = data[field];
    if (blank(value)) {
      // A user's org unit: absent = the whole organisation (null is not a code).
      if (OMIT_WHEN_BLANK.has(field) || (resource === 'users' && field === 'orgUnit')) continue;
      body[field] = null;
    } else if (INTEGERS.has(field) && typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
      body[field] = Number(value.trim());
    } else {
      body[field] = typeof value === 'string' && field !== 'password' ? value.trim() : value;
    }
  }
  return body;
};
