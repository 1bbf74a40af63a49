import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  AppliedMove,
  d,
  Decimal,
  Lever,
  leverChapter,
  LeverError,
  leverToJson,
  parseLevers,
  simulateCells,
  SimulationAggregate,
  SimulationRanges,
  SimulationResult,
} from '@levier/indicators';
import { EntityManager, In } from 'typeorm';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { SimulationsRepository } from './simulations.repository';
import { m57FunctionLabel } from '../catalogue/m57-functions';
import { IndicatorsService } from '../indicators/savings/indicators.service';
import { periodBounds } from '../indicators/shared/period-bounds';
import { TenantDb } from '../platform/database/tenant-db';
import { auditCopy, idFilter, UUID } from '../platform/database/tenant-crud';
import { ListQuery } from '../platform/http/list-query';
import { computeReallocationPayload, recordsIn } from '../reallocation/reallocation-input';
import { ReallocationRepository } from '../reallocation/reallocation.repository';
import { ReallocationComputeError } from '../indicators/reallocation/reallocation-recompute.service';
import { realExpenditureOf } from '../reallocation/real-expenditure';
import type { AuthUser } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';
import { unitIdsWithRole } from '../tenancy/unit-scope';
import { CreateSimulationDto } from './dto/simulation.dto';
import { fongibiliteChecks, SimulationCheck, YearBudget } from './fongibilite-checks';
import { Simulation } from './simulation.entity';
import { SimulationWarmup } from './simulation-warmup';
import { OrgUnitRepository } from '../catalogue/org-unit.repository';
import type { Page } from '../platform/database/page';

/** Who may simulate and read saved simulations (a viewer may not: see the controller). */
export const SIMULATION_ROLES: Role[] = ['admin', 'finance', 'director'];
export const SIMULATION_SORTS = ['createdAt', 'name'] as const;
const ENTITY = 'simulation';
const NOT_FOUND = 'Simulation introuvable.';

export interface SimulationScope {
  orgUnit?: string;
  from?: string | null;
  to?: string | null;
}

/** What a preview answers, and a saved simulation's figures when read. */
export interface SimulationAnswer {
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  conventions: 1 | 2;
  levers: Record<string, string>[];
  baseline: SimulationAggregate;
  simulated: SimulationAggregate;
  delta: SimulationAggregate;
  ranges: { baseline: SimulationRanges; simulated: SimulationRanges } | null;
  checks: SimulationCheck[];
  /** Code → label and M57 function of the services in the answer. */
  services: Record<string, { label: string; functionCode: string | null; functionLabel: string | null }>;
}

export interface SimulationResponse {
  id: string;
  name: string;
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  levers: Record<string, string>[];
  createdBy: string | null;
  createdAt: Date;
}

type Computed = { ok: true; answer: SimulationAnswer; orgUnitId: string } | { ok: false; errors: string[] };

const refused = (errors: readonly string[]): BadRequestException =>
  new BadRequestException({ detail: errors.length === 1 ? errors[0] : `${errors.length} leviers refusés : ${errors.join(' ; ')}`, errors });

const toResponse = (row: Simulation): SimulationResponse => ({
  id: row.id,
  name: row.name,
  scope: { orgUnit: row.orgUnit?.code ?? '', orgUnitName: row.orgUnit?.name ?? '', from: row.fromPeriod, to: row.toPeriod },
  levers: row.levers,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/**
 * The lever simulator (issue 18): levers applied by the engine to the scope as the read model holds it (`simulateCells`:
 * each service's cells × its levers' factor, the method being linear in the figures; the same answer as `simulate` on the
 * scenario `GET /api/indicators/scenario` exports, proven by the engine's tests and the e2e), under the method in force; and the legal checks of the money levers against the
 * year's fongibilité as the reallocation module computes it. Saved simulations keep the question only (scope and levers)
 * and are recomputed at each read. Tenant-scoped, then subtree-scoped: a simulation is read by those who hold a
 * finance, director or admin role over its unit.
 */
@Injectable()
export class SimulationsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly indicators: IndicatorsService,
    private readonly reallocation: ReallocationRepository,
    private readonly writer: AuditedTenantWriter,
    private readonly warmup: SimulationWarmup,
    private readonly catalogue: SimulationsRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  async preview(user: AuthUser, dto: SimulationScope & { levers: unknown[] }): Promise<SimulationAnswer> {
    const computed = await this.compute(user, dto, dto.levers);
    if (!computed.ok) throw refused(computed.errors);
    return computed.answer;
  }

  list(user: AuthUser, query: ListQuery<(typeof SIMULATION_SORTS)[number]>): Promise<Page<SimulationResponse>> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const units = await this.simulatingUnits(em, user);
      const id = idFilter(query.filter);
      const [rows, total] = await em.findAndCount(Simulation, {
        where: { organisationId, orgUnitId: In([...units]), ...(id ? { id } : {}) },
        relations: { orgUnit: true },
        order: { [query.sort.field]: query.sort.order, id: 'ASC' },
        skip: query.offset,
        take: query.limit,
      });
      return { rows: rows.map(toResponse), total };
    });
  }

  /** A saved simulation recomputed on today's data and method; `problems` (and no figures) when a lever no longer applies. */
  async get(user: AuthUser, id: string) {
    const row = await this.tenantDb.run(user.organisationId, async (em) => this.visible(em, user, id));
    const saved = toResponse(row);
    const computed = await this.compute(user, saved.scope, saved.levers);
    return computed.ok
      ? { ...saved, computedAt: new Date(), problems: [] as string[], ...computed.answer, scope: computed.answer.scope }
      : { ...saved, computedAt: new Date(), problems: computed.errors, baseline: null, simulated: null, delta: null, ranges: null, checks: [] };
  }

  async create(user: AuthUser, dto: CreateSimulationDto): Promise<{ id: string }> {
    const computed = await this.compute(user, dto.scope, dto.levers);
    if (!computed.ok) throw refused(computed.errors);
    const organisationId = user.organisationId;
    return this.writer.write(user, { entity: ENTITY, action: `${ENTITY}.create` }, async (em) => {
      const { answer } = computed;
      const saved = await em.save(
        Simulation,
        em.create(Simulation, {
          organisationId,
          name: dto.name.trim() || dto.name,
          orgUnitId: computed.orgUnitId,
          fromPeriod: answer.scope.from,
          toPeriod: answer.scope.to,
          levers: answer.levers,
          createdBy: user.id,
        }),
      );
      return { value: { id: saved.id }, entityId: saved.id, before: null, after: auditCopy({ name: saved.name, scope: answer.scope, levers: saved.levers }) };
    });
  }

  remove(user: AuthUser, id: string): Promise<SimulationResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(user, { entity: ENTITY, action: `${ENTITY}.delete` }, async (em) => {
      const value = toResponse(await this.visible(em, user, id));
      await em.delete(Simulation, { id, organisationId });
      return { value, entityId: id, before: auditCopy({ ...value }), after: null };
    });
  }

  /** Levers read, scope resolved (404 outside the caller's subtree), engine run, checks made; never a partial answer. */
  private async compute(user: AuthUser, scope: SimulationScope, raw: unknown): Promise<Computed> {
    const parsed = parseLevers(raw);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const from = scope.from ?? null;
    const to = scope.to ?? scope.from ?? null;
    if (from !== null && to !== null && periodBounds(from).start > periodBounds(to).end) {
      return { ok: false, errors: ['to : la fin du périmètre doit suivre son début (from).'] };
    }
    const scoped = await this.indicators.simulationCells(user, { orgUnit: scope.orgUnit, from: from ?? undefined, to: to ?? undefined });
    // before any figure is computed: a lever's error message names spend, so the scope must be the caller's to simulate
    const allowed = await this.tenantDb.run(user.organisationId, async (em) => (await this.simulatingUnits(em, user)).has(scoped.orgUnit.id));
    if (!allowed) throw new NotFoundException(`Unité « ${scoped.orgUnit.code} » introuvable.`);
    // warmed while this preview answers: the first money lever's fongibilité check finds it ready
    this.warmup.prefetchSpend(user.organisationId);
    this.warmup.remember(user, { orgUnit: scope.orgUnit, from: from ?? undefined, to: to ?? undefined });
    let result: SimulationResult;
    try {
      result = simulateCells(scoped.cells, parsed.levers);
    } catch (error) {
      if (error instanceof LeverError) return { ok: false, errors: [...error.problems] };
      throw error;
    }
    const { checks, services } = await this.tenantDb.run(user.organisationId, async (em) => {
      const catalogue = await this.services(em, user.organisationId);
      const functions = new Map([...catalogue].map(([code, s]) => [code, s.functionCode]));
      const budgets = result.moves.length === 0 ? () => unreachable() : await this.yearBudgets(em, user.organisationId, result.moves);
      return {
        checks: fongibiliteChecks({
          moves: result.moves,
          chapters: chaptersOf(parsed.levers),
          functions,
          budgets,
          functionLabel: m57FunctionLabel,
          serviceLabel: (code) => catalogue.get(code)?.label ?? code,
        }),
        services: Object.fromEntries(
          Object.keys(result.baseline.services).map((code) => {
            const service = catalogue.get(code);
            return [
              code,
              {
                label: service?.label ?? code,
                functionCode: service?.functionCode ?? null,
                functionLabel: service ? m57FunctionLabel(service.functionCode) : null,
              },
            ];
          }),
        ),
      };
    });
    return {
      ok: true,
      orgUnitId: scoped.orgUnit.id,
      answer: {
        scope: { orgUnit: scoped.orgUnit.code, orgUnitName: scoped.orgUnit.name, from: scoped.from, to: scoped.to },
        conventions: scoped.cells.conventions,
        levers: parsed.levers.map(leverToJson),
        baseline: result.baseline,
        simulated: result.simulated,
        delta: result.delta,
        ranges: result.ranges,
        checks,
        services,
      },
    };
  }

  /**
   * Each year's fongibilité as the reallocation summary computes it for that year: the voted limit, the real expenditure
   * (voted budget, else Σ spend figures) and the volume of the allowed FONGIBILITE transfers decided in the year.
   */
  private async yearBudgets(em: EntityManager, organisationId: string, moves: readonly AppliedMove[]): Promise<(year: string) => YearBudget> {
    const records = await this.reallocation.records(em, organisationId);
    const refs = await this.reallocation.refs(em, organisationId);
    const organisation = await this.reallocation.organisation(em, organisationId);
    const budgets = await this.reallocation.budgetByYear(em, organisationId);
    const moved = [...new Set(moves.flatMap((m) => Object.keys(m.byYear)))];
    // the Σ spend proxy only counts for a year without a voted budget (see realExpenditureOf)
    const spend = moved.every((year) => budgets.has(year)) ? new Map<string, Decimal>() : await this.warmup.spendByYear(organisationId);
    const years = new Map<string, YearBudget>();
    for (const year of moved) {
      const realExpenditure = realExpenditureOf({ years: [year], budgets, spend });
      const result = computeReallocationPayload(recordsIn(records, periodBounds(year)), { ...organisation, realExpenditure, refs });
      if (!result.ok) throw new ReallocationComputeError(result.errors.map((e) => `${year} ${e.path} : ${e.message}`));
      years.set(year, {
        limit: organisation.fongibiliteLimit,
        realExpenditure: realExpenditure?.amount ?? null,
        realExpenditureSource: realExpenditure?.source ?? null,
        used: d(result.payload.fongibiliteVolume),
      });
    }
    return (year) => years.get(year)!;
  }

  private services(em: EntityManager, organisationId: string): Promise<Map<string, { label: string; functionCode: string }>> {
    return this.catalogue.services(em, organisationId);
  }

  /** The units where the caller may simulate: the subtrees of their finance, director and admin roles. */
  private async simulatingUnits(em: EntityManager, user: AuthUser): Promise<Set<string>> {
    return unitIdsWithRole(user, await this.orgUnits.all(em, user.organisationId), SIMULATION_ROLES);
  }

  /** A saved simulation of the caller's organisation and subtree, or 404 (another tenant's, another subtree's, or none). */
  private async visible(em: EntityManager, user: AuthUser, id: string): Promise<Simulation> {
    const row = UUID.test(id) ? await em.findOne(Simulation, { where: { id, organisationId: user.organisationId }, relations: { orgUnit: true } }) : null;
    if (!row || !(await this.simulatingUnits(em, user)).has(row.orgUnitId)) throw new NotFoundException(NOT_FOUND);
    return row;
  }
}

const chaptersOf = (levers: readonly Lever[]): Map<number, string | null> =>
  new Map(levers.flatMap((lever, index) => (lever.kind === 'scale' ? [] : [[index, leverChapter(lever)] as const])));

const unreachable = (): never => {
  throw new Error('aucun mouvement : pas de budget à lire');
};
