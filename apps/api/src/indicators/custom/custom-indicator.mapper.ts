import { CustomIndicator } from './custom-indicator.entity';

export interface CustomIndicatorResponse {
  id: string;
  code: string;
  label: string;
  unit: string;
  numerator: string;
  denominator: string | null;
  factor: string | null;
}

export const toCustomIndicatorResponse = (c: CustomIndicator): CustomIndicatorResponse => ({
  id: c.id,
  code: c.code,
  label: c.label,
  unit: c.unit,
  numerator: c.numerator,
  denominator: c.denominator,
  factor: c.factor === null ? null : c.factor.toFixed(),
});
