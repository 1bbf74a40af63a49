#!/usr/bin/env node
/**
 * `npm test`: every layer in one command — type check, lint, then jest's unit, admin, integration and e2e
 * projects (integration and e2e against the real PostgreSQL and Redis), the browser journeys and the scale layer — closing with one line
 * `N passed, N failed` that totals them all, `, N skipped` when anything did not run: skipped and todo tests, and each
 * layer left out (by arguments, LEVIER_SKIP_BROWSER=1 or LEVIER_SKIP_SCALE=1) counts as one, named on its own line above. Exit code 1 on any
 * failure.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
/** A layer that did not run: said, and counted as skipped, so the closing line never hides it. */
const notRun = (label, why) => {
  skipped += 1;
  lines.push(`– ${label} : non exécuté (${why})`);
};

const check = (label, command, args) => {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const only = process.argv.slice(2);
if (only.length === 0) {
  check('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  check('lint (eslint)', bin('eslint'), ['.']);
  check('format (prettier --check)', bin('prettier'), ['--check', '**/*.{ts,tsx}', '--log-level', 'warn']);
} else {
  for (const layer of ['typecheck', 'lint', 'format']) notRun(layer, `arguments : ${only.join(' ')}`);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'levier-jest-')), 'report.json');
const started = Date.now();
const jest = spawnSync(bin('jest'), ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...only], { cwd: root, stdio: 'inherit' });
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  const suitesFailedWithoutTests = result.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  failed += suitesFailedWithoutTests;
  lines.push(
    `${jest.status === 0 ? '✓' : '✗'} jest: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests + result.numTodoTests} skipped, ${result.numTotalTestSuites} suites${suitesFailedWithoutTests ? `, ${suitesFailedWithoutTests} suites failed to run` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (result.numTotalTests === 0) failed += 1;
} else {
  failed += 1;
  lines.push('✗ jest produced no report');
}
if (jest.status !== 0 && failed === 0) failed += 1;

// Browser journeys: the built product with demo data, driven by Debian's chromium (test/browser/README.md).
if (only.length === 0 && process.env.LEVIER_SKIP_BROWSER !== '1') {
  const browserReport = path.join(path.dirname(report), 'browser.json');
  const t0 = Date.now();
  const b = spawnSync(bin('jest'), ['-c', 'test/browser/jest.config.js', '--json', `--outputFile=${browserReport}`], { cwd: root, stdio: 'inherit' });
  if (fs.existsSync(browserReport)) {
    const r = JSON.parse(fs.readFileSync(browserReport, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    if (r.numTotalTests === 0 || (b.status !== 0 && r.numFailedTests === 0)) failed += 1;
    lines.push(`${b.status === 0 ? '✓' : '✗'} browser: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } else {
    failed += 1;
    lines.push('✗ browser produced no report');
  }
} else {
  notRun('browser', only.length > 0 ? `arguments : ${only.join(' ')}` : 'LEVIER_SKIP_BROWSER=1');
}

// Beyond one machine (docs/scaling.md): a private PostgreSQL primary + replica, Redis Sentinel and Cluster, the built API
// and three workers (≈ 75 s). LEVIER_SKIP_SCALE=1 leaves it out, counted as skipped.
if (only.length === 0 && process.env.LEVIER_SKIP_SCALE !== '1') {
  const scaleReport = path.join(path.dirname(report), 'scale.json');
  const t0 = Date.now();
  const sc = spawnSync(bin('jest'), ['-c', 'test/scale/jest.config.js', '--json', `--outputFile=${scaleReport}`], { cwd: root, stdio: 'inherit' });
  if (fs.existsSync(scaleReport)) {
    const r = JSON.parse(fs.readFileSync(scaleReport, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    if (r.numTotalTests === 0 || (sc.status !== 0 && r.numFailedTests === 0)) failed += 1;
    lines.push(`${sc.status === 0 ? '✓' : '✗'} scale: ${r.numPassedTests} passed, ${r.numFailedTests} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } else {
    failed += 1;
    lines.push('✗ scale produced no report');
  }
} else {
  notRun('scale', only.length > 0 ? `arguments : ${only.join(' ')}` : 'LEVIER_SKIP_SCALE=1');
}

process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
