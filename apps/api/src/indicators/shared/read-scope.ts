import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { leavesUnder } from '../../catalogue/org-tree';
import { periodBounds } from './period-bounds';
import type { OrgUnitRow } from '../../catalogue/org-unit.repository';

export interface UnitScope {
  orgUnit: { id: string; code: string; name: string };
  leafIds: string[];
  start: string;
  end: string;
  from: string | null;
  to: string | null;
}

/** The org unit `code` among the organisation's `units` when the caller may see it (default: their top unit); else a 404. */
export const visibleUnit = <T extends OrgUnitRow>(units: readonly T[], user: AuthUser, code: string | undefined): T => {
  const visible = visibleUnitIds(user, units);
  const unit =
    code === undefined
      ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
      : units.find((u) => u.code === code);
  if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${code ?? ''} » introuvable.`);
  return unit;
};

/** A read's periods: `from` to `to` (only `from`: that one period) and their first and last dates; none: every date. */
export const periodRange = (query: { from?: string; to?: string }): Pick<UnitScope, 'start' | 'end' | 'from' | 'to'> => {
  const from = query.from ?? null;
  const to = query.to ?? query.from ?? null;
  return { start: from ? periodBounds(from).start : '0001-01-01', end: to ? periodBounds(to).end : '9999-12-31', from, to };
};

/** The caller's scope among the organisation's `units` (OrgUnitRepository.all): an org unit they may see (default: their top unit), its leaves, and a period range. */
export const resolveUnitScope = (units: readonly OrgUnitRow[], user: AuthUser, query: { orgUnit?: string; from?: string; to?: string }): UnitScope => {
  const unit = visibleUnit(units, user, query.orgUnit);
  const { start, end, from, to } = periodRange(query);
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    leafIds: leavesUnder(units, unit.id).map((u) => u.id),
    start,
    end,
    from,
    to,
  };
};
