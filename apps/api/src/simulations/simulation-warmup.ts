import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { d, Decimal } from '@levier/indicators';
import { IndicatorsService } from '../indicators/savings/indicators.service';
import { ReadModelCache } from '../indicators/savings/read-model-cache';
import { TenantDb } from '../platform/database/tenant-db';
import { ReallocationRepository } from '../reallocation/reallocation.repository';
import type { AuthUser } from '../tenancy/auth-user';

const SPEND_BY_YEAR = 'simulation|spend-by-year';
/** Scopes kept per organisation to warm again after a recompute (the most recently previewed). */
const RECENT_SCOPES = 10;

type Scope = { orgUnit?: string; from?: string; to?: string };

/**
 * Keeps the lever simulator's reads warm (issue 18: a preview under 300 ms, the first after an edit too): the scopes an
 * organisation previewed recently and its Σ spend per year are read again the moment a recompute's NOTIFY drops them,
 * so the next preview finds the read model's new rows ready instead of reading them itself.
 */
@Injectable()
export class SimulationWarmup implements OnModuleInit {
  private readonly logger = new Logger(SimulationWarmup.name);
  private readonly recent = new Map<string, Map<string, { user: AuthUser; scope: Scope }>>();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly indicators: IndicatorsService,
    private readonly reallocation: ReallocationRepository,
    private readonly cache: ReadModelCache,
  ) {}

  onModuleInit(): void {
    this.cache.onInvalidate((organisationId, keys) => void this.warm(organisationId, keys.includes(SPEND_BY_YEAR)));
  }

  /** A scope just previewed: warmed again after each recompute while it is among the organisation's recent ones. */
  remember(user: AuthUser, scope: Scope): void {
    const scopes = this.recent.get(user.organisationId) ?? new Map<string, { user: AuthUser; scope: Scope }>();
    const key = JSON.stringify([user.roles, scope.orgUnit ?? null, scope.from ?? null, scope.to ?? null]);
    scopes.delete(key);
    scopes.set(key, { user, scope });
    if (scopes.size > RECENT_SCOPES) scopes.delete(scopes.keys().next().value as string);
    this.recent.set(user.organisationId, scopes);
  }

  /**
   * Σ spend figures per year of the organisation (the real-expenditure proxy of a year without a voted budget). It scans
   * every spend figure (≈ 1 s at scale M), so it is kept with the dashboard's reads and dropped when a recompute commits
   * (what changes figures); `warm` then reads it again.
   */
  spendByYear(organisationId: string): Promise<Map<string, Decimal>> {
    return this.cache
      .getOrCompute(organisationId, SPEND_BY_YEAR, () =>
        this.tenantDb.run(organisationId, async (em) =>
          Object.fromEntries([...(await this.reallocation.spendByYear(em, organisationId))].map(([y, v]) => [y, v.toFixed()])),
        ),
      )
      .then((byYear) => new Map(Object.entries(byYear).map(([y, v]) => [y, d(v)])));
  }

  /** Starts reading the Σ spend per year while the caller goes on (only when the cache keeps it). */
  prefetchSpend(organisationId: string): void {
    if (this.cache.active) this.spendByYear(organisationId).catch(() => undefined);
  }

  private async warm(organisationId: string, spend: boolean): Promise<void> {
    if (!this.cache.active) return;
    try {
      if (spend) this.prefetchSpend(organisationId);
      for (const { user, scope } of [...(this.recent.get(organisationId)?.values() ?? [])].reverse()) await this.indicators.simulationCells(user, scope);
    } catch (err) {
      // a scope that no longer resolves (unit deleted, role withdrawn) is forgotten; the next preview says why
      this.recent.delete(organisationId);
      this.logger.warn(`Préchauffage du simulateur interrompu : ${(err as Error).message}`);
    }
  }
}
