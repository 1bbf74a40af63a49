import { MethodologyVersion } from './methodology-version.entity';
import type { Integer } from '@levier/contracts';

export interface MethodologyVersionResponse {
  id: string;
  version: Integer;
  label: string;
  effectiveFrom: string;
  /** The engine's calculation rules the version computes under (1 unless its parameters say 2). */
  conventions: 1 | 2;
  parameters: Record<string, unknown>;
  snapshot: Record<string, unknown>;
  publishedBy: string | null;
  publishedAt: string;
}

export const toMethodologyVersionResponse = (v: MethodologyVersion): MethodologyVersionResponse => ({
  id: v.id,
  version: v.version,
  label: v.label,
  effectiveFrom: v.effectiveFrom,
  conventions: (v.parameters as { conventions?: number }).conventions === 2 ? 2 : 1,
  parameters: v.parameters,
  snapshot: v.snapshot,
  publishedBy: v.publishedBy,
  publishedAt: new Date(v.publishedAt).toISOString(),
});
