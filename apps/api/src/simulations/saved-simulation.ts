import type { SimulationAggregate } from '@levier/indicators';
import type { SimulationCheck } from './fongibilite-checks';
import type { SimulationAnswer, SimulationResponse, SimulationsService } from './simulations.service';

/**
 * `GET /api/simulations/:id`: a saved simulation (its question: scope and levers) recomputed on today's data and method.
 * When its levers no longer apply (a service gone, a refused move), `problems` says why in French and the figures are
 * null; otherwise `problems` is empty and the answer is a preview's (conventions, figures, ranges, checks, services).
 */
export interface SavedSimulationResponse extends SimulationResponse {
  /** When it was recomputed (this read). */
  computedAt: Date;
  problems: string[];
  /** Absent when the levers no longer apply. */
  conventions?: SimulationAnswer['conventions'];
  baseline: SimulationAggregate | null;
  simulated: SimulationAggregate | null;
  delta: SimulationAggregate | null;
  ranges: SimulationAnswer['ranges'];
  checks: SimulationCheck[];
  /** Absent when the levers no longer apply. */
  services?: SimulationAnswer['services'];
}

type SavedSimulation = Awaited<ReturnType<SimulationsService['get']>>;

/** The service's recomputed simulation as the endpoint answers it: these fields only, in this order (same bytes as before). */
export const toSavedSimulationResponse = (s: SavedSimulation): SavedSimulationResponse => ({
  id: s.id,
  name: s.name,
  scope: s.scope,
  levers: s.levers,
  createdBy: s.createdBy,
  createdAt: s.createdAt,
  computedAt: s.computedAt,
  problems: s.problems,
  ...('conventions' in s ? { conventions: s.conventions } : {}),
  baseline: s.baseline,
  simulated: s.simulated,
  delta: s.delta,
  ranges: s.ranges,
  checks: s.checks,
  ...('services' in s ? { services: s.services } : {}),
});
