/**
 * Deterministic, realistic monthly (or quarterly) figures for the demo tenants: seasonal, with noise from a
 * seeded generator, so every demo and every test sees the same numbers.
 */
export interface DemoFigure {
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  value: string;
}

/** mulberry32: a small seeded PRNG, enough for demo noise. */
const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const money = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);
const count = (x: number): string => String(Math.max(0, Math.round(x)));

export const monthsBetween = (fromYear: number, toYear: number): string[] =>
  Array.from({ length: (toYear - fromYear + 1) * 12 }, (_, i) => `${fromYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

export const quartersBetween = (fromYear: number, toYear: number): string[] =>
  Array.from({ length: (toYear - fromYear + 1) * 4 }, (_, i) => `${fromYear + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

/** Figures for one leaf unit; `size` scales the activity (1 = Valmont Nord). */
export const demoFiguresForUnit = (orgUnit: string, services: readonly string[], size: number, seed: number): DemoFigure[] => {
  const rnd = prng(seed);
  const noise = (spread: number): number => 1 + (rnd() - 0.5) * 2 * spread;
  const out: DemoFigure[] = [];
  const push = (service: string, metric: string, period: string, value: string): void => {
    out.push({ orgUnit, service, metric, period, value });
  };
  for (const [i, period] of monthsBetween(2023, 2024).entries()) {
    const month = (i % 12) + 1;
    const winter = month <= 2 || month === 12 ? 1.08 : month >= 7 && month <= 8 ? 0.92 : 1;
    const growth = 1 + i * 0.004;
    if (services.includes('PORTAGE_REPAS')) {
      const beneficiaries = 84 * size * winter * growth * noise(0.04);
      push('PORTAGE_REPAS', 'spend', period, money(beneficiaries * 145 * noise(0.02)));
      push('PORTAGE_REPAS', 'beneficiaries', period, count(beneficiaries));
      push('PORTAGE_REPAS', 'meals', period, count(beneficiaries * 27 * noise(0.03)));
    }
    if (services.includes('SAAD')) {
      const personMonths = 96 * size * growth * noise(0.03);
      push('SAAD', 'spend', period, money(personMonths * 505 * noise(0.02)));
      push('SAAD', 'person_months', period, count(personMonths));
      push('SAAD', 'hours', period, (Math.round(personMonths * 22 * noise(0.03) * 2) / 2).toFixed(1));
    }
    if (services.includes('AED')) {
      const personMonths = 50 * size * noise(0.05);
      push('AED', 'spend', period, money(personMonths * 208 * noise(0.02)));
      push('AED', 'person_months', period, count(personMonths));
      push('AED', 'observed.placement_evite', period, count(rnd() < 0.45 * size ? 1 + (rnd() < 0.2 ? 1 : 0) : 0));
    }
  }
  if (services.includes('LOGEMENT_DABORD')) {
    for (const period of quartersBetween(2023, 2024)) {
      const personMonths = 36 * size * noise(0.08);
      push('LOGEMENT_DABORD', 'spend', period, money(7800 * size * noise(0.04)));
      push('LOGEMENT_DABORD', 'person_months', period, count(personMonths));
      // nights at the 115 hotel ended by rehousing: up to 30 a month for a person who was at the hotel, about 60 % of them
      push('LOGEMENT_DABORD', 'observed.nuitee_hotel_evitee', period, count(personMonths * 18 * noise(0.15)));
    }
  }
  return out;
};
