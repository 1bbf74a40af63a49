import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareWithExpected } from '@levier/indicators';
import { frenchMoney, runCompute } from './compute.command';

/** The golden vectors beside the repository (`../shared/vectors` from its root). */
const VECTORS_DIR = path.resolve(__dirname, '../../../../../shared/vectors');
/** Conventions-2 vectors: a missing folder throws here, so the suite fails rather than passing without them. */
const V2_DIR = path.join(VECTORS_DIR, 'v2');
const jsonFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.relative(VECTORS_DIR, path.join(dir, file)));
const conventions2Files = jsonFiles(V2_DIR);
const vectorFiles = [...jsonFiles(VECTORS_DIR), ...conventions2Files];

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, stdout: () => out.join(''), stderr: () => err.join('') };
};

const run = async (argv: string[]) => {
  const sut = capture();
  const code = await runCompute(argv, sut.io);
  return { code, stdout: sut.stdout(), stderr: sut.stderr() };
};

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'levier-compute-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const writeTmp = (name: string, content: string): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};

describe(runCompute.name, () => {
  it('reads the conventions-2 vectors of v2/', () => {
    expect(conventions2Files).toEqual(expect.arrayContaining(['v2/v2-domicile-substitution.json', 'v2/v2-sensitivity.json']));
  });

  it.each(vectorFiles)('prints the expected numbers of %s as JSON', async (file) => {
    const { code, stdout, stderr } = await run([path.join(VECTORS_DIR, file)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected: unknown = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')).expected;
    const actual: unknown = JSON.parse(stdout);
    expect(compareWithExpected({ expected, actual })).toEqual([]);
    expect(stdout).toContain('\n  "totals": {');
  });

  it.each(vectorFiles)('prints a French table for %s', async (file) => {
    const { code, stdout } = await run([path.join(VECTORS_DIR, file), '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scénario : /);
  });

  it('shows totals, services, periods and ranges in French formatting', async () => {
    const { stdout } = await run([path.join(VECTORS_DIR, 't4-multi-period-ranges.json'), '--format=table']);
    expect(stdout).toContain('182\u202F580,04\u00A0€');
    expect(stdout).toMatch(/Par service[\s\S]*PORTAGE_REPAS[\s\S]*MAD_RENFORCE/);
    expect(stdout).toMatch(/Par période[\s\S]*2024-Q1[\s\S]*2024-Q4/);
    expect(stdout).toMatch(/Fourchettes[\s\S]*bas[\s\S]*central[\s\S]*haut/);
    expect(stdout).toContain('Assurance maladie');
  });

  it('aligns the table columns', async () => {
    const { stdout } = await run([path.join(VECTORS_DIR, 't4-multi-period-ranges.json'), '--format', 'table']);
    const periodBlock = stdout.split('Par période\n')[1].split('\n\n')[0].split('\n');
    const widths = new Set(periodBlock.slice(2).map((line) => line.length));
    expect(widths.size).toBe(1);
  });

  it('shows the reallocation indicators', async () => {
    const { stdout } = await run([path.join(VECTORS_DIR, 'r2-budget-transfers.json'), '--format', 'table']);
    expect(stdout).toMatch(/Volume de fongibilité\s+250\u202F000,00\u00A0€/);
    expect(stdout).toContain('chapitre 012');
  });

  it('lists every problem of an invalid scenario and exits with 2', async () => {
    const scenario = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, 't2-maintien-domicile-3y.json'), 'utf8'));
    scenario.services[0].outcomes[0].deadweight = '0.1';
    scenario.unitCosts[0].payers.USAGER = '0.40';
    const { code, stderr, stdout } = await run([writeTmp('invalid.json', JSON.stringify(scenario))]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('2 problèmes');
    expect(stderr).toContain('services[0].outcomes[0].deadweight : ');
    expect(stderr).toContain('unitCosts[0].payers : la somme des parts des payeurs doit valoir 1 (obtenu 0,9)');
  });

  it('rejects a conventions-2 counterfactual outcome lasting 3 years with exit 2 and its JSON path', async () => {
    const scenario = JSON.parse(fs.readFileSync(path.join(V2_DIR, 'v2-domicile-substitution.json'), 'utf8'));
    scenario.services[0].outcomes[0].durationYears = 3;
    const { code, stderr, stdout } = await run([writeTmp('v2-duration.json', JSON.stringify(scenario))]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('1 problème');
    expect(stderr).toContain('services[0].outcomes[0].durationYears : durationYears 3 interdit');
  });

  it('rejects the conventions-2 keys under conventions 1, each with its JSON path', async () => {
    const scenario = JSON.parse(fs.readFileSync(path.join(V2_DIR, 'v2-domicile-substitution.json'), 'utf8'));
    delete scenario.methodology.conventions;
    const { code, stderr } = await run([writeTmp('v1-with-v2-keys.json', JSON.stringify(scenario))]);
    expect(code).toBe(2);
    expect(stderr).toContain('services[0].funding : ');
    expect(stderr).toContain('services[0].outcomes[0].substitutionCost : ');
    expect(stderr).toContain('conventions 2 seulement');
  });

  it('shows the ledger, the public figures and the sensitivity of a conventions-2 scenario', async () => {
    const substitution = await run([path.join(V2_DIR, 'v2-domicile-substitution.json'), '--format', 'table']);
    expect(substitution.code).toBe(0);
    expect(substitution.stdout).toContain('Méthode : conventions 2, ');
    expect(substitution.stdout).toMatch(
      /Qui paie, qui économise[\s\S]*Département\s+-12\u202F320,65\u00A0€\s+208\u202F197,82\u00A0€\s+-220\u202F518,47\u00A0€/,
    );
    expect(substitution.stdout).toMatch(/Épargne médico-sociale nette \(finances publiques\)\s+-274\u202F993,41\u00A0€/);
    const sensitivity = await run([path.join(V2_DIR, 'v2-sensitivity.json'), '--format', 'table']);
    expect(sensitivity.stdout).toMatch(/Sensibilité[\s\S]*unitCost\/HU_NUITEE\/amount[\s\S]*SORTIE_HOTEL\/RELOGEMENT\/deadweight/);
    expect(sensitivity.stdout).toMatch(/Événements évités \(nets\)\s+non additionnés/);
    const chapters = await run([path.join(V2_DIR, 'v2-fongibilite-chapters.json'), '--format', 'table']);
    expect(chapters.stdout).toContain('même chapitre des deux côtés');
  });

  it('exits with 2 and a French message on a missing file', async () => {
    const { code, stderr } = await run([path.join(tmp, 'absent.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Fichier introuvable : /);
  });

  it('exits with 2 and a French message on bad JSON', async () => {
    const { code, stderr } = await run([writeTmp('bad.json', '{ "format": "levier-scenario/1", ')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^JSON invalide dans /);
  });

  it('reads a file with a UTF-8 byte order mark', async () => {
    const content = fs.readFileSync(path.join(VECTORS_DIR, 't1-ase-prevention.json'), 'utf8');
    const { code } = await run([writeTmp('bom.json', `\uFEFF${content}`)]);
    expect(code).toBe(0);
  });

  it.each([[[]], [['a.json', 'b.json']], [['x.json', '--format', 'csv']], [['x.json', '--verbose']]])(
    'exits with 2 and the usage on bad arguments %j',
    async (argv) => {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage : levier compute FICHIER');
    },
  );

  it('prints the usage on --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage : levier compute FICHIER');
  });
});

describe(frenchMoney.name, () => {
  it('groups thousands with narrow no-break spaces and uses a decimal comma', () => {
    expect(frenchMoney('1234567.891')).toBe('1\u202F234\u202F567,89\u00A0€');
    expect(frenchMoney('-60659.28')).toBe('-60\u202F659,28\u00A0€');
    expect(frenchMoney('0.004')).toBe('0,00\u00A0€');
    expect(frenchMoney(null)).toBe('n.d.');
  });
});
