import { Injectable } from '@nestjs/common';
import { SUMMARY_SCALARS, type SummaryScalar } from '@levier/indicators';
import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { ListQuery, stringList } from '../../platform/http/list-query';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { auditCopy, findOwned, findPage, guardConstraints, idFilter, inFilter, intFilter, invalid } from '../../platform/database/tenant-crud';
import { MethodologyWriter } from '../../methodology/methodology.writer';
import { CustomIndicator } from '../custom/custom-indicator.entity';
import { IndicatorTarget } from './indicator-target.entity';
import { CreateIndicatorTargetDto, UpdateIndicatorTargetDto } from './indicator-target.dto';
import { IndicatorTargetResponse, toIndicatorTargetResponse } from './indicator-target.mapper';
import { orgUnitsOf } from '../shared/read-scope';

/** System indicators a target can be set on: the scalar keys of the summary (AGGREGATE of the vectors README). */
export const SYSTEM_TARGET_INDICATORS = SUMMARY_SCALARS;
export type SystemTargetIndicator = SummaryScalar;
/** Their French labels, as the dashboard names them (alert messages, target screens). */
export const SYSTEM_INDICATOR_LABELS: Record<SystemTargetIndicator, string> = {
  eventsNet: 'Événements évités (tous types additionnés)',
  grossSavings: 'Coûts évités (bruts)',
  cost: 'Coût des services',
  netSavings: 'Épargne médico-sociale nette',
  offsetRatio: 'Coûts évités pour 1 € investi',
  costPerEventAvoided: 'Coût par événement évité',
  paybackYears: 'Délai de retour sur investissement (années)',
  cashable: 'Coûts évités encaissables',
  nonCashable: 'Capacité libérée (non encaissable)',
};
export const isSystemIndicator = (code: string): code is SystemTargetIndicator => (SYSTEM_TARGET_INDICATORS as readonly string[]).includes(code);

export const INDICATOR_TARGET_SORTS = ['year', 'indicator'] as const;
const WHAT = 'Cible d’indicateur';
const CONFLICT = 'Une cible existe déjà pour cet indicateur, cette unité et cette année : modifiez-la.';

const decimalOrNull = (value: string | null | undefined): Decimal | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Decimal(value);

/** Targets and alert thresholds per indicator, org unit and year (docs/methodology.md#custom-indicators-targets-alerts). */
@Injectable()
export class IndicatorTargetsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: MethodologyWriter,
  ) {}

  list(user: AuthUser, query: ListQuery<(typeof INDICATOR_TARGET_SORTS)[number]>): Promise<{ rows: IndicatorTargetResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const units = await orgUnitsOf(em, organisationId);
      const visible = visibleUnitIds(user, units);
      const codes = stringList(query.filter, 'orgUnit', 64);
      const unitIds = units.filter((u) => visible.has(u.id) && (codes === undefined || codes.includes(u.code))).map((u) => u.id);
      const page = await findPage(
        em,
        IndicatorTarget,
        {
          organisationId,
          id: idFilter(query.filter),
          indicator: inFilter(query.filter, 'indicator'),
          year: intFilter(query.filter, 'year'),
          orgUnitId: In(unitIds),
        },
        query,
      );
      const code = (id: string) => units.find((u) => u.id === id)?.code ?? '';
      return { rows: page.rows.map((t) => toIndicatorTargetResponse(t, code(t.orgUnitId))), total: page.total };
    });
  }

  get(user: AuthUser, id: string): Promise<IndicatorTargetResponse> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const row = await findOwned(em, IndicatorTarget, user.organisationId, id, WHAT);
      const unit = await this.visibleUnitById(em, user, row.orgUnitId, WHAT);
      return toIndicatorTargetResponse(row, unit.code);
    });
  }

  create(user: AuthUser, dto: CreateIndicatorTargetDto): Promise<IndicatorTargetResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'indicator_target',
      'create',
      async (em) => {
        const unit = await this.check(em, user, dto);
        const saved = await guardConstraints(
          () =>
            em.save(
              IndicatorTarget,
              em.create(IndicatorTarget, {
                organisationId,
                indicator: dto.indicator,
                orgUnitId: unit.id,
                year: dto.year,
                target: decimalOrNull(dto.target) ?? null,
                alertBelow: decimalOrNull(dto.alertBelow) ?? null,
                alertAbove: decimalOrNull(dto.alertAbove) ?? null,
              }),
            ),
          { conflict: CONFLICT },
        );
        const value = toIndicatorTargetResponse(saved, unit.code);
        return { value, entityId: saved.id, before: null, after: auditCopy(value) };
      },
      'none',
    );
  }

  update(user: AuthUser, id: string, dto: UpdateIndicatorTargetDto): Promise<IndicatorTargetResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'indicator_target',
      'update',
      async (em) => {
        const row = await findOwned(em, IndicatorTarget, organisationId, id, WHAT);
        const current = await this.visibleUnitById(em, user, row.orgUnitId, WHAT);
        const before = toIndicatorTargetResponse(row, current.code);
        const next = { ...before, ...Object.fromEntries(Object.entries(dto).filter(([k, v]) => v !== undefined && k !== 'id')) } as CreateIndicatorTargetDto;
        const unit = await this.check(em, user, next);
        const merged = em.merge(IndicatorTarget, row, { indicator: next.indicator, orgUnitId: unit.id, year: next.year });
        merged.target = decimalOrNull(next.target) ?? null;
        merged.alertBelow = decimalOrNull(next.alertBelow) ?? null;
        merged.alertAbove = decimalOrNull(next.alertAbove) ?? null;
        const saved = await guardConstraints(() => em.save(IndicatorTarget, merged), { conflict: CONFLICT });
        const value = toIndicatorTargetResponse(saved, unit.code);
        return { value, entityId: id, before: auditCopy(before), after: auditCopy(value) };
      },
      'none',
    );
  }

  remove(user: AuthUser, id: string): Promise<IndicatorTargetResponse> {
    const organisationId = user.organisationId;
    return this.writer.write(
      user,
      'indicator_target',
      'delete',
      async (em) => {
        const row = await findOwned(em, IndicatorTarget, organisationId, id, WHAT);
        const unit = await this.visibleUnitById(em, user, row.orgUnitId, WHAT);
        const value = toIndicatorTargetResponse(row, unit.code);
        await em.delete(IndicatorTarget, { id, organisationId });
        return { value, entityId: id, before: auditCopy(value), after: null };
      },
      'none',
    );
  }

  private async check(em: EntityManager, user: AuthUser, dto: CreateIndicatorTargetDto): Promise<{ id: string; code: string }> {
    const errors: { path: string; message: string }[] = [];
    if (!isSystemIndicator(dto.indicator) && !(await em.findOne(CustomIndicator, { where: { organisationId: user.organisationId, code: dto.indicator } }))) {
      errors.push({
        path: 'indicator',
        message: `indicateur inconnu « ${dto.indicator} » : ${SYSTEM_TARGET_INDICATORS.join(', ')} ou le code d’un indicateur personnalisé`,
      });
    }
    const units = await orgUnitsOf(em, user.organisationId);
    const visible = visibleUnitIds(user, units);
    const unit = units.find((u) => u.code === dto.orgUnit && visible.has(u.id));
    if (!unit) errors.push({ path: 'orgUnit', message: `unité inconnue « ${dto.orgUnit} »` });
    if (dto.alertBelow != null && dto.alertAbove != null && new Decimal(dto.alertBelow).gt(dto.alertAbove)) {
      errors.push({ path: 'alertBelow', message: 'le seuil bas dépasse le seuil haut' });
    }
    if (errors.length > 0 || !unit) throw invalid('Cible invalide.', errors);
    return unit;
  }

  private async visibleUnitById(em: EntityManager, user: AuthUser, id: string, what: string): Promise<{ id: string; code: string }> {
    const units = await orgUnitsOf(em, user.organisationId);
    const unit = units.find((u) => u.id === id);
    if (!unit || !visibleUnitIds(user, units).has(id)) throw invalid(`${what} hors de votre périmètre.`, []);
    return unit;
  }
}
