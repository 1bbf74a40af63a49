import { Injectable } from '@nestjs/common';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { MethodologyParameters } from '../indicators/savings/scenario-document';
import { auditCopy, intFilter } from '../platform/database/tenant-crud';
import { RecordRead, TenantRecordReader } from '../platform/database/tenant-records';
import { MethodCheck } from './method-check';
import { MethodologyVersion } from './methodology-version.entity';
import { MethodologyVersionResponse, toMethodologyVersionResponse } from './methodology-version.mapper';
import { toUnitCostResponse } from './unit-cost.mapper';
import { toPriceIndexResponse } from './price-index.mapper';
import { toOutcomeAssumptionResponse } from './outcome-assumption.mapper';
import { PublishMethodologyVersionDto } from './dto/publish-methodology-version.dto';

export const METHODOLOGY_VERSION_SORTS = ['version', 'effectiveFrom', 'publishedAt'] as const;

const METHODOLOGY_VERSION: RecordRead<MethodologyVersion, MethodologyVersionResponse> = {
  entity: MethodologyVersion,
  what: 'Version de méthodologie',
  toResponse: toMethodologyVersionResponse,
  filters: (filter) => ({ version: intFilter(filter, 'version') }),
};

/**
 * Methodology versions: publishing one freezes the parameters and a snapshot of the unit costs, price indices and
 * outcome assumptions in force; the newest version is the "current method" of the read model (approved periods keep
 * their "as reported" values, see RecomputeService). Numbers are 1, 2, 3… per organisation, under an advisory lock.
 * A publish goes through AuditedTenantWriter: the whole method checked with the new parameters (MethodCheck, else 422
 * and rollback), the audit row `methodology_version.publish`, then a recompute of every period after the commit.
 */
@Injectable()
export class MethodologyVersionsService extends TenantRecordReader<MethodologyVersion, MethodologyVersionResponse> {
  constructor(
    tenantDb: TenantDb,
    private readonly writer: AuditedTenantWriter,
    private readonly method: MethodCheck,
  ) {
    super(METHODOLOGY_VERSION, tenantDb);
  }

  publish(user: AuthUser, dto: PublishMethodologyVersionDto): Promise<MethodologyVersionResponse> {
    const organisationId = user.organisationId;
    const parameters: MethodologyParameters = {
      baseYear: dto.parameters.baseYear,
      discountRate: dto.parameters.discountRate,
      discountConvention: dto.parameters.discountConvention,
      ...(dto.parameters.optimismBias !== undefined ? { optimismBias: dto.parameters.optimismBias } : {}),
      ...(dto.parameters.conventions !== undefined ? { conventions: dto.parameters.conventions } : {}),
    };
    return this.writer.write(
      user,
      { entity: 'methodology_version', action: 'methodology_version.publish' },
      async (em) => {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('methodology-version-' || $1))`, [organisationId]);
        const [{ max }] = (await em.query(`SELECT coalesce(max(version), 0)::int AS max FROM methodology_version WHERE organisation_id = $1`, [
          organisationId,
        ])) as { max: number }[];
        const method = await this.method.load(em, organisationId);
        const serviceCode = (id: string) => method.services.find((s) => s.id === id)?.code ?? '';
        const snapshot = {
          unitCosts: method.unitCosts.map(toUnitCostResponse),
          priceIndices: method.priceIndices.map(toPriceIndexResponse),
          assumptions: method.assumptions.map((a) => toOutcomeAssumptionResponse(a, serviceCode(a.serviceId))),
        };
        const saved = await em.save(
          MethodologyVersion,
          em.create(MethodologyVersion, {
            organisationId,
            version: max + 1,
            label: dto.label,
            effectiveFrom: dto.effectiveFrom,
            parameters: { ...parameters },
            snapshot: auditCopy(snapshot),
            publishedBy: user.id,
          }),
        );
        const value = toMethodologyVersionResponse(saved);
        return {
          value,
          entityId: saved.id,
          before: null,
          after: { version: saved.version, label: saved.label, effectiveFrom: saved.effectiveFrom, parameters: saved.parameters },
        };
      },
      {
        check: (em) => this.method.assertValid(em, organisationId, { kind: 'methodology' }, parameters),
        recompute: 'every-period',
      },
    );
  }
}
