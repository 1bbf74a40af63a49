/** Org units (flat list from the API) → a depth-first tree, for the scope selector and the data-entry grid. */
export interface OrgUnitRecord {
  id: string;
  code: string;
  name: string;
  parentId?: string | null;
  parentCode?: string | null;
  leaf?: boolean;
  /** False for an ancestor the API lists only to draw the tree (outside the user's roles); absent means true. */
  inScope?: boolean;
}

export interface TreeOption {
  code: string;
  name: string;
  depth: number;
  leaf: boolean;
  /** False for an ancestor outside the user's roles: shown greyed, not selectable (the API would answer 404). */
  inScope: boolean;
  /** Codes from the root down to this unit, itself included. */
  path: string[];
}

/** Depth-first, siblings by name; orphans (parent not visible to this user) become roots. */
export const toTreeOptions = (units: readonly OrgUnitRecord[]): TreeOption[] => {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const parentOf = (u: OrgUnitRecord): OrgUnitRecord | undefined =>
    (u.parentId ? byId.get(u.parentId) : undefined) ?? (u.parentCode ? byCode.get(u.parentCode) : undefined);
  const children = new Map<string | null, OrgUnitRecord[]>();
  for (const u of units) {
    const parent = parentOf(u);
    const key = parent && parent.id !== u.id ? parent.id : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const out: TreeOption[] = [];
  const seen = new Set<string>();
  const visit = (u: OrgUnitRecord, depth: number, path: string[]) => {
    if (seen.has(u.id)) return; // defensive: a cycle in bad data
    seen.add(u.id);
    const kids = [...(children.get(u.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const here = [...path, u.code];
    out.push({ code: u.code, name: u.name, depth, leaf: u.leaf ?? kids.length === 0, inScope: u.inScope ?? true, path: here });
    for (const k of kids) visit(k, depth + 1, here);
  };
  for (const root of [...(children.get(null) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) visit(root, 0, []);
  return out;
};

/**
 * What the user reads for each option: the unit's name; when two units share a name, the parent's name after it
 * (« Antenne Nord — CCAS de Valmont »). Never the code.
 */
export const optionLabels = (options: readonly TreeOption[]): Map<string, string> => {
  const count = new Map<string, number>();
  for (const o of options) count.set(o.name, (count.get(o.name) ?? 0) + 1);
  const nameOf = new Map(options.map((o) => [o.code, o.name]));
  return new Map(
    options.map((o) => {
      const parent = o.path.length > 1 ? nameOf.get(o.path[o.path.length - 2]) : undefined;
      return [o.code, (count.get(o.name) ?? 0) > 1 && parent ? `${o.name} — ${parent}` : o.name];
    }),
  );
};

/** The breadcrumb of a unit: its ancestors then itself, as tree options. */
export const breadcrumb = (options: readonly TreeOption[], code: string): TreeOption[] => {
  const target = options.find((o) => o.code === code);
  if (!target) return [];
  return target.path.map((c) => options.find((o) => o.code === c)).filter((o): o is TreeOption => o !== undefined);
};
