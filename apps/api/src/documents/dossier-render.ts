import { computeScenario, parseScenario } from '@levier/indicators';
import type { ScenarioDocument } from '../indicators/scenario-document';
import { withHash } from './document-hash';
import { renderHtml } from './document-html';
import { renderPdf } from './document-pdf';
import type { DocumentFormat } from './document-query.dto';
import { dossierDocument, DossierInput } from './dossier-content';

/** What the API gathers for a dossier (reads only): everything but the engine's results, computed with the rendering. */
export interface DossierJob {
  input: Omit<DossierInput, 'results'>;
  /** The scope's scenario (null when masked for this reader): the engine's results are computed from it. */
  scenario: ScenarioDocument | null;
  format: DocumentFormat;
  compress: boolean;
}

export interface RenderedFile {
  content: Uint8Array;
  contentType: string;
  fileName: string;
  hash: string;
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
 * (`DossierThread`) and never holds the API's event loop.
 */
export const renderDossier = async (job: DossierJob): Promise<RenderedFile> => {
  const document = withHash(dossierDocument({ ...job.input, results: resultsOf(job.scenario) }));
  if (job.format === 'html')
    return {
      content: Buffer.from(renderHtml(document), 'utf8'),
      contentType: 'text/html; charset=utf-8',
      fileName: `${document.fileName}.html`,
      hash: document.hash,
    };
  return {
    content: await renderPdf(document, { compress: job.compress }),
    contentType: 'application/pdf',
    fileName: `${document.fileName}.pdf`,
    hash: document.hash,
  };
};
