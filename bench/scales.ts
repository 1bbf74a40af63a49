/** Scales of docs/product-rules.md#targets. */
export interface Scale {
  name: 'S' | 'M' | 'L';
  leaves: number;
  services: number;
  metrics: number;
  months: number;
  /** Concurrent dashboard clients and duration of the load test. */
  clients: number;
  loadSeconds: number;
  emails: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  S: { name: 'S', leaves: 1, services: 30, metrics: 10, months: 60, clients: 50, loadSeconds: 8, emails: 100 },
  M: { name: 'M', leaves: 300, services: 20, metrics: 8, months: 60, clients: 50, loadSeconds: 15, emails: 1000 },
  L: { name: 'L', leaves: 5000, services: 20, metrics: 8, months: 60, clients: 50, loadSeconds: 20, emails: 1000 },
};

export const figureCount = (s: Scale): number => s.leaves * s.services * s.metrics * s.months;

/** 60 months ending December 2024. */
export const benchMonths = (s: Scale): string[] =>
  Array.from({ length: s.months }, (_, i) => {
    const index = 2024 * 12 + 11 - (s.months - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
