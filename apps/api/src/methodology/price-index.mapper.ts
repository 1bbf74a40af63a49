import { PriceIndex } from './price-index.entity';

export interface PriceIndexResponse {
  id: string;
  series: string;
  year: number;
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
