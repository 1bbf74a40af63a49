/** Pure helpers over an organisation's unit tree (parent links). */
export interface TreeNode {
  id: string;
  code: string;
  parentId: string | null;
}

export const childrenIndex = <T extends TreeNode>(nodes: readonly T[]): Map<string | null, T[]> => {
  const index = new Map<string | null, T[]>();
  for (const node of nodes) {
    const siblings = index.get(node.parentId);
    if (siblings) siblings.push(node);
    else index.set(node.parentId, [node]);
  }
  return index;
};

export const isLeaf = (nodes: readonly TreeNode[], id: string): boolean => !nodes.some((n) => n.parentId === id);

/** The node itself and every descendant. */
export const subtree = <T extends TreeNode>(nodes: readonly T[], rootId: string): T[] => {
  const children = childrenIndex(nodes);
  const out: T[] = [];
  const stack = nodes.filter((n) => n.id === rootId);
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...(children.get(node.id) ?? []));
  }
  return out;
};

export const leavesUnder = <T extends TreeNode>(nodes: readonly T[], rootId: string): T[] => {
  const children = childrenIndex(nodes);
  return subtree(nodes, rootId).filter((n) => !children.has(n.id));
};

export const allLeaves = <T extends TreeNode>(nodes: readonly T[]): T[] => {
  const children = childrenIndex(nodes);
  return nodes.filter((n) => !children.has(n.id));
};

/** The given nodes and every ancestor of each, up to the roots (unknown ids are skipped; a cycle in bad data stops the climb). */
export const withAncestors = (nodes: readonly TreeNode[], ids: Iterable<string>): Set<string> => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Set<string>();
  for (const id of ids) {
    let node = byId.get(id);
    while (node && !out.has(node.id)) {
      out.add(node.id);
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
  }
  return out;
};
