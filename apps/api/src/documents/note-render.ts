import { applyLevers, computeSensitivity, formatSensitivity, parseLevers, parseScenario } from '@levier/indicators';
import { parameterLabel, ParameterLabels } from '../indicators/savings/parameter-labels';
import type { ScenarioDocument } from '../indicators/savings/scenario-document';
import { withHash } from './document-hash';
import type { DocumentFormat } from './document-query.dto';
import { noteConseilDocument, NoteConseilInput } from './note-conseil-content';
import { renderFile, RenderedFile } from './render-file';

/** What the sensitivity of a simulated situation is computed from: the scope's scenario, its groups, the levers, the labels. */
export interface SimulatedSensitivitySource {
  scenario: ScenarioDocument;
  /** Service code of the scenario → the service's own code (`SAAD_2024` → `SAAD`), as `IndicatorsService.scopeScenario` gives. */
  groups: Record<string, string>;
  /** The saved simulation's levers, as stored. */
  levers: unknown;
  labels: ParameterLabels;
}

/** What the API gathers for a note pour le conseil (reads only): the sensitivity and the layout are done with the rendering. */
export interface NoteJob {
  kind: 'note-conseil';
  input: Omit<NoteConseilInput, 'sensitivity'>;
  /** Null when a lever no longer applies to today's data: the note then says why, without assumptions. */
  sensitivity: SimulatedSensitivitySource | null;
  format: DocumentFormat;
  compress: boolean;
}

/**
 * The engine's sensitivity of the scope's scenario with the levers applied, parameters in words, largest swing first
 * (empty when the method is not conventions 2 or no assumption has a range).
 */
export const simulatedSensitivity = ({ scenario, groups, levers: rawLevers, labels }: SimulatedSensitivitySource): NoteConseilInput['sensitivity'] => {
  const parsed = parseScenario(scenario);
  const levers = parseLevers(rawLevers);
  if (!parsed.ok || !levers.ok || parsed.scenario.methodology.conventions !== 2) return [];
  const simulated = applyLevers(parsed.scenario, levers.levers, { groups });
  // a service split by year (`SAAD_2024`) is named by the service users know
  const services = new Map(labels.services);
  const outcomes = new Map(labels.outcomes);
  for (const [code, group] of Object.entries(groups)) {
    const label = labels.services.get(group);
    if (label !== undefined && !services.has(code)) services.set(code, label);
    for (const [key, value] of labels.outcomes) if (key.startsWith(`${group}/`)) outcomes.set(`${code}/${key.slice(group.length + 1)}`, value);
  }
  return computeSensitivity(simulated).map((entry) => ({
    ...formatSensitivity(entry),
    label: parameterLabel(entry.parameter, { services, outcomes, unitCosts: labels.unitCosts }),
  }));
};

/**
 * The CPU-bound part of a note pour le conseil: the engine's sensitivity of the simulated situation, the document
 * model, its hash and its layout. Pure, so that it runs in the documents' worker thread (`DocumentThread`).
 */
export const renderNote = (job: NoteJob): Promise<RenderedFile> =>
  renderFile(
    withHash(noteConseilDocument({ ...job.input, sensitivity: job.sensitivity === null ? [] : simulatedSensitivity(job.sensitivity) })),
    job.format,
    job.compress,
  );
