import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { leavesUnder } from '../../catalogue/org-tree';
import { periodBounds } from './period-bounds';

export interface UnitScope {
  orgUnit: { id: string; code: string; name: string };
  leafIds: string[];
  start: string;
  end: string;
  from: string | null;
  to: string | null;
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export const orgUnitsOf = async (em: EntityManager, organisationId: string): Promise<UnitRow[]> =>
  (await em.query(`SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId])) as UnitRow[];

/** The caller's scope: an org unit they may see (default: their top unit), its leaves, and a period range. */
export const resolveUnitScope = async (em: EntityManager, user: AuthUser, query: { orgUnit?: string; from?: string; to?: string }): Promise<UnitScope> => {
  const units = await orgUnitsOf(em, user.organisationId);
  const visible = visibleUnitIds(user, units);
  const unit =
    query.orgUnit === undefined
      ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
      : units.find((u) => u.code === query.orgUnit);
  if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${query.orgUnit ?? ''} » introuvable.`);
  const from = query.from ?? null;
  const to = query.to ?? query.from ?? null;
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    leafIds: leavesUnder(units, unit.id).map((u) => u.id),
    start: from ? periodBounds(from).start : '0001-01-01',
    end: to ? periodBounds(to).end : '9999-12-31',
    from,
    to,
  };
};
