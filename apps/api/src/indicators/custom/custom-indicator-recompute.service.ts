import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { CustomIndicator } from './custom-indicator.entity';
import { compileDefinition } from './custom-formula';
import { customCells, evaluateCells } from './custom-cells';
import { CustomIndicatorRepository } from './custom-indicator.repository';

/**
 * Worker side: recomputes `custom_indicator_value` for one organisation (some periods, all when empty). Called by the
 * `indicators` processor after each `recompute` (figures or method changed) and for `recompute-custom` (a definition
 * changed). A definition that no longer compiles (a metric was removed) is skipped with a warning, its cells removed.
 * Cells are written by difference (an import that changes nothing for an indicator writes none of its cells); the time
 * of the recompute goes to `custom_indicator_freshness`.
 */
@Injectable()
export class CustomIndicatorRecomputeService {
  private readonly logger = new Logger(CustomIndicatorRecomputeService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: CustomIndicatorRepository,
  ) {}

  recompute(organisationId: string, periods: readonly string[] = [], now: Date = new Date()): Promise<{ rows: number }> {
    return this.tenantDb.run(organisationId, async (em) => {
      await this.repository.lock(em, organisationId);
      const indicators = await this.repository.definitions(em, organisationId);
      let rows = 0;
      for (const indicator of indicators) rows += await this.recomputeOne(em, organisationId, indicator, periods, now);
      await this.repository.markComputed(em, organisationId, now);
      return { rows };
    });
  }

  private async recomputeOne(em: EntityManager, organisationId: string, indicator: CustomIndicator, periods: readonly string[], now: Date): Promise<number> {
    const catalogue = await this.repository.catalogue(em, organisationId);
    const compiled = compileDefinition(
      { numerator: indicator.numerator, denominator: indicator.denominator, factor: indicator.factor?.toFixed() ?? null },
      catalogue,
    );
    if (!compiled.ok) {
      this.logger.warn(`Indicateur ${indicator.code} non calculable : ${compiled.errors.map((e) => `${e.field}@${e.position} ${e.message}`).join(' ; ')}`);
      await this.repository.replace(em, organisationId, indicator.id, periods, [], now);
      return 0;
    }
    const leafIds = await this.repository.leafIds(em, organisationId);
    const metrics = [...new Set([...compiled.compiled.references.values()].map((r) => r.metric))];
    const figures = await this.repository.figures(em, organisationId, { leafIds, metrics, periods });
    const values = evaluateCells(compiled.compiled, customCells(compiled.compiled, figures)).map((v) => ({
      ...v,
      numerator: v.numerator?.toFixed() ?? null,
      denominator: v.denominator?.toFixed() ?? null,
    }));
    await this.repository.replace(em, organisationId, indicator.id, periods, values, now);
    return values.length;
  }
}
