import { Injectable, Logger } from '@nestjs/common';
import { Decimal, parseScenario, SavingsCell, Scenario, spendConversionFactor } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { allLeaves } from '../../catalogue/org-tree';
import { IndicatorInputsRepository, OrganisationInputs } from './indicator-inputs.repository';
import { buildScenarioDocument } from './scenario-document';
import { periodBounds } from '../shared/period-bounds';
import { PAYER_ORDER, SCENARIO_ORDER, ServiceResponses, UnitResponses, unitResponses } from './unit-responses';
import { fundingFor } from '../../funding/funding-plan';
import { READ_MODEL_CHANNEL } from './read-model-cache';
import { uuidV7Prefix } from './ordered-ids';

export class RecomputeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Calcul impossible : ${problems.join(' ; ')}`);
    this.name = 'RecomputeError';
  }
}

/** Month count of a period code (`YYYY`, `YYYY-Qn`, `YYYY-MM`), in SQL. */
const MONTHS_SQL = (column: string): string => `(CASE WHEN ${column} ~ '^[0-9]{4}$' THEN 12 WHEN ${column} ~ '-Q' THEN 3 ELSE 1 END)`;

/**
 * The SQL shape of one recompute: how many observed-outcome slots and stream years the widest service needs, and the
 * outcome codes whose events are kept apart (conventions 2; none under conventions 1).
 */
interface Shape {
  slots: number;
  years: number;
  outcomes: readonly string[];
  conventions: 1 | 2;
}

/**
 * Fields of one scenario's part of a value vector: events, gross savings, cashable, non-cashable, the payers
 * (PAYER_ORDER), the events of each outcome code (conventions 2), then the stream k = 0 … years − 1.
 */
const PAYER_FIELD = 4;
const eventField = (k: number): number => PAYER_FIELD + PAYER_ORDER.length + k;
const streamField = (shape: Shape, k: number): number => eventField(shape.outcomes.length) + k;
const fieldCount = (shape: Shape): number => streamField(shape, shape.years);

const val = (s: number, f: number): string => `v_${s}_${f}`;
const coef = (j: number, s: number, f: number): string => `c_${j}_${s}_${f}`;
/** Conventions 2: the coefficient of an observed driver j for a negative count (a harm, not shrunk by the optimism bias). */
const negCoef = (j: number, s: number, f: number): string => `n_${j}_${s}_${f}`;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Recomputes the savings read model of one organisation for some periods (all when none are given).
 *
 * The engine is linear in the figures for fixed assumptions (under conventions 2, on each side of 0 for an observed
 * count), so it runs once per (service, driver, range case) on one unit of the driver (`unitResponses`), and PostgreSQL
 * does the rest set-based in exact `numeric` arithmetic: drivers per leaf (exposure in person-months = person_months,
 * else beneficiaries × months; each observed outcome), summed up the tree (after the per-leaf precedence, as
 * `sumFiguresOverUnits` does), times the responses, then the all-services rows as sums of the per-service ones. The cost
 * is the spend discounted by the convention and, under conventions 2, converted to constant euros of the base year
 * (README 2.4) and split by the service's funding plan of the period's year (2.5). One row per (unit, service or all,
 * period) holds the three range cases (SCENARIO_ORDER). Runs under an advisory lock per organisation, in one transaction.
 */
@Injectable()
export class RecomputeService {
  private readonly logger = new Logger(RecomputeService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly inputs: IndicatorInputsRepository,
  ) {}

  async recompute(organisationId: string, periods: readonly string[], now: Date = new Date()): Promise<{ rows: number }> {
    return this.tenantDb.run(organisationId, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('recompute-' || $1))`, [organisationId]);
      await em.query(`SET LOCAL work_mem = '256MB'`);
      const inputs = await this.inputs.load(em, organisationId, now);
      const leaves = allLeaves(inputs.orgUnits);
      const [{ as_of: dataAsOf }] = await em.query(`SELECT coalesce(max(updated_at), now()) AS as_of FROM figure WHERE organisation_id = $1`, [organisationId]);
      await em.query(
        `DELETE FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND (cardinality($2::text[]) = 0 OR period = ANY($2::text[]))`,
        [organisationId, periods],
      );
      const scenario = await this.scenario(em, inputs, organisationId, leaves, periods);
      if (scenario === null) {
        await this.freezeApprovedPeriods(em, organisationId, periods);
        await this.announce(em, organisationId);
        return { rows: 0 };
      }
      const responses = unitResponses(scenario);
      const shape: Shape = {
        slots: Math.max(0, ...responses.services.map((s) => s.drivers.filter((d) => d.driver.kind === 'observed').length)),
        years: Math.max(0, ...responses.services.map((s) => s.streamLength)),
        outcomes: responses.outcomeCodes,
        conventions: responses.conventions,
      };
      // the savings metrics (spend, person_months, beneficiaries, observed.*) by code, so the figure scan needs no join
      const metrics: { id: string; code: string }[] = await em.query(
        `SELECT id, code FROM metric WHERE code IN ('spend', 'person_months', 'beneficiaries') OR code LIKE 'observed.%'`,
      );
      const metricIds = new Map<string, string[]>();
      for (const m of metrics) metricIds.set(m.code, [...(metricIds.get(m.code) ?? []), m.id]);
      await this.loadResponses(em, inputs, responses.services, shape, metricIds);
      await this.loadLeafDrivers(em, organisationId, leaves, periods, shape, metricIds);
      const leafCount: number = (await em.query(`SELECT count(*)::int AS n FROM rm_leaf`))[0].n;
      let rows = 0;
      if (leafCount > 0) {
        await this.loadPeriodsAndFunding(em, inputs, scenario, responses);
        await this.computeValues(em, inputs, leaves, shape);
        rows = await this.insert(em, organisationId, inputs.methodology.id, now, dataAsOf as Date, shape);
      }
      await em.query(`DROP TABLE rm_resp, rm_leaf${leafCount > 0 ? ', rm_val, rm_period, rm_fund' : ''}`);
      await this.freezeApprovedPeriods(em, organisationId, periods);
      await this.announce(em, organisationId);
      this.logger.log(`Indicateurs recalculés : ${rows} valeurs (${periods.length === 0 ? 'toutes périodes' : periods.join(', ')})`);
      return { rows };
    });
  }

  /** Tells the API processes' read caches (`ReadModelCache`) that this organisation's read model changed: delivered at commit. */
  private async announce(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`SELECT pg_notify($1, $2)`, [READ_MODEL_CHANNEL, organisationId]);
  }

  /**
   * The organisation's assumptions as the engine reads them (no figures: responses do not depend on them), or null when
   * they do not parse and there is nothing to compute anyway (no savings figure in scope).
   */
  private async scenario(
    em: EntityManager,
    inputs: OrganisationInputs,
    organisationId: string,
    leaves: readonly { id: string }[],
    periods: readonly string[],
  ): Promise<Scenario | null> {
    const parsed = parseScenario(
      buildScenarioDocument({ ...inputs, methodology: inputs.methodology.parameters, name: 'responses', description: '', figures: [], funding: null }),
    );
    if (parsed.ok) return parsed.scenario;
    const [{ any }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM figure f JOIN metric m ON m.id = f.metric_id WHERE f.organisation_id = $1 AND f.org_unit_id = ANY($2::uuid[])
                        AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[])) AND (m.code IN ('spend', 'person_months', 'beneficiaries') OR m.code LIKE 'observed.%')) AS any`,
      [organisationId, leaves.map((l) => l.id), periods],
    );
    if (!any) return null;
    throw new RecomputeError(parsed.errors.map((e) => `${e.path} : ${e.message}`));
  }

  /**
   * rm_resp: one row per service, coefficient c_j_s_f = result field f in scenario s for one unit of driver j
   * (j = 0 person-months, 1 … slots the observed outcomes), n_j_s_f the same for a negative count (conventions 2);
   * hp_p = payer p has a share; ho_k = outcome k belongs to the service; slen = stream length.
   */
  private async loadResponses(
    em: EntityManager,
    inputs: OrganisationInputs,
    services: readonly ServiceResponses[],
    shape: Shape,
    metricIds: ReadonlyMap<string, string[]>,
  ): Promise<void> {
    const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
    const width = fieldCount(shape);
    const vector = (cell: SavingsCell | undefined): (string | null)[] => {
      const out: (string | null)[] = new Array(width).fill('0');
      if (cell === undefined) return out;
      out[0] = cell.eventsNet.toFixed();
      out[1] = cell.grossSavings.toFixed();
      out[2] = cell.cashable.toFixed();
      out[3] = cell.nonCashable.toFixed();
      PAYER_ORDER.forEach((p, i) => (out[PAYER_FIELD + i] = cell.byPayer[p]?.toFixed() ?? '0'));
      shape.outcomes.forEach((code, k) => (out[eventField(k)] = cell.eventsByOutcome?.[code]?.toFixed() ?? '0'));
      cell.valueStream.forEach((v, k) => (out[streamField(shape, k)] = v.toFixed()));
      return out;
    };
    const negative = shape.conventions === 2;
    const coefColumns: string[] = [];
    for (let j = 0; j <= shape.slots; j++) for (const s of range(3)) for (const f of range(width)) coefColumns.push(coef(j, s + 1, f));
    if (negative) for (let j = 1; j <= shape.slots; j++) for (const s of range(3)) for (const f of range(width)) coefColumns.push(negCoef(j, s + 1, f));
    const rows = services.map((service) => {
      const pm = service.drivers.find((d) => d.driver.kind === 'person_months');
      const observed = service.drivers.filter((d) => d.driver.kind === 'observed');
      const coefs: (string | null)[] = [];
      for (let j = 0; j <= shape.slots; j++) {
        const response = j === 0 ? pm : observed[j - 1];
        for (const scenario of SCENARIO_ORDER) coefs.push(...vector(response?.cells[scenario]));
      }
      if (negative) {
        for (let j = 1; j <= shape.slots; j++) {
          const response = observed[j - 1];
          for (const scenario of SCENARIO_ORDER) coefs.push(...vector(response?.negativeCells?.[scenario] ?? response?.cells[scenario]));
        }
      }
      return {
        service_id: serviceIds.get(service.service)!,
        slen: service.streamLength,
        hp: PAYER_ORDER.map((p) => service.payers.includes(p)),
        ho: shape.outcomes.map((code) => service.outcomes.includes(code)),
        slots: range(shape.slots).map((j) => {
          const driver = observed[j]?.driver;
          return driver?.kind === 'observed' ? (metricIds.get(`observed.${driver.outcome}`) ?? []) : [];
        }),
        coefs,
      };
    });
    await em.query(
      `CREATE TEMP TABLE rm_resp ON COMMIT DROP AS
       SELECT (r->>'service_id')::uuid AS service_id, (r->>'slen')::int AS slen,
              ${PAYER_ORDER.map((_, i) => `(r->'hp'->>${i})::boolean AS hp_${i}`).join(', ')},
              ${shape.outcomes.map((_, k) => `(r->'ho'->>${k})::boolean AS ho_${k}, `).join('')}
              ${range(shape.slots)
                .map((j) => `ARRAY(SELECT jsonb_array_elements_text(r->'slots'->${j}))::uuid[] AS slot_${j + 1}, `)
                .join('')}
              ${coefColumns.map((c, i) => `(r->'coefs'->>${i})::numeric AS ${c}`).join(', ')}
         FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * rm_leaf: the drivers of each leaf (service, period) that has at least one savings figure: spend, beneficiaries,
   * d_0 = exposure in person-months (person_months, else beneficiaries × months, else 0), d_j = observed.<outcome j>.
   */
  private async loadLeafDrivers(
    em: EntityManager,
    organisationId: string,
    leaves: readonly { id: string }[],
    periods: readonly string[],
    shape: Shape,
    metricIds: ReadonlyMap<string, string[]>,
  ): Promise<void> {
    const ids = (code: string) => metricIds.get(code) ?? [];
    const slotColumns = range(shape.slots).map((j) => `, COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY(r.slot_${j + 1})), 0) AS d_${j + 1}`);
    await em.query(
      `CREATE TEMP TABLE rm_leaf ON COMMIT DROP AS
       SELECT f.org_unit_id AS unit_id, f.service_id, f.period,
              COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY($4::uuid[])), 0) AS spend,
              sum(f.value) FILTER (WHERE f.metric_id = ANY($5::uuid[])) AS ben,
              COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY($6::uuid[])), sum(f.value) FILTER (WHERE f.metric_id = ANY($5::uuid[])) * ${MONTHS_SQL('f.period')}, 0) AS d_0
              ${slotColumns.join('')}
         FROM figure f
         ${shape.slots > 0 ? 'JOIN rm_resp r ON r.service_id = f.service_id' : ''}
        WHERE f.organisation_id = $1
          AND f.org_unit_id = ANY($2::uuid[])
          AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[]))
          AND f.metric_id = ANY($7::uuid[])
        GROUP BY f.org_unit_id, f.service_id, f.period${range(shape.slots)
          .map((j) => `, r.slot_${j + 1}`)
          .join('')}`,
      [organisationId, leaves.map((l) => l.id), periods, ids('spend'), ids('beneficiaries'), ids('person_months'), [...metricIds.values()].flat()],
    );
  }

  /**
   * rm_period: each period's bounds, the factor from its spend to constant euros of the base year (I(base) / I(year)
   * under conventions 2, 1 under conventions 1; a year without a price index stops the recompute with the year named)
   * and from its spend to its cost (that factor / (1 + r)^t0). rm_fund: under
   * conventions 2, each service's funding shares for each year (its plan, else all to the commune / CCAS), in PAYER_ORDER.
   */
  private async loadPeriodsAndFunding(em: EntityManager, inputs: OrganisationInputs, scenario: Scenario, responses: UnitResponses): Promise<void> {
    const periodRows: { period: string }[] = await em.query(`SELECT DISTINCT period FROM rm_leaf`);
    const { methodology } = scenario;
    const missing = new Set<number>();
    const bounds = periodRows.map(({ period }) => {
      const { start, end } = periodBounds(period);
      const year = Number(period.slice(0, 4));
      let spendFactor = new Decimal(1);
      if (responses.conventions === 2) {
        if (year !== methodology.baseYear && (methodology.priceIndex[year] === undefined || methodology.priceIndex[methodology.baseYear] === undefined)) {
          missing.add(year);
        } else {
          spendFactor = spendConversionFactor({ year, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex });
        }
      }
      return { period, start, end, year, spendFactor: spendFactor.toFixed(), costFactor: spendFactor.times(responses.costFactor).toFixed() };
    });
    if (missing.size > 0) {
      throw new RecomputeError([
        `indice des prix manquant pour ${[...missing].sort().join(', ')} (et l’année de base ${methodology.baseYear}) : la méthode (conventions 2) convertit les dépenses en euros constants ; ajoutez-le dans « Indices de prix »`,
      ]);
    }
    await em.query(
      `CREATE TEMP TABLE rm_period ON COMMIT DROP AS
       SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::int[], $5::numeric[], $6::numeric[])
                  AS p(period, period_start, period_end, year, spend_factor, cost_factor)`,
      [
        bounds.map((b) => b.period),
        bounds.map((b) => b.start),
        bounds.map((b) => b.end),
        bounds.map((b) => b.year),
        bounds.map((b) => b.spendFactor),
        bounds.map((b) => b.costFactor),
      ],
    );
    const years = [...new Set(bounds.map((b) => b.year))];
    const fund =
      responses.conventions === 1
        ? []
        : inputs.services.flatMap((service) =>
            years.map((year) => {
              const shares = fundingFor(inputs.funding, service.code, year);
              return { service_id: service.id, year, shares: PAYER_ORDER.map((p) => shares[p] ?? null) };
            }),
          );
    await em.query(
      `CREATE TEMP TABLE rm_fund ON COMMIT DROP AS
       SELECT (r->>'service_id')::uuid AS service_id, (r->>'year')::int AS year,
              ${PAYER_ORDER.map((_, i) => `(r->'shares'->>${i})::numeric AS f_${i}`).join(', ')}
         FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(fund)],
    );
  }

  /**
   * rm_val: per (unit, service, period) for leaves and every ancestor, v_s_f = Σ_j d_j × c_j_s_f (n_j_s_f for a negative
   * observed count under conventions 2), payers without a share, outcomes not of the service and stream years beyond
   * the service's length left NULL; spend in constant euros (conventions 2; payback compares the undiscounted stream with
   * it), cost = spend × cost_factor and, under conventions 2, cb_p = cost × the payer's funding share. Ancestors sum their
   * leaves' drivers first.
   */
  private async computeValues(em: EntityManager, inputs: OrganisationInputs, leaves: readonly { id: string }[], shape: Shape): Promise<void> {
    const parent = new Map(inputs.orgUnits.map((u) => [u.id, u.parentId]));
    const pairs: [string, string][] = [];
    for (const leaf of leaves) for (let unit = parent.get(leaf.id) ?? null; unit !== null; unit = parent.get(unit) ?? null) pairs.push([leaf.id, unit]);
    const drivers = range(shape.slots + 1).map((j) => `d_${j}`);
    const width = fieldCount(shape);
    const term = (j: number, s: number, f: number): string =>
      j > 0 && shape.conventions === 2
        ? `CASE WHEN u.d_${j} < 0 THEN u.d_${j} * r.${negCoef(j, s, f)} ELSE u.d_${j} * r.${coef(j, s, f)} END`
        : `u.d_${j} * r.${coef(j, s, f)}`;
    const values: string[] = [];
    for (const s of range(3)) {
      for (const f of range(width)) {
        const sum = drivers.map((_, j) => term(j, s + 1, f)).join(' + ');
        const expr =
          f < PAYER_FIELD
            ? sum
            : f < eventField(0)
              ? `CASE WHEN r.hp_${f - PAYER_FIELD} THEN ${sum} END`
              : f < streamField(shape, 0)
                ? `CASE WHEN r.ho_${f - eventField(0)} THEN ${sum} END`
                : `CASE WHEN r.slen > ${f - streamField(shape, 0)} THEN ${sum} END`;
        values.push(`${expr} AS ${val(s + 1, f)}`);
      }
    }
    const costByPayer = shape.conventions === 2 ? PAYER_ORDER.map((_, i) => `, u.spend * p.cost_factor * fu.f_${i} AS cb_${i}`).join('') : '';
    // temporary tables have no statistics until analysed: without them the planner sorts rm_val to disk for a merge join
    await em.query(`ANALYZE rm_resp, rm_period, rm_fund`);
    // rm_leaf comes out of its GROUP BY sorted by (unit, service, period), the read model's unique key: the hash joins
    // keep that order, so the insert walks the unique index in order too
    await em.query(
      `CREATE TEMP TABLE rm_val ON COMMIT DROP AS
       SELECT u.unit_id, u.service_id, u.period, p.period_start, p.period_end, u.spend * p.spend_factor AS spend, u.spend * p.cost_factor AS cost, u.ben${costByPayer},
              ${values.join(', ')}
         FROM (SELECT unit_id, service_id, period, spend, ben, ${drivers.join(', ')} FROM rm_leaf
               UNION ALL
               SELECT a.unit_id, l.service_id, l.period, sum(l.spend), sum(l.ben), ${drivers.map((d) => `sum(l.${d})`).join(', ')}
                 FROM rm_leaf l JOIN unnest($1::uuid[], $2::uuid[]) a(leaf_id, unit_id) ON a.leaf_id = l.unit_id
                GROUP BY a.unit_id, l.service_id, l.period) u
         JOIN rm_resp r ON r.service_id = u.service_id
         JOIN rm_period p ON p.period = u.period
         ${shape.conventions === 2 ? 'JOIN rm_fund fu ON fu.service_id = u.service_id AND fu.year = p.year' : ''}`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  /** Per-service rows from rm_val, and the all-services rows (service_id null) as their sums per unit and period. */
  private async insert(
    em: EntityManager,
    organisationId: string,
    methodologyVersionId: string | null,
    now: Date,
    dataAsOf: Date,
    shape: Shape,
  ): Promise<number> {
    const v2 = shape.conventions === 2;
    const arrays = (col: (name: string) => string) => {
      const perScenario = (f: number) =>
        `ARRAY[${range(3)
          .map((s) => col(val(s + 1, f)))
          .join(', ')}]::numeric[]`;
      const payers = `ARRAY[${range(3)
        .flatMap((s) => PAYER_ORDER.map((_, p) => col(val(s + 1, PAYER_FIELD + p))))
        .join(', ')}]::numeric[]`;
      const stream = `array_remove(ARRAY[${range(3)
        .flatMap((s) => range(shape.years).map((k) => col(val(s + 1, streamField(shape, k)))))
        .join(', ')}]::numeric[], NULL)`;
      // conventions 2: { outcome code: [central, low, high] } over the outcomes of the services summed (jsonb numbers are exact)
      const events = v2
        ? `jsonb_strip_nulls(jsonb_build_object(${shape.outcomes
            .map((code, k) => {
              const [c, l, h] = range(3).map((s) => col(val(s + 1, eventField(k))));
              return `'${code.replace(/'/g, "''")}', CASE WHEN ${c} IS NULL THEN NULL ELSE jsonb_build_array(${c}, ${l}, ${h}) END`;
            })
            .join(', ')}))`
        : 'NULL::jsonb';
      const costByPayer = v2 ? `ARRAY[${PAYER_ORDER.map((_, i) => col(`cb_${i}`)).join(', ')}]::numeric[]` : 'NULL::numeric[]';
      return `${perScenario(0)}, ${perScenario(1)}, ${perScenario(2)}, ${perScenario(3)}, ${payers}, ${stream}, ${events}, ${costByPayer}`;
    };
    await em.query(
      `INSERT INTO indicator_value (id, organisation_id, org_unit_id, service_id, period, period_start, period_end, basis, methodology_version_id, conventions,
                                   events_net, gross_savings, cashable, non_cashable, by_payer, stream, events_by_outcome, cost_by_payer, cost, spend, beneficiaries,
                                   computed_at, data_as_of)
       SELECT ($5 || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid, $1, x.unit_id, x.service_id, x.period, x.period_start, x.period_end, 'current', $2, $6,
              x.events_net, x.gross_savings, x.cashable, x.non_cashable, x.by_payer, x.stream, x.events_by_outcome, x.cost_by_payer, x.cost, x.spend, x.ben,
              $3::timestamptz, $4::timestamptz
         FROM (SELECT unit_id, service_id, period, period_start, period_end, spend, cost, ben, ${arrays((c) => c)} FROM rm_val
               UNION ALL
               SELECT unit_id, NULL, period, period_start, period_end, sum(spend), sum(cost), sum(ben), ${arrays((c) => `sum(${c})`)}
                 FROM rm_val GROUP BY unit_id, period, period_start, period_end
              ) x(unit_id, service_id, period, period_start, period_end, spend, cost, ben, events_net, gross_savings, cashable, non_cashable, by_payer, stream,
                  events_by_outcome, cost_by_payer)`,
      [organisationId, methodologyVersionId, now, dataAsOf, uuidV7Prefix(now), shape.conventions],
    );
    const [{ n }] = await em.query(`SELECT (SELECT count(*) FROM rm_val) + (SELECT count(*) FROM (SELECT DISTINCT unit_id, period FROM rm_val) t) AS n`);
    return Number(n);
  }

  /**
   * "As reported": an approved (org unit, period) keeps the values of the moment it was approved. Its reported rows
   * are written from the current ones when it has none yet, or when it was approved again since they were frozen.
   */
  private async freezeApprovedPeriods(em: EntityManager, organisationId: string, periods: readonly string[]): Promise<void> {
    const stale = `SELECT ps.org_unit_id, ps.period FROM period_status ps
                    WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                      AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period
                                         AND r.basis = 'reported' AND r.computed_at >= ps.updated_at)`;
    await em.query(`DELETE FROM indicator_value v USING (${stale}) s WHERE v.basis = 'reported' AND v.org_unit_id = s.org_unit_id AND v.period = s.period`, [
      organisationId,
      periods,
    ]);
    const columns = `organisation_id, org_unit_id, service_id, period, period_start, period_end, methodology_version_id, conventions, events_net, gross_savings,
                     cost, spend, cashable, non_cashable, by_payer, stream, events_by_outcome, cost_by_payer, beneficiaries, computed_at, data_as_of`;
    await em.query(
      `INSERT INTO indicator_value (basis, ${columns})
       SELECT 'reported', ${columns
         .split(',')
         .map((c) => `v.${c.trim()}`)
         .join(', ')}
         FROM indicator_value v
        WHERE v.organisation_id = $1 AND v.basis = 'current'
          AND (v.org_unit_id, v.period) IN (
                SELECT ps.org_unit_id, ps.period FROM period_status ps
                 WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                   AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period AND r.basis = 'reported'))`,
      [organisationId, periods],
    );
  }
}
