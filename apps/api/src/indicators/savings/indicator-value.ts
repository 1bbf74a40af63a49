export type IndicatorScenario = 'low' | 'central' | 'high';
/** `current`: under the method in force now; `reported`: frozen under the version the period was approved with. */
export type IndicatorBasis = 'current' | 'reported';

/*
 * The savings read model, `indicator_value` (no TypeORM entity: only raw SQL reads and writes it, as the other read
 * models, `custom_indicator_value` and `reallocation_value`; migrations 1795673332455 … 1795850000000):
 *
 * one row per (org unit, service or all, period, basis), key `(org_unit_id, service_id, period, basis)` unique with
 * NULLS NOT DISTINCT (no surrogate id) — the savings of one org unit (leaf, or any ancestor as the sum of its leaves)
 * for one service (or all services together, `service_id` null) in one entry period, precomputed by the worker
 * (RecomputeService, written by difference: a recompute rewrites only the rows whose values moved), the three range
 * cases in one row. Money and event quantities are additive; ratios are recomputed from sums at read time, never stored.
 *
 * - `events_net`, `gross_savings`, `cashable`, `non_cashable`: `numeric[]` per scenario in SCENARIO_ORDER (central,
 *   low, high; `unit-responses.ts`);
 * - `by_payer`: 10 amounts per scenario in PAYER_ORDER (NULL = the payer has no share), scenario-major;
 * - `stream`: 3 × n undiscounted yearly values k = 0 … n−1, scenario-major, for payback over summed streams;
 * - `cost` (spend discounted by the convention, the same in every scenario), `spend` (as entered under conventions 1,
 *   in constant euros of the base year under conventions 2), `beneficiaries` (for small-number masking, < 5);
 * - `cost_by_payer` (conventions 2: the cost split by the services' funding plans, 10 amounts in PAYER_ORDER, NULL
 *   under conventions 1) and `events_by_outcome` (conventions 2: `{ outcomeCode: [central, low, high] }`);
 * - `conventions` (1 or 2), `methodology_version_id`;
 * - `computed_at`, `data_as_of`: NULL on current rows, whose times are their period's in `indicator_freshness`
 *   (organisation_id, period, computed_at, data_as_of); a frozen « tel que publié » row keeps the times of the
 *   recompute it was taken from.
 *
 * The vectors are read set-based by `IndicatorReadRepository` (summed in PostgreSQL, returned as text): the pg driver
 * parses `numeric[]` as binary floats.
 */
