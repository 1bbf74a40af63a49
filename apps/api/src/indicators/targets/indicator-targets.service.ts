import { Injectable } from '@nestjs/common';
import { SUMMARY_SCALARS, type SummaryScalar } from '@levier/indicators';
import Decimal from 'decimal.js';
import { EntityManager, In } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { stringList } from '../../platform/http/list-query';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { inFilter, intFilter, invalid } from '../../platform/database/tenant-crud';
import { definedFields, RecordDeclaration, TenantRecords } from '../../platform/database/tenant-records';
import { AuditedTenantWriter } from '../../platform/audit/audited-tenant-writer';
import { CustomIndicatorRepository } from '../custom/custom-indicator.repository';
import { IndicatorTargetRepository } from './indicator-target.repository';
import { IndicatorTarget } from './indicator-target.entity';
import { CreateIndicatorTargetDto } from './indicator-target.dto';
import { IndicatorTargetResponse, toIndicatorTargetResponse } from './indicator-target.mapper';
import { OrgUnitRepository, OrgUnitRow } from '../../catalogue/org-unit.repository';

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

type Unit = OrgUnitRow;
const codeOf = (units: readonly Unit[], id: string): string => units.find((u) => u.id === id)?.code ?? '';

/** The indicator (system or custom), a unit of the caller's subtree and coherent thresholds, or a 422 naming the fields. */
const checkTarget = async (
  custom: CustomIndicatorRepository,
  em: EntityManager,
  user: AuthUser,
  units: readonly Unit[],
  dto: CreateIndicatorTargetDto,
): Promise<Unit> => {
  const errors: { path: string; message: string }[] = [];
  if (!isSystemIndicator(dto.indicator) && (await custom.definitions(em, user.organisationId, dto.indicator)).length === 0) {
    errors.push({
      path: 'indicator',
      message: `indicateur inconnu « ${dto.indicator} » : ${SYSTEM_TARGET_INDICATORS.join(', ')} ou le code d’un indicateur personnalisé`,
    });
  }
  const visible = visibleUnitIds(user, units);
  const unit = units.find((u) => u.code === dto.orgUnit && visible.has(u.id));
  if (!unit) errors.push({ path: 'orgUnit', message: `unité inconnue « ${dto.orgUnit} »` });
  if (dto.alertBelow != null && dto.alertAbove != null && new Decimal(dto.alertBelow).gt(dto.alertAbove)) {
    errors.push({ path: 'alertBelow', message: 'le seuil bas dépasse le seuil haut' });
  }
  if (errors.length > 0 || !unit) throw invalid('Cible invalide.', errors);
  return unit;
};

const indicatorTargetType = (
  targets: IndicatorTargetRepository,
  orgUnits: OrgUnitRepository,
  custom: CustomIndicatorRepository,
): RecordDeclaration<IndicatorTarget, IndicatorTargetResponse, CreateIndicatorTargetDto, Unit[], AuthUser> => ({
  entity: IndicatorTarget,
  what: WHAT,
  audit: 'indicator_target',
  // the units, to name them by code and to keep the caller in their subtree
  context: (em, user) => orgUnits.all(em, user.organisationId),
  toResponse: (row, units) => toIndicatorTargetResponse(row, codeOf(units, row.orgUnitId)),
  filters: (filter, { user, ctx: units }) => {
    const visible = visibleUnitIds(user, units);
    const codes = stringList(filter, 'orgUnit', 64);
    const unitIds = units.filter((u) => visible.has(u.id) && (codes === undefined || codes.includes(u.code))).map((u) => u.id);
    return { indicator: inFilter(filter, 'indicator'), year: intFilter(filter, 'year'), orgUnitId: In(unitIds) };
  },
  // a target of another subtree is a 422 (« hors de votre périmètre »), one of no unit of the organisation a 404
  find: async ({ em, user, organisationId, ctx: units }, id) => {
    const row = await targets.byId(em, organisationId, id);
    if (row && !(units.some((u) => u.id === row.orgUnitId) && visibleUnitIds(user, units).has(row.orgUnitId))) {
      throw invalid(`${WHAT} hors de votre périmètre.`, []);
    }
    return row;
  },
  apply: async (row, dto, { em, user, ctx: units, created }) => {
    // an update is checked as the whole target it would make
    const next = (created ? dto : { ...toIndicatorTargetResponse(row, codeOf(units, row.orgUnitId)), ...definedFields(dto) }) as CreateIndicatorTargetDto;
    const unit = await checkTarget(custom, em, user, units, next);
    row.indicator = next.indicator;
    row.orgUnitId = unit.id;
    row.year = next.year;
    row.target = decimalOrNull(next.target) ?? null;
    row.alertBelow = decimalOrNull(next.alertBelow) ?? null;
    row.alertAbove = decimalOrNull(next.alertAbove) ?? null;
  },
  conflict: () => CONFLICT,
});

/** Targets and alert thresholds per indicator, org unit and year (docs/methodology.md#custom-indicators-targets-alerts). */
@Injectable()
export class IndicatorTargetsService extends TenantRecords<IndicatorTarget, IndicatorTargetResponse, CreateIndicatorTargetDto, Unit[], AuthUser> {
  constructor(
    tenantDb: TenantDb,
    writer: AuditedTenantWriter,
    targets: IndicatorTargetRepository,
    orgUnits: OrgUnitRepository,
    custom: CustomIndicatorRepository,
  ) {
    super(indicatorTargetType(targets, orgUnits, custom), tenantDb, writer);
  }
}
