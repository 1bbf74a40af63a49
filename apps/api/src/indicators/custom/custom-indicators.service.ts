import { BadRequestException, Injectable } from '@nestjs/common';
import { aggregateCustomIndicator, formatExact, formatRatio } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { IndicatorsService } from '../savings/indicators.service';
import { inFilter } from '../../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../../platform/database/tenant-records';
import { AuditedTenantWriter } from '../../platform/audit/audited-tenant-writer';
import { CustomIndicator } from './custom-indicator.entity';
import { CreateCustomIndicatorDto, PreviewCustomIndicatorDto } from './custom-indicator.dto';
import { compileDefinition, CompiledCustomIndicator } from './custom-formula';
import { customCells } from './custom-cells';
import { CustomIndicatorRepository } from './custom-indicator.repository';
import { CustomIndicatorResponse, toCustomIndicatorResponse } from './custom-indicator.mapper';
import { maskCustomValue, secrecyScopeOf } from './masked-value';
import { resolveUnitScope } from '../shared/read-scope';
import { OrgUnitRepository } from '../../catalogue/org-unit.repository';
import type { PreviewResponse } from '@levier/contracts';

export const CUSTOM_INDICATOR_SORTS = ['code', 'label', 'unit'] as const;

/** The preview's answer is declared in the contract the admin reads; re-exported for the controller. */
export type { PreviewResponse };

const customIndicatorType = (repository: CustomIndicatorRepository): RecordDeclaration<CustomIndicator, CustomIndicatorResponse, CreateCustomIndicatorDto> => ({
  entity: CustomIndicator,
  what: 'Indicateur personnalisé',
  audit: 'custom_indicator',
  // a definition changed: the custom indicators' values; a deleted one is simply no longer read
  recompute: (action) => (action === 'delete' ? undefined : 'custom-indicators'),
  toResponse: toCustomIndicatorResponse,
  filters: (filter) => ({ code: inFilter(filter, 'code') }),
  apply: async (row, dto, { em, organisationId, created }) => {
    // the formula as it would be stored: the body's parts over the row's (a 400 at its position when it does not compile)
    const definition = {
      numerator: dto.numerator ?? row.numerator,
      denominator: dto.denominator === undefined ? (created ? null : row.denominator) : blankToNull(dto.denominator),
      factor: dto.factor === undefined ? (created ? undefined : (row.factor?.toFixed() ?? null)) : dto.factor,
    };
    const compiled = await compile(repository, em, organisationId, definition);
    if (dto.code !== undefined) row.code = dto.code;
    if (dto.label !== undefined) row.label = dto.label;
    if (dto.unit !== undefined) row.unit = dto.unit;
    row.numerator = definition.numerator;
    row.denominator = definition.denominator;
    row.factor = compiled.factor;
  },
  conflict: (row) => `Un indicateur de code « ${row.code} » existe déjà dans l’organisation.`,
});

/**
 * Custom indicators (docs/methodology.md#custom-indicators-targets-alerts): CRUD with formula errors at their position, and a preview on the caller's real figures,
 * masked like the savings of the same scope (statistical secrecy).
 */
@Injectable()
export class CustomIndicatorsService extends TenantRecords<CustomIndicator, CustomIndicatorResponse, CreateCustomIndicatorDto> {
  constructor(
    tenantDb: TenantDb,
    writer: AuditedTenantWriter,
    private readonly repository: CustomIndicatorRepository,
    private readonly indicators: IndicatorsService,
    private readonly orgUnits: OrgUnitRepository,
  ) {
    super(customIndicatorType(repository), tenantDb, writer);
  }

  /** Evaluates a definition on the figures of the caller's scope, without saving: Σ numerator / Σ denominator × factor. */
  preview(user: AuthUser, dto: PreviewCustomIndicatorDto): Promise<PreviewResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const compiled = await compile(this.repository, em, organisationId, dto);
      const scope = resolveUnitScope(await this.orgUnits.all(em, organisationId), user, dto);
      const metrics = [...new Set([...compiled.references.values()].map((r) => r.metric))];
      const figures = await this.repository.figures(em, organisationId, { leafIds: scope.leafIds, metrics, start: scope.start, end: scope.end });
      const result = aggregateCustomIndicator({ indicator: compiled.indicator, cells: customCells(compiled, figures).map((c) => c.lookup) });
      const masked = await this.indicators.masksSmallNumbers(em, user, secrecyScopeOf(organisationId, scope), { cellwise: true });
      const numbers = {
        numerator: result.numerator === null ? null : formatExact(result.numerator),
        denominator: result.denominator === null ? null : formatExact(result.denominator),
        value: result.value === null ? null : formatRatio(result.value),
      };
      return {
        scope: { orgUnit: scope.orgUnit.code, from: scope.from, to: scope.to },
        dependencies: [...compiled.indicator.dependencies],
        ...maskCustomValue(numbers, masked),
        cellsUsed: result.cellsUsed,
        cellsMissing: result.cellsMissing,
        masked,
      };
    });
  }
}

/** Compiles a definition against the organisation's catalogue, or a 400 naming the error's field and position. */
const compile = async (
  repository: CustomIndicatorRepository,
  em: EntityManager,
  organisationId: string,
  definition: { numerator: string; denominator?: string | null; factor?: string | null },
): Promise<CompiledCustomIndicator> => {
  const result = compileDefinition(definition, await repository.catalogue(em, organisationId));
  if (!result.ok) {
    const first = result.errors[0];
    throw new BadRequestException({ detail: `Formule invalide (${first.field}, position ${first.position}) : ${first.message}.`, errors: result.errors });
  }
  return result.compiled;
};

const blankToNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text);
