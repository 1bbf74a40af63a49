import { Injectable } from '@nestjs/common';
import { d, Decimal, writeFrenchNumber } from '@levier/indicators';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { leavesUnder } from '../../catalogue/org-tree';
import { IndicatorsService } from '../savings/indicators.service';
import { SMALL_NUMBER_THRESHOLD } from '../shared/statistical-secrecy';
import { IndicatorTargetRepository } from './indicator-target.repository';
import { AlertsQuery } from './indicator-target.dto';
import { CustomIndicatorRepository } from '../custom/custom-indicator.repository';
import { CustomIndicatorValuesService } from '../custom/custom-indicator-values.service';
import { isSystemIndicator, SYSTEM_INDICATOR_LABELS } from './indicator-targets.service';
import { OrgUnitRepository } from '../../catalogue/org-unit.repository';
import type { AlertStatus, IndicatorAlert } from '@levier/contracts';

/** An alert as the API answers it: the contract's type (libs/contracts), masked always said. */
export type AlertItem = IndicatorAlert & { masked: boolean };

/** Pure: where a value stands against its thresholds. */
export const alertStatus = (value: Decimal | null, below: Decimal | null, above: Decimal | null): AlertStatus => {
  if (value === null) return 'missing';
  if (below !== null && value.lt(below)) return 'below';
  if (above !== null && value.gt(above)) return 'above';
  return 'ok';
};

/** What a message says: the indicator and the unit in words, numbers in French (« 0,42 », « 1 000 000 »). */
interface MessageFacts {
  indicator: string;
  orgUnit: string;
  value: string | null;
  alertBelow: string | null;
  alertAbove: string | null;
}

const fr = (value: string | null): string => (value === null ? '—' : writeFrenchNumber(value));

const MESSAGES: Record<AlertStatus, (t: MessageFacts) => string> = {
  below: (t) => `${t.indicator} (${t.orgUnit}) vaut ${fr(t.value)}, sous le seuil d’alerte ${fr(t.alertBelow)}.`,
  above: (t) => `${t.indicator} (${t.orgUnit}) vaut ${fr(t.value)}, au-dessus du seuil d’alerte ${fr(t.alertAbove)}.`,
  ok: (t) => `${t.indicator} (${t.orgUnit}) vaut ${fr(t.value)}, dans les seuils.`,
  missing: (t) => `${t.indicator} (${t.orgUnit}) : valeur indisponible (données manquantes ou masquées).`,
};

const MASKED_MESSAGE = (t: { indicator: string; orgUnit: string }): string =>
  `${t.indicator} (${t.orgUnit}) : valeur masquée (secret statistique : moins de ${SMALL_NUMBER_THRESHOLD} bénéficiaires sur le périmètre).`;

/**
 * Alerts of a year (docs/methodology.md#custom-indicators-targets-alerts): each target of the caller's units with the indicator's value over that unit and year —
 * system indicators from IndicatorsService.summary (same numbers as the dashboard), custom ones from their read model.
 * A value masked for the caller (statistical secrecy) comes back null with status `missing`: no threshold is compared.
 */
@Injectable()
export class IndicatorAlertsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly indicators: IndicatorsService,
    private readonly custom: CustomIndicatorValuesService,
    private readonly orgUnits: OrgUnitRepository,
    private readonly targets: IndicatorTargetRepository,
    private readonly customIndicators: CustomIndicatorRepository,
  ) {}

  alerts(user: AuthUser, query: AlertsQuery) {
    const organisationId = user.organisationId;
    const year = Number(query.year);
    return this.tenantDb.run(organisationId, async (em) => {
      const units = await this.orgUnits.all(em, organisationId);
      const visible = visibleUnitIds(user, units);
      const targets = (await this.targets.ofYear(em, organisationId, year)).filter((t) => {
        const unit = units.find((u) => u.id === t.orgUnitId);
        return unit !== undefined && visible.has(unit.id) && (query.orgUnit === undefined || unit.code === query.orgUnit);
      });
      const customLabels = new Map((await this.customIndicators.definitions(em, organisationId)).map((c) => [c.code, c.label]));
      const labelOf = (code: string): string => (isSystemIndicator(code) ? SYSTEM_INDICATOR_LABELS[code] : (customLabels.get(code) ?? code));
      const items: AlertItem[] = [];
      for (const unitId of [...new Set(targets.map((t) => t.orgUnitId))]) {
        const unit = units.find((u) => u.id === unitId)!;
        const own = targets.filter((t) => t.orgUnitId === unitId);
        const summary = own.some((t) => isSystemIndicator(t.indicator))
          ? ((await this.indicators.summary(user, { orgUnit: unit.code, from: query.year, to: query.year })) as unknown as Record<string, unknown>)
          : {};
        const custom = own.some((t) => !isSystemIndicator(t.indicator))
          ? await this.custom.valuesByCode(em, user, {
              orgUnit: unit,
              leafIds: leavesUnder(units, unitId).map((u) => u.id),
              start: `${year}-01-01`,
              end: `${year}-12-31`,
            })
          : { masked: false, values: new Map<string, Decimal | null>() };
        for (const t of own) {
          const system = isSystemIndicator(t.indicator);
          const masked = system ? summary.masked === true : custom.masked;
          const raw = masked ? null : system ? summary[t.indicator] : custom.values.get(t.indicator);
          const value = raw === undefined || raw === null ? null : raw instanceof Decimal ? raw : typeof raw === 'string' ? d(raw) : null;
          const status = alertStatus(value, t.alertBelow === null ? null : d(t.alertBelow.toFixed()), t.alertAbove === null ? null : d(t.alertAbove.toFixed()));
          const item = {
            targetId: t.id,
            indicator: t.indicator,
            indicatorLabel: labelOf(t.indicator),
            kind: system ? ('system' as const) : ('custom' as const),
            orgUnit: unit.code,
            orgUnitName: unit.name,
            year,
            value: value === null ? null : value.toFixed(),
            target: t.target?.toFixed() ?? null,
            alertBelow: t.alertBelow?.toFixed() ?? null,
            alertAbove: t.alertAbove?.toFixed() ?? null,
            status,
            masked,
          };
          const facts = { ...item, indicator: item.indicatorLabel, orgUnit: item.orgUnitName };
          items.push({ ...item, message: masked ? MASKED_MESSAGE(facts) : MESSAGES[status](facts) });
        }
      }
      return { year, orgUnit: query.orgUnit ?? null, alerts: items.filter((i) => i.status === 'below' || i.status === 'above').length, items };
    });
  }
}
