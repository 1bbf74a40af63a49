import { readFile } from 'node:fs/promises';
import {
  AggregateOutput,
  AggregateOutputConventions2,
  ALL_PAYERS,
  computeScenario,
  d,
  isConventions2Output,
  parseScenario,
  NARROW_NBSP,
  NBSP,
  Payer,
  Scenario,
  ScenarioOutput,
  ScenarioOutputConventions2,
  writeFrenchNumber,
} from '@levier/indicators';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };
type Format = 'json' | 'table';

export const COMPUTE_USAGE = 'Usage : levier compute FICHIER [--format json|table]';

/** Exit codes: 0 computed, 2 bad usage or unusable input (missing file, bad JSON, invalid scenario). */
const EXIT_OK = 0;
const EXIT_INPUT = 2;

type Arguments = { ok: true; file: string; format: Format } | { ok: true; help: true } | { ok: false; message: string };

const parseArguments = (argv: readonly string[]): Arguments => {
  const positional: string[] = [];
  let format: Format = 'json';
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? argv[(index += 1)] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'table') return { ok: false, message: `Format inconnu « ${value ?? ''} » : json ou table attendu.` };
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') return { ok: false, message: `Option inconnue « ${arg} ».` };
    else positional.push(arg);
  }
  if (positional.length === 0) return { ok: false, message: 'Fichier de scénario manquant.' };
  if (positional.length > 1) return { ok: false, message: `Un seul fichier attendu (reçu : ${positional.join(', ')}).` };
  return { ok: true, file: positional[0], format };
};

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);

const readText = async (file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> => {
  try {
    return { ok: true, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (error) {
    // Duck-typed: errors from node:fs may come from another realm (jest), where `instanceof Error` fails.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return { ok: false, message: `Fichier introuvable : ${file}` };
    if (code === 'EISDIR') return { ok: false, message: `${file} est un dossier, pas un fichier de scénario.` };
    if (code === 'EACCES') return { ok: false, message: `Lecture refusée : ${file} (droits insuffisants).` };
    return { ok: false, message: `Lecture impossible de ${file} : ${messageOf(error)}` };
  }
};

/**
 * `levier compute FILE [--format json|table]`: reads a levier-scenario/1 file, validates it, computes it with
 * @levier/indicators and prints the output JSON (default) or a French summary table. No database, no framework.
 */
export async function runCompute(argv: string[], io: Io): Promise<number> {
  const args = parseArguments(argv);
  if (!args.ok) {
    io.stderr(`${args.message}\n${COMPUTE_USAGE}\n`);
    return EXIT_INPUT;
  }
  if ('help' in args) {
    io.stdout(
      `${COMPUTE_USAGE}\n\nCalcule un scénario levier-scenario/1 (voir shared/vectors/README.md) et affiche le résultat\nen JSON (par défaut) ou en tableau lisible (--format table).\n`,
    );
    return EXIT_OK;
  }
  const read = await readText(args.file);
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return EXIT_INPUT;
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    io.stderr(`JSON invalide dans ${args.file} : ${messageOf(error)}\n`);
    return EXIT_INPUT;
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    const count = parsed.errors.length;
    const lines = parsed.errors.map((error) => `  - ${error.path} : ${error.message}`);
    io.stderr(`Scénario invalide : ${args.file} (${count} problème${count > 1 ? 's' : ''})\n${lines.join('\n')}\n`);
    return EXIT_INPUT;
  }
  const output = computeScenario(parsed.scenario);
  io.stdout(args.format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : renderTable(parsed.scenario, output));
  return EXIT_OK;
}

// ——— French table rendering ———

const NOT_AVAILABLE = 'n.d.';

/** `"1234567.891"` → `"1 234 567,89"` (narrow no-break spaces between thousands, decimal comma). */
export const frenchNumber = (value: string, decimals: number): string => writeFrenchNumber(value, { decimals, group: NARROW_NBSP });

/** `1 234 567,89 €` */
export const frenchMoney = (value: string | null): string => (value === null ? NOT_AVAILABLE : `${frenchNumber(value, 2)}${NBSP}€`);
const frenchRatio = (value: string | null): string => (value === null ? NOT_AVAILABLE : frenchNumber(value, 2));
const frenchPercent = (value: string | null): string => (value === null ? NOT_AVAILABLE : `${frenchNumber(d(value).times(100).toFixed(), 1)}${NBSP}%`);
const frenchYears = (value: string | null): string => (value === null ? 'non atteint' : `${frenchNumber(value, 2)}${NBSP}ans`);

const PAYER_LABELS: Record<Payer, string> = {
  ASSURANCE_MALADIE: 'Assurance maladie',
  DEPARTEMENT: 'Département',
  COMMUNE_CCAS: 'Commune / CCAS',
  ETAT: 'État',
  CAF: 'CAF',
  USAGER: 'Usager',
  AUTRE: 'Autre',
  CAISSES_RETRAITE: 'Caisses de retraite',
  ARS: 'ARS',
  BAILLEUR_SOCIAL: 'Bailleur social',
};

type Align = 'left' | 'right';

/** Aligned columns: first column left, the others right-aligned, two spaces apart. */
const table = ({ headers, rows, align }: { headers: string[]; rows: string[][]; align?: Align[] }): string => {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => ((align?.[column] ?? (column === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].map((text) => `  ${text}`).join('\n');
};

const AGGREGATE_HEADERS = [
  'Coûts évités (bruts)',
  'Coût des services',
  'Épargne médico-sociale nette',
  'Coûts évités pour 1 € investi',
  'Événements évités',
  'Coût / événement',
  'Retour',
];
/** Net events; null under conventions 2 when unlike events are summed (README 2.6): they are not added. */
const frenchEvents = (value: string | null): string => (value === null ? 'non additionnés' : frenchNumber(value, 2));
const aggregateCells = (aggregate: AggregateOutput | AggregateOutputConventions2): string[] => [
  frenchMoney(aggregate.grossSavings),
  frenchMoney(aggregate.cost),
  frenchMoney(aggregate.netSavings),
  frenchRatio(aggregate.offsetRatio),
  frenchEvents(aggregate.eventsNet),
  frenchMoney(aggregate.costPerEventAvoided),
  frenchYears(aggregate.paybackYears),
];

const section = (title: string, body: string): string => `${title}\n${body}\n`;

/** Conventions 2: events by kind, who pays and who saves (ledger), public figures. */
const renderConventions2Totals = (output: ScenarioOutputConventions2): string[] => {
  const totals = output.totals;
  const ledgerPayers = ALL_PAYERS.filter((payer) => totals.ledger[payer] !== undefined);
  const events = Object.entries(totals.eventsByOutcome);
  return [
    ...(events.length > 0
      ? [
          section(
            'Événements évités par type',
            table({ headers: ['Résultat', 'Événements nets'], rows: events.map(([code, value]) => [code, frenchNumber(value, 2)]) }),
          ),
        ]
      : []),
    ...(ledgerPayers.length > 0
      ? [
          section(
            'Qui paie, qui économise',
            table({
              headers: ['Payeur', 'Dépenses évitées', 'Coût du service', 'Solde'],
              rows: ledgerPayers.map((payer) => {
                const line = totals.ledger[payer];
                return [PAYER_LABELS[payer], frenchMoney(line?.avoided ?? null), frenchMoney(line?.cost ?? null), frenchMoney(line?.net ?? null)];
              }),
            }),
          ),
        ]
      : []),
    section(
      'Finances publiques (hors usagers)',
      table({
        headers: ['Indicateur', 'Valeur'],
        rows: [
          ['Coûts évités pour les finances publiques', frenchMoney(totals.publicSavings)],
          ['Coût public des services', frenchMoney(totals.publicCost)],
          ['Épargne médico-sociale nette (finances publiques)', frenchMoney(totals.publicNetSavings)],
          ['Coûts évités pour 1 € public investi', frenchRatio(totals.publicOffsetRatio)],
        ],
      }),
    ),
  ];
};

/** Conventions 2: which assumption moves the totals' net savings (README 2.8). */
const renderSensitivity = (output: ScenarioOutput): string[] =>
  isConventions2Output(output) && output.sensitivity !== undefined && output.sensitivity.length > 0
    ? [
        section(
          'Sensibilité (épargne médico-sociale nette, une hypothèse à la fois)',
          table({
            headers: ['Paramètre', 'Bas', 'Haut', 'Écart'],
            rows: output.sensitivity.map((entry) => [entry.parameter, frenchMoney(entry.low), frenchMoney(entry.high), frenchMoney(entry.swing)]),
          }),
        ),
      ]
    : [];

const renderSavings = (scenario: Scenario, output: ScenarioOutput): string[] => {
  const totals = output.totals;
  const parts: string[] = [];
  parts.push(
    section(
      'Synthèse',
      table({
        headers: ['Indicateur', 'Valeur'],
        rows: [
          ['Coûts évités (bruts, valeur actualisée)', frenchMoney(totals.grossSavings)],
          ["Coût de l'intervention", frenchMoney(totals.cost)],
          ['Épargne médico-sociale nette', frenchMoney(totals.netSavings)],
          ['Coûts évités pour 1 € investi', frenchRatio(totals.offsetRatio)],
          ['Événements évités (nets)', frenchEvents(totals.eventsNet)],
          ['Coût par événement évité', frenchMoney(totals.costPerEventAvoided)],
          ['Délai de retour', frenchYears(totals.paybackYears)],
          ['Encaissable', frenchMoney(totals.cashable)],
          ['Non encaissable (capacité libérée)', frenchMoney(totals.nonCashable)],
        ],
      }),
    ),
  );
  const payers = ALL_PAYERS.filter((payer) => totals.byPayer[payer] !== undefined);
  if (isConventions2Output(output)) parts.push(...renderConventions2Totals(output));
  else if (payers.length > 0) {
    parts.push(
      section(
        'Épargne par payeur',
        table({ headers: ['Payeur', 'Coûts évités (bruts)'], rows: payers.map((payer) => [PAYER_LABELS[payer], frenchMoney(totals.byPayer[payer] ?? null)]) }),
      ),
    );
  }
  const services = Object.entries(output.services);
  if (services.length > 0) {
    parts.push(
      section(
        'Par service',
        table({ headers: ['Service', ...AGGREGATE_HEADERS], rows: services.map(([code, aggregate]) => [code, ...aggregateCells(aggregate)]) }),
      ),
    );
  }
  const periods = Object.entries(output.periods);
  if (periods.length > 0) {
    parts.push(
      section(
        'Par période',
        table({ headers: ['Période', ...AGGREGATE_HEADERS], rows: periods.map(([period, aggregate]) => [period, ...aggregateCells(aggregate)]) }),
      ),
    );
  }
  const outcomes = Object.entries(output.outcomes);
  if (outcomes.length > 0) {
    parts.push(
      section(
        'Par résultat évité (toutes périodes)',
        table({
          headers: [
            'Service / résultat',
            'Événements bruts',
            'Événements nets',
            'Unités évitées',
            'Coût unitaire',
            'Valeur brute',
            'Valeur an 1',
            'Valeur actualisée',
          ],
          rows: outcomes.map(([key, outcome]) => [
            key,
            frenchNumber(outcome.eventsGross, 2),
            frenchNumber(outcome.eventsNet, 2),
            frenchNumber(outcome.unitsAvoided, 2),
            frenchMoney(outcome.unitCost),
            frenchMoney(outcome.valueGross),
            frenchMoney(outcome.valueYear0),
            frenchMoney(outcome.presentValue),
          ]),
        }),
      ),
    );
  }
  if (output.ranges !== undefined) {
    parts.push(
      section(
        'Fourchettes (hypothèses basses / centrales / hautes)',
        table({
          headers: ['Scénario', ...AGGREGATE_HEADERS],
          rows: [
            ['bas', ...aggregateCells(output.ranges.low)],
            ['central', ...aggregateCells(totals)],
            ['haut', ...aggregateCells(output.ranges.high)],
          ],
        }),
      ),
    );
  }
  return parts;
};

const renderReallocation = (scenario: Scenario, output: ScenarioOutput): string[] => {
  const r = output.reallocation;
  const input = scenario.reallocation;
  if (r === undefined || input === null) return [];
  const staff = input.redeployments.length > 0 || input.needs.length > 0;
  const budget = input.budget !== null || input.transfers.length > 0;
  const days = (value: string | null): string => (value === null ? NOT_AVAILABLE : `${frenchNumber(value, d(value).isInteger() ? 0 : 1)}${NBSP}j`);
  const parts = [
    section(
      'Réallocation des ressources',
      table({
        headers: ['Indicateur', 'Valeur'],
        rows: [
          ...(staff
            ? [
                ['Jours ETP redéployés', frenchNumber(r.fteDays, 2)],
                ['Années ETP', frenchNumber(r.fteYears, 3)],
                ['Agents redéployés', r.agentsRedeployed],
                ['Taux de mobilisation', frenchPercent(r.mobilisationRate)],
                ['Délai de mise à disposition (médiane)', days(r.leadTimeMedianDays)],
                ['Délai de mise à disposition (P90)', days(r.leadTimeP90Days)],
                ['Couverture des besoins critiques', frenchPercent(r.criticalCoverage)],
                ['Part de volontaires', frenchPercent(r.volunteerShare)],
                ['Valeur des redéploiements', frenchMoney(r.value)],
              ]
            : []),
          ...(budget
            ? [
                ['Volume de fongibilité', frenchMoney(r.fongibiliteVolume)],
                ['Taux de fongibilité', frenchPercent(r.fongibiliteRate)],
                ['Plafond de fongibilité dépassé', r.fongibiliteOverLimit === null ? NOT_AVAILABLE : r.fongibiliteOverLimit ? 'oui' : 'non'],
              ]
            : []),
          ...(input.inKindLoans.length > 0 ? [['Valeur des prêts en nature', frenchMoney(r.inKindValue)]] : []),
        ],
      }),
    ),
  ];
  const needs = Object.entries(r.needCoverage);
  if (needs.length > 0)
    parts.push(
      section('Couverture par besoin', table({ headers: ['Besoin', 'Couverture'], rows: needs.map(([code, coverage]) => [code, frenchPercent(coverage)]) })),
    );
  const flows = Object.entries(r.netFlowByFunction);
  if (flows.length > 0)
    parts.push(
      section('Flux net par fonction (M57)', table({ headers: ['Fonction', 'Flux net'], rows: flows.map(([fn, amount]) => [fn, frenchMoney(amount)]) })),
    );
  if (r.flags.length > 0) {
    const reasons: Record<string, string> = {
      PERSONNEL_EXCLUDED: 'chapitre 012 (personnel) exclu de la fongibilité',
      SAME_CHAPTER: 'même chapitre des deux côtés : mouvement interne, pas de la fongibilité',
    };
    parts.push(
      section(
        'Mouvements signalés',
        table({ headers: ['Mouvement', 'Motif'], rows: r.flags.map((flag) => [flag.transfer, reasons[flag.reason] ?? flag.reason]), align: ['left', 'left'] }),
      ),
    );
  }
  return parts;
};

/** A readable French summary of the output: totals, payers, services, periods, outcomes, ranges, reallocation. */
export const renderTable = (scenario: Scenario, output: ScenarioOutput): string => {
  const { methodology } = scenario;
  const header = [
    `Scénario : ${scenario.name || '(sans nom)'}`,
    `Méthode : ${methodology.conventions === 2 ? 'conventions 2, ' : ''}euros constants ${methodology.baseYear}, taux d'actualisation ${frenchPercent(methodology.discountRate.toFixed())}, ${methodology.discountConvention === 0 ? 'première année non actualisée' : 'première année actualisée une fois'}`,
    '',
  ].join('\n');
  const hasSavings = scenario.services.length > 0 || scenario.figures.length > 0;
  return [header, ...(hasSavings ? [...renderSavings(scenario, output), ...renderSensitivity(output)] : []), ...renderReallocation(scenario, output)].join(
    '\n',
  );
};
