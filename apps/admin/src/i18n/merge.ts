/** Deep merge of message trees (the screens' messages into the base ones). */
type Tree = { [key: string]: string | Tree };

export const mergeMessages = <A extends object, B extends object>(base: A, extra: B): A & B => {
  const out: Tree = { ...(base as Tree) };
  for (const [key, value] of Object.entries(extra as Tree)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : value;
  }
  return out as A & B;
};
