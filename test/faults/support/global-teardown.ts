import { aggregate, renderSummary, SUMMARY_FILE, writeSummary } from './summary';
import { FULL, FUZZ_SEED } from './mode';
import integrationTeardown from '../../setup/global-teardown';

/** Prints the run's summary and writes it to test-artifacts/faults-summary.json. */
export default async function globalTeardown(): Promise<void> {
  const summary = aggregate(FULL ? 'full' : 'fast', FUZZ_SEED);
  writeSummary(summary);
  process.stdout.write(`${renderSummary(summary)}  → ${SUMMARY_FILE}\n`);
  await integrationTeardown();
}
