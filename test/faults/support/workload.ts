/**
 * Valid figure keys of the demo tenant CCAS de Valmont that the demo data never uses (the accepted years 2000–2100 outside the
 * demo's 2023–2026: 97 years, 34 920 keys), handed out once each, so that every submission of a scenario targets figures of its
 * own and its expected effect is exact.
 */
export interface FigureRow {
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  value: string;
}

export const keyOf = (r: { orgUnit: string; service: string; metric: string; period: string }): string => `${r.orgUnit}|${r.service}|${r.metric}|${r.period}`;

const UNITS = ['VALMONT-NORD', 'VALMONT-SUD'];
const SERVICES = ['PORTAGE_REPAS', 'SAAD', 'AED'];
const METRICS = ['spend', 'beneficiaries', 'person_months', 'hours', 'meals'];

/** Years a period may have (PERIOD_YEAR_MIN–MAX, 2000–2100) that the demo data leaves free. */
const FREE_YEARS = Array.from({ length: 101 }, (_, i) => 2000 + i).filter((year) => year < 2023 || year > 2026);

export class KeyAllocator {
  private next = 0;
  private readonly series = UNITS.flatMap((orgUnit) => SERVICES.flatMap((service) => METRICS.map((metric) => ({ orgUnit, service, metric }))));

  /** `n` fresh keys with integer values (valid for every metric of the demo catalogue). */
  take(n: number, value: (i: number) => number = (i) => 100 + ((i * 37) % 9000)): FigureRow[] {
    const out: FigureRow[] = [];
    for (let i = 0; i < n; i += 1) {
      const k = this.next++;
      const s = this.series[k % this.series.length];
      const month = Math.floor(k / this.series.length);
      if (month >= FREE_YEARS.length * 12) throw new Error('plus de clés de chiffres libres');
      const year = FREE_YEARS[Math.floor(month / 12)];
      out.push({ ...s, period: `${year}-${String((month % 12) + 1).padStart(2, '0')}`, value: String(value(k)) });
    }
    return out;
  }
}

/** A French CSV (`;`, decimal comma not needed for integers) of rows. */
export const csvOf = (rows: readonly FigureRow[]): string =>
  ['unite;service;indicateur;periode;valeur', ...rows.map((r) => `${r.orgUnit};${r.service};${r.metric};${r.period};${r.value}`)].join('\n') + '\n';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Deterministic pseudo-random numbers for fault timing (mulberry32), seeded from FUZZ_SEED. */
export const rng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
