import { IndicatorTarget } from './indicator-target.entity';
import type { Integer } from '@levier/contracts';

export interface IndicatorTargetResponse {
  id: string;
  indicator: string;
  orgUnit: string;
  year: Integer;
  target: string | null;
  alertBelow: string | null;
  alertAbove: string | null;
}

export const toIndicatorTargetResponse = (t: IndicatorTarget, orgUnitCode: string): IndicatorTargetResponse => ({
  id: t.id,
  indicator: t.indicator,
  orgUnit: orgUnitCode,
  year: t.year,
  target: t.target?.toFixed() ?? null,
  alertBelow: t.alertBelow?.toFixed() ?? null,
  alertAbove: t.alertAbove?.toFixed() ?? null,
});
