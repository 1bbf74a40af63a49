import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../test-artifacts');
export const PARTS_DIR = path.join(ARTIFACTS_DIR, 'faults-parts');
export const SUMMARY_FILE = path.join(ARTIFACTS_DIR, 'faults-summary.json');

/** What one scenario file counted. Every count is cumulative over the file. */
export interface SummaryPart {
  file: string;
  faultsInjected: Record<string, number>;
  faultsSurvived: number;
  inputsTried: number;
  http500: number;
  submissions: number;
  figuresLost: number;
  figuresDoubled: number;
  partialWrites: number;
  auditChainBreaks: number;
  durationMs: number;
  notes: string[];
}

/** Counts of one scenario file, written to test-artifacts/faults-parts/<file>.json as it goes (so a failed file still reports). */
export class SummaryRecorder {
  readonly part: SummaryPart;
  private readonly started = Date.now();

  constructor(file: string) {
    this.part = {
      file: path.basename(file),
      faultsInjected: {},
      faultsSurvived: 0,
      inputsTried: 0,
      http500: 0,
      submissions: 0,
      figuresLost: 0,
      figuresDoubled: 0,
      partialWrites: 0,
      auditChainBreaks: 0,
      durationMs: 0,
      notes: [],
    };
  }

  fault(kind: string, n = 1): void {
    this.part.faultsInjected[kind] = (this.part.faultsInjected[kind] ?? 0) + n;
  }

  add(
    field: 'faultsSurvived' | 'inputsTried' | 'http500' | 'submissions' | 'figuresLost' | 'figuresDoubled' | 'partialWrites' | 'auditChainBreaks',
    n = 1,
  ): void {
    this.part[field] += n;
  }

  note(text: string): void {
    this.part.notes.push(text);
  }

  flush(): void {
    this.part.durationMs = Date.now() - this.started;
    mkdirSync(PARTS_DIR, { recursive: true });
    writeFileSync(path.join(PARTS_DIR, `${this.part.file}.json`), JSON.stringify(this.part, null, 2));
  }
}

export interface Summary {
  form: 'fast' | 'full';
  seed: number;
  files: SummaryPart[];
  totals: Omit<SummaryPart, 'file' | 'notes'> & { faultsInjectedTotal: number };
}

/** Sums the parts of the run. */
export const aggregate = (form: 'fast' | 'full', seed: number): Summary => {
  let files: SummaryPart[] = [];
  try {
    files = readdirSync(PARTS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(PARTS_DIR, f), 'utf8')) as SummaryPart);
  } catch {
    files = [];
  }
  const faultsInjected: Record<string, number> = {};
  for (const f of files) for (const [k, v] of Object.entries(f.faultsInjected)) faultsInjected[k] = (faultsInjected[k] ?? 0) + v;
  const sum = (key: keyof SummaryPart): number => files.reduce((acc, f) => acc + (f[key] as number), 0);
  return {
    form,
    seed,
    files,
    totals: {
      faultsInjected,
      faultsInjectedTotal: Object.values(faultsInjected).reduce((a, b) => a + b, 0),
      faultsSurvived: sum('faultsSurvived'),
      inputsTried: sum('inputsTried'),
      http500: sum('http500'),
      submissions: sum('submissions'),
      figuresLost: sum('figuresLost'),
      figuresDoubled: sum('figuresDoubled'),
      partialWrites: sum('partialWrites'),
      auditChainBreaks: sum('auditChainBreaks'),
      durationMs: sum('durationMs'),
    },
  };
};

export const renderSummary = (s: Summary): string => {
  const t = s.totals;
  const kinds = Object.entries(t.faultsInjected)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const lines = [
    '',
    `── Résumé fautes et entrées hostiles (forme ${s.form}, graine ${s.seed}) ──`,
    ...s.files.map(
      (f) =>
        `  ${f.file.padEnd(34)} fautes ${String(Object.values(f.faultsInjected).reduce((a, b) => a + b, 0)).padStart(4)}  entrées ${String(f.inputsTried).padStart(5)}  500 ${f.http500}  perdus ${f.figuresLost}  doublés ${f.figuresDoubled}  (${(f.durationMs / 1000).toFixed(1)} s)`,
    ),
    `  fautes injectées : ${t.faultsInjectedTotal}${kinds ? ` (${kinds})` : ''} ; survécues : ${t.faultsSurvived}`,
    `  entrées essayées : ${t.inputsTried} ; soumissions suivies : ${t.submissions}`,
    `  réponses 500 : ${t.http500} ; chiffres perdus : ${t.figuresLost} ; chiffres doublés : ${t.figuresDoubled} ; écritures partielles : ${t.partialWrites} ; ruptures de chaîne d’audit : ${t.auditChainBreaks}`,
    '',
  ];
  return lines.join('\n');
};

export const writeSummary = (s: Summary): void => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(SUMMARY_FILE, JSON.stringify(s, null, 2));
};
