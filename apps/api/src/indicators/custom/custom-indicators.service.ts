import { BadRequestException, Injectable } from '@nestjs/common';
import { aggregateCustomIndicator, formatExact, formatRatio } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { ListQuery } from '../../platform/http/list-query';
import type { AuthUser } from '../../tenancy/auth-user';
import { IndicatorsService } from '../savings/indicators.service';
import { auditCopy, deleteRecord, findOwned, guardConstraints, inFilter, pageOfRecords, recordOf, RecordType } from '../../platform/database/tenant-crud';
import { MethodologyWriter } from '../../methodology/methodology.writer';
import { CustomIndicator } from './custom-indicator.entity';
import { CreateCustomIndicatorDto, PreviewCustomIndicatorDto, UpdateCustomIndicatorDto } from './custom-indicator.dto';
import { compileDefinition, CompiledCustomIndicator } from './custom-formula';
import { customCells } from './custom-cells';
import { CustomIndicatorRepository } from './custom-indicator.repository';
import { CustomIndicatorResponse, toCustomIndicatorResponse } from './custom-indicator.mapper';
import { maskCustomValue, secrecyScopeOf } from './masked-value';
import { resolveUnitScope } from '../shared/read-scope';

export const CUSTOM_INDICATOR_SORTS = ['code', 'label', 'unit'] as const;
const WHAT = 'Indicateur personnalisé';
const CUSTOM_INDICATOR: RecordType<CustomIndicator, CustomIndicatorResponse> = { entity: CustomIndicator, what: WHAT, toResponse: toCustomIndicatorResponse };
const CONFLICT = (code: string) => `Un indicateur de code « ${code} » existe déjà dans l’organisation.`;

export interface PreviewResponse {
  scope: { orgUnit: string; from: string | null; to: string | null };
  dependencies: string[];
  numerator: string | null;
  denominator: string | null;
  value: string | null;
  cellsUsed: number;
  cellsMissing: number;
  /** Numerator, denominator and value withheld (null): statistical secrecy, see `indicators/statistical-secrecy.ts`. */
  masked: boolean;
}

/**
 * Custom indicators (docs/methodology.md#custom-indicators-targets-alerts): CRUD with formula errors at their position, and a preview on the caller's real figures,
 * masked like the savings of the same scope (statistical secrecy).
 */
@Injectable()
export class CustomIndicatorsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: MethodologyWriter,
    private readonly repository: CustomIndicatorRepository,
    private readonly indicators: IndicatorsService,
  ) {}

  list(user: AuthUser, query: ListQuery<(typeof CUSTOM_INDICATOR_SORTS)[number]>): Promise<{ rows: CustomIndicatorResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, (em) => pageOfRecords(em, CUSTOM_INDICATOR, organisationId, query, { code: inFilter(query.filter, 'code') }));
  }

  get(user: AuthUser, id: string): Promise<CustomIndicatorResponse> {
    return this.tenantDb.run(user.organisationId, (em) => recordOf(em, CUSTOM_INDICATOR, user.organisationId, id));
  }

  create(user: AuthUser, dto: CreateCustomIndicatorDto): Promise<CustomIndicatorResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'custom_indicator',
      'create',
      async (em) => {
        const compiled = await this.compile(em, organisationId, dto);
        const saved = await guardConstraints(
          () =>
            em.save(
              CustomIndicator,
              em.create(CustomIndicator, {
                organisationId,
                code: dto.code,
                label: dto.label,
                unit: dto.unit,
                numerator: dto.numerator,
                denominator: blankToNull(dto.denominator),
                factor: compiled.factor,
              }),
            ),
          { conflict: CONFLICT(dto.code) },
        );
        const value = toCustomIndicatorResponse(saved);
        return { value, entityId: saved.id, before: null, after: auditCopy(value) };
      },
      'custom',
    );
  }

  update(user: AuthUser, id: string, dto: UpdateCustomIndicatorDto): Promise<CustomIndicatorResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'custom_indicator',
      'update',
      async (em) => {
        const row = await findOwned(em, CustomIndicator, organisationId, id, WHAT);
        const before = auditCopy(toCustomIndicatorResponse(row));
        const definition = {
          numerator: dto.numerator ?? row.numerator,
          denominator: dto.denominator === undefined ? row.denominator : blankToNull(dto.denominator),
          factor: dto.factor === undefined ? (row.factor?.toFixed() ?? null) : dto.factor,
        };
        const compiled = await this.compile(em, organisationId, definition);
        const merged = em.merge(CustomIndicator, row, {
          ...(dto.code !== undefined ? { code: dto.code } : {}),
          ...(dto.label !== undefined ? { label: dto.label } : {}),
          ...(dto.unit !== undefined ? { unit: dto.unit } : {}),
          numerator: definition.numerator,
        });
        merged.denominator = definition.denominator;
        merged.factor = compiled.factor;
        const saved = await guardConstraints(() => em.save(CustomIndicator, merged), { conflict: CONFLICT(merged.code) });
        const value = toCustomIndicatorResponse(saved);
        return { value, entityId: id, before, after: auditCopy(value) };
      },
      'custom',
    );
  }

  remove(user: AuthUser, id: string): Promise<CustomIndicatorResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'custom_indicator',
      'delete',
      async (em) => {
        const { value, before } = await deleteRecord(em, CUSTOM_INDICATOR, organisationId, id);
        return { value, entityId: id, before, after: null };
      },
      'none',
    );
  }

  /** Evaluates a definition on the figures of the caller's scope, without saving: Σ numerator / Σ denominator × factor. */
  preview(user: AuthUser, dto: PreviewCustomIndicatorDto): Promise<PreviewResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const compiled = await this.compile(em, organisationId, dto);
      const scope = await resolveUnitScope(em, user, dto);
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

  private async compile(
    em: EntityManager,
    organisationId: string,
    definition: { numerator: string; denominator?: string | null; factor?: string | null },
  ): Promise<CompiledCustomIndicator> {
    const result = compileDefinition(definition, await this.repository.catalogue(em, organisationId));
    if (!result.ok) {
      const first = result.errors[0];
      throw new BadRequestException({ detail: `Formule invalide (${first.field}, position ${first.position}) : ${first.message}.`, errors: result.errors });
    }
    return result.compiled;
  }
}

const blankToNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text);
