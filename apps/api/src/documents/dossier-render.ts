import { computeScenario, parseScenario } from '@levier/indicators';
import type { ScenarioDocument } from '../indicators/savings/scenario-document';
import { withHash } from './document-hash';
import type { DocumentFormat } from './document-query.dto';
import { dossierDocument, DossierInput } from './dossier-content';
import { renderFile, RenderedFile } from './render-file';

/** What the API gathers for a dossier (reads only): everything but the engine's results, computed with the rendering. */
export interface DossierJob {
  kind: 'dossier-methodologique';
  input: Omit<DossierInput, 'results'>;
  /** The scope's scenario (null when masked for this reader): the engine's results are computed from it. */
  scenario: ScenarioDocument | null;
  format: DocumentFormat;
  compress: boolean;
}

/** The engine's output on the scope's scenario, as the dossier shows it; null when the scenario has no figure. */
const resultsOf = (scenario: ScenarioDocument | null): DossierInput['results'] => {
  if (scenario === null || scenario.figures.length === 0) return null;
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return null;
  const output = computeScenario(parsed.scenario);
  return {
    totals: output.totals as unknown as Record<string, unknown>,
    ranges: output.ranges
      ? { low: output.ranges.low as unknown as Record<string, unknown>, high: output.ranges.high as unknown as Record<string, unknown> }
      : null,
    services: output.services as unknown as Record<string, Record<string, unknown>>,
    outcomes: output.outcomes as NonNullable<DossierInput['results']>['outcomes'],
    serviceLabels: Object.fromEntries(scenario.services.map((s) => [s.code, s.label])),
  };
};

/**
 * The CPU-bound part of a dossier méthodologique: the engine run on the scope, the document model, its content hash and
 * its rendering (pdfkit or HTML). Pure (no I/O but pdfkit's in-memory stream), so that it runs in a worker thread
 * (`DocumentThread`) and never holds the API's event loop.
 */
export const renderDossier = (job: DossierJob): Promise<RenderedFile> =>
  renderFile(withHash(dossierDocument({ ...job.input, results: resultsOf(job.scenario) })), job.format, job.compress);
