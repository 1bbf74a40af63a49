/** Lever state of the screen: new levers with sensible first values, and the preview's request body. */
import type { LeverJson, SimulationScope } from './simulation.types';

export const newLever = (kind: LeverJson['kind'], services: readonly string[]): LeverJson => {
  const [first = '', second = first] = services;
  switch (kind) {
    case 'scale':
      return { kind, service: first, factor: '1.1' };
    case 'move':
      return { kind, fromService: first, toService: second, amount: '10000' };
    case 'redeploy':
      return { kind, fromService: first, toService: second, fteDays: '20', dailyCost: '185' };
  }
};

/** `{ orgUnit, from, to, levers }`, blanks left out so the API applies its defaults; an optional empty chapter dropped. */
export const previewBody = (scope: SimulationScope, levers: readonly LeverJson[]) => ({
  ...Object.fromEntries(Object.entries(scope).filter(([, v]) => v.trim() !== '')),
  levers: levers.map((l) =>
    l.kind === 'move' && (l.chapter ?? '').trim() === '' ? { kind: l.kind, fromService: l.fromService, toService: l.toService, amount: l.amount } : l,
  ),
});

/** FTE-days × daily cost, in euros (decimal strings; NaN-safe: '' when either is not a number). */
export const redeployAmount = (fteDays: string, dailyCost: string): string => {
  const [a, b] = [Number(fteDays), Number(dailyCost)];
  return Number.isFinite(a) && Number.isFinite(b) && fteDays.trim() !== '' && dailyCost.trim() !== '' ? (a * b).toFixed(2) : '';
};

/** The previous calendar year, January to December: the last complete year. */
export const defaultScope = (today: Date = new Date()): SimulationScope => {
  const year = today.getFullYear() - 1;
  return { orgUnit: '', from: `${year}-01`, to: `${year}-12` };
};
