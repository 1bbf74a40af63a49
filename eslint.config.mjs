// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The house's boundaries (docs/architecture.md), as `import-x/no-restricted-paths` zones: a file matching `target`
 * may not import a file under `from`. test/lint/boundaries.spec.ts shows each zone catching a crossing.
 */
const ROOT = dirname(fileURLToPath(import.meta.url));
const API = 'apps/api/src';
const BOUNDARY_ZONES = [
  { target: 'libs/indicators', from: 'apps', message: 'libs/indicators est le moteur pur : il n’importe rien des applications.' },
  {
    target: `${API}/platform`,
    from: `${API}`,
    except: ['./platform'],
    message: 'platform/ est la plomberie : il n’importe aucun dossier métier (les entités sont enregistrées hors de platform/, dans database-entities.ts).',
  },
  { target: `${API}/figures`, from: `${API}/indicators`, message: 'figures/ n’appelle jamais indicators/ : un recalcul est un job (RecomputeRequests).' },
  {
    target: 'apps/admin',
    from: 'apps/api',
    message: 'L’interface d’administration ne dépend que de l’API HTTP, jamais de son code : son contrat est dans libs/contracts (@levier/contracts).',
  },
  { target: 'libs/contracts', from: 'apps', message: 'libs/contracts est le contrat généré de l’API : des données et des types, rien des applications.' },
  {
    target: `${API}/**/!(*-worker.module|*.processor|*.processor.spec).ts`,
    from: `${API}/**/*.processor.ts`,
    message: 'Un processeur n’est enregistré que dans un module *-worker.module.ts : l’API ne consomme aucun job.',
  },
];

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'class-validator', 'class-transformer', 'pg', 'express', 'react', 'react-admin'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/admin/dist/**',
      'bench/results/**',
      'test-artifacts/**',
      'bin/**',
      '*.config.js',
      'test/run-all.js',
      '.ci/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: BOUNDARY_ZONES }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'Pas de test focalisé (.only).' },
        { selector: 'CallExpression[callee.name=/^(fit|fdescribe)$/]', message: 'Pas de test focalisé.' },
      ],
    },
  },
  {
    files: ['libs/indicators/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'libs/indicators est du TypeScript pur : aucun framework.' },
            {
              group: ['**/apps/**', 'node:*', 'fs', 'path', 'child_process', 'http', 'https', 'net'],
              message: 'libs/indicators ne fait aucune entrée-sortie et ne dépend pas des applications.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pas d’horloge dans le domaine : « maintenant » est un paramètre.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pas d’horloge dans le domaine : « maintenant » est un paramètre.',
        },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pas d’aléa dans le domaine.' }],
    },
  },
  // The rules of hooks for the admin. The React Compiler rules of the plugin's `recommended` set (set-state-in-effect…)
  // are not on yet: they flag nine effects that reset state, to be rewritten one by one.
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'libs/contracts est lu par le navigateur et par l’API : aucun framework.' }] },
      ],
    },
  },
  {
    files: ['libs/indicators/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
