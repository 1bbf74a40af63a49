export type Delimiter = ';' | ',' | '\t';

/** In order of preference when the evidence is even: French exports use `;`. */
const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];
const SAMPLE_LINES = 10;

/** The first logical lines of a CSV text (a newline inside double quotes does not end a line), blank lines left out. */
const sampleLines = (text: string): string[] => {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      if (lines.length >= SAMPLE_LINES) return lines;
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') lines.push(current);
  return lines;
};

/** Occurrences of `delimiter` outside double-quoted fields. */
const countOutsideQuotes = (line: string, delimiter: Delimiter): number => {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count += 1;
  }
  return count;
};

/** The most frequent non-zero count (the larger one on a tie), or 0. */
const modalCount = (counts: number[]): number => {
  const tally = new Map<number, number>();
  for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
  let best = 0;
  let bestTally = 0;
  for (const [count, n] of tally) {
    if (n > bestTally || (n === bestTally && count > best)) [best, bestTally] = [count, n];
  }
  return best;
};

/**
 * `;`, `,` or tab, from the first lines of the file: the candidate that splits the most lines into the same number of
 * fields wins (values such as `12,5` put commas in a `;` file, but not the same number on every line); ties go to
 * the larger field count, then to `;` > tab > `,`. Delimiters inside quotes do not count. Defaults to `;`.
 */
export const detectDelimiter = (text: string): Delimiter => {
  const lines = sampleLines(text);
  let best: Delimiter = ';';
  let bestScore: [number, number] = [0, 0];
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const mode = modalCount(counts);
    if (mode === 0) continue;
    const score: [number, number] = [counts.filter((c) => c === mode).length, mode];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
};
