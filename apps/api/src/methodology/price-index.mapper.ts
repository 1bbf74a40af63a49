import { PriceIndex } from './price-index.entity';
import type { Integer } from '@levier/contracts';

export interface PriceIndexResponse {
  id: string;
  series: string;
  year: Integer;
  value: string;
  base: string;
  source: string | null;
}

export const toPriceIndexResponse = (p: PriceIndex): PriceIndexResponse => ({
  id: p.id,
  series: p.series,
  year: p.year,
  value: p.value.toFixed(),
  base: p.base,
  source: p.source,
});
