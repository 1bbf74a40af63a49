import { MethodologyVersion } from './methodology-version.entity';

export interface MethodologyVersionResponse {
  id: string;
  version: number;
  label: string;
  effectiveFrom: string;
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
  parameters: v.parameters,
  snapshot: v.snapshot,
  publishedBy: v.publishedBy,
  publishedAt: new Date(v.publishedAt).toISOString(),
});
