/** The lever simulator's API (apps/api/src/simulations): `POST /api/simulations/preview`, saved simulations. */

export type LeverJson =
  | { kind: 'scale'; service: string; factor: string }
  | { kind: 'move'; fromService: string; toService: string; amount: string; chapter?: string }
  | { kind: 'redeploy'; fromService: string; toService: string; fteDays: string; dailyCost: string };

export interface LedgerLine {
  avoided: string;
  cost: string;
  net: string;
}

/** A Méthode 2 AGGREGATE (conventions-1 scopes lack the public figures and the ledger). */
export interface Aggregate {
  grossSavings: string;
  cost: string;
  netSavings: string;
  offsetRatio: string | null;
  byPayer: Record<string, string>;
  publicSavings?: string;
  publicCost?: string;
  publicNetSavings?: string;
  ledger?: Record<string, LedgerLine>;
}

export type SimulationAggregate = Aggregate & { services: Record<string, Aggregate> };

export interface FongibiliteYear {
  year: string;
  amount: string;
  limit: string;
  realExpenditure: string | null;
  capacity: string | null;
  used: string;
  headroomBefore: string | null;
  headroomAfter: string | null;
}

export interface SimulationCheck {
  lever: number;
  kind: 'FONGIBILITE' | 'PERSONNEL_HORS_FONGIBILITE' | 'MEME_FONCTION';
  status: 'ok' | 'depassement' | 'inconnu' | 'hors_fongibilite' | 'sans_objet';
  fromService: string;
  toService: string;
  amount: string;
  years: FongibiliteYear[];
  message: string;
}

export interface SimulationScope {
  orgUnit: string;
  from: string;
  to: string;
}

export interface SimulationAnswer {
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  conventions: 1 | 2;
  levers: LeverJson[];
  baseline: SimulationAggregate;
  simulated: SimulationAggregate;
  delta: SimulationAggregate;
  ranges: { baseline: { low: SimulationAggregate; high: SimulationAggregate }; simulated: { low: SimulationAggregate; high: SimulationAggregate } } | null;
  checks: SimulationCheck[];
  services: Record<string, { label: string; functionCode: string | null; functionLabel: string | null }>;
}

export interface SavedSimulation {
  id: string;
  name: string;
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  levers: LeverJson[];
  createdAt: string;
}

/** `GET /api/simulations/:id`: the saved question with its answer on today's data, or `problems` when a lever no longer applies. */
export type SavedSimulationAnswer = SavedSimulation & { problems: string[]; computedAt: string } & (
    SimulationAnswer | { baseline: null; simulated: null; delta: null; ranges: null; checks: []; services?: undefined; conventions?: undefined }
  );
