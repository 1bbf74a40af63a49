import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareWithExpected, computeScenario, parseScenario, ScenarioOutput } from './index';

/** The golden vectors live beside the repository (`../shared/vectors` from its root); they are read, never copied. */
const VECTORS_DIR = path.resolve(__dirname, '../../../../shared/vectors');

const vectorFiles = fs
  .readdirSync(VECTORS_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

interface Vector {
  readonly file: string;
  readonly json: { readonly expected: Readonly<Record<string, unknown>> };
}

const readVector = (file: string): Vector => ({ file, json: JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')) });

describe('golden vectors (shared/vectors)', () => {
  it('finds the six reference cases', () => {
    expect(vectorFiles.length).toBeGreaterThanOrEqual(6);
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
