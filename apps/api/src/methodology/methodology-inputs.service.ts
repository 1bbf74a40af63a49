import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Service } from '../catalogue/service.entity';
import type { MethodologyParameters } from '../indicators/savings/scenario-document';
import { MethodologyVersion } from './methodology-version.entity';
import { OutcomeAssumption } from './outcome-assumption.entity';
import { PriceIndex } from './price-index.entity';
import { UnitCost } from './unit-cost.entity';
import { versionInForce } from './version-in-force';

/** The method's parameters when the organisation has published no version. */
export const DEFAULT_METHODOLOGY: MethodologyParameters = { baseYear: 2024, discountRate: '0.032', discountConvention: 0 };

/** The organisation's stored method, as rows: the version in force (if any), unit costs, price indices, services, outcome assumptions. */
export interface StoredMethod {
  version: MethodologyVersion | null;
  unitCosts: UnitCost[];
  priceIndices: PriceIndex[];
  services: Service[];
  assumptions: OutcomeAssumption[];
}

/** A methodology version as the indicator answers name it, with its conventions (1 unless the parameters say 2). */
export interface VersionRef {
  id: string;
  version: number;
  label: string;
  effectiveFrom: string;
  conventions: 1 | 2;
}

/** Where each assumption is edited: unit cost code → id, `<service>/<outcome>` → outcome assumption id. */
export interface AssumptionRefs {
  unitCosts: Map<string, string>;
  outcomes: Map<string, string>;
}

const describeVersion = (version: MethodologyVersion): VersionRef => ({
  id: version.id,
  version: version.version,
  label: version.label,
  effectiveFrom: version.effectiveFrom,
  conventions: ((version.parameters as { conventions?: number }).conventions === 2 ? 2 : 1) as 1 | 2,
});

/**
 * What the read model reads of the method (reference data owned by methodology/): the stored method for a recompute
 * and the method check, the version in force or of some rows, the assumptions' ids and the outcomes' labels for the
 * explanations. The one door from indicators/ into the method's tables. Runs inside the caller's transaction (`em`).
 */
@Injectable()
export class MethodologyInputs {
  /** The stored method, read once for the recompute and for the method check after a write: the version in force at `now`. */
  async method(em: EntityManager, organisationId: string, now: Date = new Date()): Promise<StoredMethod> {
    // one transaction = one connection: queries run one after the other
    const version = versionInForce(await em.find(MethodologyVersion, { where: { organisationId } }), now);
    const unitCosts = await em.find(UnitCost, { where: { organisationId }, order: { code: 'ASC' } });
    const priceIndices = await em.find(PriceIndex, { where: { organisationId }, order: { year: 'ASC' } });
    const services = await em.find(Service, { where: { organisationId }, order: { code: 'ASC' } });
    const assumptions = await em.find(OutcomeAssumption, { where: { organisationId }, order: { code: 'ASC' } });
    return { version, unitCosts, priceIndices, services, assumptions };
  }

  /** The method in force at `now`, by effective date (not the highest number), with its conventions. */
  async versionInForce(em: EntityManager, organisationId: string, now: Date = new Date()): Promise<VersionRef | null> {
    const version = versionInForce(await em.find(MethodologyVersion, { where: { organisationId } }), now);
    return version ? describeVersion(version) : null;
  }

  /** One version of the organisation by id (null when absent). */
  async version(em: EntityManager, organisationId: string, id: string): Promise<VersionRef | null> {
    const version = await em.findOne(MethodologyVersion, { where: { organisationId, id } });
    return version ? describeVersion(version) : null;
  }

  /** Ids of the unit costs (by code) and outcome assumptions (by `<service>/<outcome>`): where each assumption is edited. */
  async assumptionRefs(em: EntityManager, organisationId: string): Promise<AssumptionRefs> {
    const unitCosts: { id: string; code: string }[] = await em.query(`SELECT id, code FROM unit_cost WHERE organisation_id = $1`, [organisationId]);
    const outcomes: { id: string; key: string }[] = await em.query(
      `SELECT o.id, s.code || '/' || o.code AS key FROM outcome_assumption o JOIN service s ON s.id = o.service_id WHERE o.organisation_id = $1`,
      [organisationId],
    );
    return { unitCosts: new Map(unitCosts.map((u) => [u.code, u.id])), outcomes: new Map(outcomes.map((o) => [o.key, o.id])) };
  }

  /** Outcome code → label (the same code in two services is the same kind of event: the first label found). */
  async outcomeLabels(em: EntityManager, organisationId: string): Promise<Record<string, string>> {
    const rows: { code: string; label: string }[] = await em.query(
      `SELECT DISTINCT ON (code) code, label FROM outcome_assumption WHERE organisation_id = $1 ORDER BY code, label`,
      [organisationId],
    );
    return Object.fromEntries(rows.map((r) => [r.code, r.label]));
  }
}
