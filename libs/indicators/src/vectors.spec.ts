import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareWithExpected, computeScenario, parseScenario, ScenarioOutput } from './index';

/** The golden vectors live beside the repository (`../shared/vectors` from its root); they are read, never copied. */
const VECTORS_DIR = path.resolve(__dirname, '../../../../shared/vectors');
/** Conventions-2 vectors (vectors README § Conventions 2). A missing folder throws here, so the suite fails rather than passing empty. */
const V2_DIR = path.join(VECTORS_DIR, 'v2');

const jsonFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));

const conventions1Files = jsonFiles(VECTORS_DIR);
const conventions2Files = jsonFiles(V2_DIR);
const vectorFiles = [...conventions1Files, ...conventions2Files];

interface Vector {
  readonly file: string;
  readonly json: { readonly expected: Readonly<Record<string, unknown>> };
}

const readVector = (file: string): Vector => ({ file: path.relative(VECTORS_DIR, file), json: JSON.parse(fs.readFileSync(file, 'utf8')) });

describe('golden vectors (shared/vectors)', () => {
  it('finds the six reference cases', () => {
    expect(conventions1Files.length).toBeGreaterThanOrEqual(6);
  });

  it('finds the four conventions-2 cases in v2/', () => {
    expect(conventions2Files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['v2-domicile-substitution.json', 'v2-fongibilite-chapters.json', 'v2-harms-unlike-events.json', 'v2-sensitivity.json']),
    );
  });

  describe.each(vectorFiles.map(readVector))('$file', ({ json }) => {
    const parsed = parseScenario(json);

    it('is a valid scenario', () => {
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    });

    const output: ScenarioOutput | null = parsed.ok ? computeScenario(parsed.scenario) : null;
    const sections: { name: string; section: string; key: string | null }[] = Object.entries(json.expected).flatMap(
      ([section, expected]): { name: string; section: string; key: string | null }[] =>
        expected !== null && typeof expected === 'object' && !Array.isArray(expected)
          ? Object.keys(expected).map((key) => ({ name: `${section}.${key}`, section, key }))
          : [{ name: section, section, key: null }],
    );

    it.each(sections)('matches expected $name', ({ section, key }) => {
      const sectionExpected = json.expected[section];
      const expected = key === null ? sectionExpected : (sectionExpected as Readonly<Record<string, unknown>>)[key];
      const actualSection = output === null ? undefined : (output as unknown as Readonly<Record<string, unknown>>)[section];
      const actual = key === null || actualSection === undefined ? actualSection : (actualSection as Readonly<Record<string, unknown>>)[key];
      expect(compareWithExpected({ expected, actual, path: key === null ? section : `${section}.${key}`, key })).toEqual([]);
    });
  });
});
