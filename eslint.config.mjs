// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'class-validator', 'class-transformer', 'pg', 'express', 'react', 'react-admin'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/admin/dist/**', 'bench/results/**', 'test-artifacts/**', 'bin/**', '*.config.js', 'test/run-all.js', '.ci/**'] },
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
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'Pas de test focalisé (.only).' },
        { selector: "CallExpression[callee.name=/^(fit|fdescribe)$/]", message: 'Pas de test focalisé.' },
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
            { group: ['**/apps/**', 'node:*', 'fs', 'path', 'child_process', 'http', 'https', 'net'], message: 'libs/indicators ne fait aucune entrée-sortie et ne dépend pas des applications.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pas d’horloge dans le domaine : « maintenant » est un paramètre.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pas d’horloge dans le domaine : « maintenant » est un paramètre.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pas d’aléa dans le domaine.' }],
    },
  },
  {
    files: ['libs/indicators/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
);
