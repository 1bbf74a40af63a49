import { Injectable } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { IndicatorsService } from '../indicators/savings/indicators.service';
import { CompletenessService } from '../figures/completeness/completeness.service';
import { versionInForce } from '../methodology/version-in-force';
import { DocumentsRepository } from './documents.repository';
import type { DossierJob } from './dossier-render';
import { DocumentThread } from './document-thread';
import { fongibiliteDocument } from './fongibilite-content';
import { inKindDocument } from './in-kind-content';
import type { NoteAggregate, NoteConseilInput } from './note-conseil-content';
import { SimulationsService } from '../simulations/simulations.service';
import { withHash } from './document-hash';
import type { DocumentLanguage, HashedDocument } from './document-model';
import type { DocumentFormat } from './document-query.dto';
import { renderFile, RenderedFile } from './render-file';

export interface RenderedDocument {
  content: Buffer;
  contentType: string;
  fileName: string;
  hash: string;
}

/** Compressed PDF streams everywhere but in tests, which read the text of the pages. */
const compressPdf = (): boolean => process.env.NODE_ENV !== 'test';

/** Years of a scope's period range (`2024-01`…`2025-03` → 2024, 2025); the latest data year when unbounded. */
const yearsOf = (from: string | null, to: string | null): number[] => {
  if (from === null) return [];
  const [a, b] = [Number(from.slice(0, 4)), Number((to ?? from).slice(0, 4))];
  return b >= a && b - a <= 20 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [];
};

type Version = { version: number; label: string; effectiveFrom: string; parameters: Record<string, unknown> };
const conventionsOf = (v: Pick<Version, 'parameters'> | null): 1 | 2 => ((v?.parameters as { conventions?: number } | undefined)?.conventions === 2 ? 2 : 1);

/**
 * Documents for the board and the assembly (issue 19): each gathered under the caller's rights (a scope or record the
 * caller may not read answers 404 like any other read), built as a model, hashed, rendered as PDF or HTML.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: DocumentsRepository,
    private readonly indicators: IndicatorsService,
    private readonly completeness: CompletenessService,
    private readonly simulations: SimulationsService,
    private readonly thread: DocumentThread,
  ) {}

  /**
   * The dossier méthodologique of a scope, rendered: the reads here (under the caller's rights), the engine run, the
   * model, the hash and the layout in the worker thread, off the API's event loop.
   */
  async dossier(
    user: AuthUser,
    query: { orgUnit?: string; from?: string; to?: string },
    language: DocumentLanguage,
    format: DocumentFormat,
  ): Promise<RenderedDocument> {
    return asBuffer(
      await this.thread.render({ kind: 'dossier-methodologique', ...(await this.dossierJob(user, query, language)), format, compress: compressPdf() }),
    );
  }

  private async dossierJob(
    user: AuthUser,
    query: { orgUnit?: string; from?: string; to?: string },
    language: DocumentLanguage,
  ): Promise<Pick<DossierJob, 'input' | 'scenario'>> {
    const scopeQuery = {
      ...(query.orgUnit ? { orgUnit: query.orgUnit } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    };
    const summary = await this.indicators.summary(user, scopeQuery);
    const explain = await this.indicators.explain(user, scopeQuery);
    const { organisation, services, versions } = await this.tenantDb.run(user.organisationId, async (em) => ({
      organisation: await this.repository.organisation(em, user.organisationId),
      services: await this.repository.services(em, user.organisationId),
      versions: await this.repository.versions(em, user.organisationId),
    }));
    const inForce = summary.methodologyVersion;
    const index = inForce ? versions.findIndex((v) => v.version === inForce.version) : -1;
    const previousVersion = index >= 0 ? (versions[index + 1] ?? null) : null;
    const completeness = [];
    for (const year of yearsOf(summary.scope.from, summary.scope.to))
      completeness.push(await this.completeness.compute(user, summary.scope.orgUnit, String(year)));
    // a scope masked for this reader (statistical secrecy) gives the method without figures nor results
    const scenario = summary.masked ? null : await this.indicators.scenario(user, scopeQuery);
    return {
      scenario,
      input: {
        language,
        organisation: organisation.name,
        scope: { code: summary.scope.orgUnit, name: summary.scope.orgUnitName },
        from: summary.scope.from,
        to: summary.scope.to,
        conventions: summary.conventions,
        methodology: {
          version: inForce?.version ?? null,
          label: inForce?.label ?? explain.methodology.label ?? '',
          effectiveFrom: inForce?.effectiveFrom ?? null,
          parameters: explain.methodology.parameters as unknown as Record<string, unknown>,
        },
        previousVersion,
        computedAt: summary.computedAt,
        dataAsOf: summary.dataAsOf,
        masked: summary.masked,
        services,
        assumptions: explain.assumptions.map((a) => ({ ...a, parameters: a.parameters as Record<string, unknown> })),
        unitCosts: explain.unitCosts,
        funding: explain.funding,
        priceIndex: explain.priceIndex,
        figures: scenario?.figures ?? [],
        sensitivity: 'sensitivity' in summary && Array.isArray(summary.sensitivity) ? summary.sensitivity : null,
        completeness,
        outcomeLabels: 'outcomeLabels' in summary && summary.outcomeLabels ? summary.outcomeLabels : {},
      },
    };
  }

  fongibilite(user: AuthUser, year: number, language: DocumentLanguage, now: Date = new Date()): Promise<HashedDocument> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const organisation = await this.repository.organisation(em, user.organisationId);
      const versions = await this.repository.versions(em, user.organisationId);
      const version = versionInForce(versions, new Date(`${year}-12-31T12:00:00Z`)) ?? null;
      const transfers = await this.repository.transfers(em, user.organisationId, year);
      const budget = await this.repository.budgetYear(em, user.organisationId, year);
      const spendProxy = budget ? null : await this.repository.spendOfYear(em, user.organisationId, year);
      const dataAsOf =
        (await this.repository.lastWrite(em, user.organisationId, ['budget_transfer', 'budget_year'])) ??
        (await this.repository.reallocationComputedAt(em, user.organisationId, year));
      return withHash(
        fongibiliteDocument({
          language,
          organisation: organisation.name,
          budgetFramework: organisation.budgetFramework,
          year,
          conventions: conventionsOf(version),
          methodology: version,
          transfers,
          limit: organisation.fongibiliteLimit,
          budget,
          spendProxy,
          dataAsOf,
          computedAt: now,
        }),
      );
    });
  }

  inKind(user: AuthUser, year: number, language: DocumentLanguage, now: Date = new Date()): Promise<HashedDocument> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const organisation = await this.repository.organisation(em, user.organisationId);
      const versions = await this.repository.versions(em, user.organisationId);
      const version = versionInForce(versions, new Date(`${year}-12-31T12:00:00Z`)) ?? null;
      const loans = await this.repository.loans(em, user.organisationId, year);
      const dataAsOf =
        (await this.repository.lastWrite(em, user.organisationId, ['in_kind_loan'])) ??
        (await this.repository.reallocationComputedAt(em, user.organisationId, year));
      return withHash(
        inKindDocument({
          language,
          organisation: organisation.name,
          year,
          conventions: conventionsOf(version),
          methodology: version,
          loans,
          dataAsOf,
          computedAt: now,
        }),
      );
    });
  }

  /**
   * The note for the board from a saved simulation, rendered: read like `GET /api/simulations/:id` (404 outside the
   * caller's tenant, subtree or simulating roles), recomputed on today's data, with the scope's freshness; the engine's
   * sensitivity of the simulated situation, the model, the hash and the layout in the worker thread.
   */
  async noteConseil(
    user: AuthUser,
    simulationId: string,
    language: DocumentLanguage,
    format: DocumentFormat,
    now: Date = new Date(),
  ): Promise<RenderedDocument> {
    const simulation = await this.simulations.get(user, simulationId);
    const scopeQuery = {
      orgUnit: simulation.scope.orgUnit,
      ...(simulation.scope.from ? { from: simulation.scope.from } : {}),
      ...(simulation.scope.to ? { to: simulation.scope.to } : {}),
    };
    const summary = await this.indicators.summary(user, scopeQuery);
    const { organisation, services, labels } = await this.tenantDb.run(user.organisationId, async (em) => ({
      organisation: await this.repository.organisation(em, user.organisationId),
      services: await this.repository.services(em, user.organisationId),
      labels: await this.repository.parameterLabels(em, user.organisationId),
    }));
    const scoped = simulation.problems.length > 0 ? null : await this.indicators.scopeScenario(user, scopeQuery);
    const inForce = summary.methodologyVersion;
    const aggregate = (a: unknown): NoteAggregate | null => (a ?? null) as NoteAggregate | null;
    const file = await this.thread.render({
      kind: 'note-conseil',
      input: {
        language,
        organisation: organisation.name,
        simulation: { id: simulation.id, name: simulation.name, createdAt: simulation.createdAt },
        scope: simulation.scope,
        conventions: 'conventions' in simulation ? simulation.conventions : summary.conventions === 2 ? 2 : 1,
        methodology: inForce ? { version: inForce.version, label: inForce.label, effectiveFrom: inForce.effectiveFrom } : null,
        levers: simulation.levers,
        serviceLabels: Object.fromEntries(services.map((s) => [s.code, s.label])),
        baseline: aggregate(simulation.baseline),
        simulated: aggregate(simulation.simulated),
        delta: aggregate(simulation.delta),
        ranges: (simulation.ranges ?? null) as NonNullable<NoteConseilInput['ranges']> | null,
        checks: simulation.checks,
        problems: simulation.problems,
        dataAsOf: summary.dataAsOf,
        computedAt: now,
      },
      sensitivity: scoped === null ? null : { scenario: scoped.document, groups: scoped.groups, levers: simulation.levers, labels },
      format,
      compress: compressPdf(),
    });
    return asBuffer(file);
  }

  async render(document: HashedDocument, format: DocumentFormat): Promise<RenderedDocument> {
    return asBuffer(await renderFile(document, format, compressPdf()));
  }
}

/** A rendered file's bytes as a Buffer over the same memory (no copy). */
const asBuffer = (file: RenderedFile): RenderedDocument => ({
  ...file,
  content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
});
