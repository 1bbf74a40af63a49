/** Names of the flows' nodes: M57 functions by their label, long names wrapped for the Sankey. */

/**
 * "Fonction 423" (or a bare "423") → « Personnes âgées (fonction 423) » with the nomenclature's label when the API gives
 * it, else « Fonction 423 »: never a bare code. Other nodes (services, partners, chapters) keep their name.
 */
export const flowNodeName = (
  name: string,
  functionLabels: Record<string, string | null> | null | undefined,
  words: { label: (label: string, code: string) => string; code: (code: string) => string },
): string => {
  const match = /^(?:Fonction\s+)?(\d[\dA-Z.]*)$/i.exec(name.trim());
  if (!match) return name;
  const code = match[1];
  const label = functionLabels?.[code];
  return typeof label === 'string' && label.trim() !== '' ? words.label(label.trim(), code) : words.code(code);
};

/**
 * A label on at most `maxLines` lines of about `width` characters, cut between words; what does not fit ends with « … »
 * (the full text stays in the node's tooltip and in the table).
 */
export const wrapLabel = (text: string, width: number, maxLines = 2): string[] => {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width || current === '') current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const clip = (line: string) => (line.length > width ? `${line.slice(0, width - 1).trimEnd()}…` : line);
  if (lines.length <= maxLines) return lines.map(clip);
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = last.length >= width - 1 ? `${last.slice(0, width - 1).trimEnd()}…` : `${last}…`;
  return kept.map((l, i) => (i < maxLines - 1 ? clip(l) : l));
};
