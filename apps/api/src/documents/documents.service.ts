import { Injectable } from '@nestjs/common';
import { applyLevers, computeSensitivity, formatSensitivity, parseLevers, parseScenario } from '@levier/indicators';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { IndicatorsService } from '../indicators/indicators.service';
import { CompletenessService } from '../figures/completeness/completeness.service';
import { versionInForce } from '../methodology/version-in-force';
import { DocumentsRepository } from './documents.repository';
import type { DossierJob } from './dossier-render';
import { DossierThread } from './dossier-thread';
import { fongibiliteDocument } from './fongibilite-content';
import { inKindDocument } from './in-kind-content';
import { NoteAggregate, noteConseilDocument } from './note-conseil-content';
import { SimulationsService } from '../simulations/simulations.service';
import { parameterLabel, ParameterLabels } from '../indicators/parameter-labels';
import { withHash } from './document-hash';
import type { DocumentLanguage, HashedDocument } from './document-model';
import { renderPdf } from './document-pdf';
import { renderHtml } from './document-html';
import type { DocumentFormat } from './document-query.dto';

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
    private readonly thread: DossierThread,
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
    const file = await this.thread.render({ ...(await this.dossierJob(user, query, language)), format, compress: compressPdf() });
    return { ...file, content: Buffer.from(file.content) };
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
   * The note for the board from a saved simulation: read like `GET /api/simulations/:id` (404 outside the caller's
   * tenant, subtree or simulating roles), recomputed on today's data, with the engine's sensitivity of the simulated
   * situation and the scope's freshness.
   */
  async noteConseil(user: AuthUser, simulationId: string, language: DocumentLanguage, now: Date = new Date()): Promise<HashedDocument> {
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
    const sensitivity = simulation.problems.length > 0 ? [] : await this.simulatedSensitivity(user, scopeQuery, simulation.levers, labels);
    const inForce = summary.methodologyVersion;
    const aggregate = (a: unknown): NoteAggregate | null => (a ?? null) as NoteAggregate | null;
    return withHash(
      noteConseilDocument({
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
        ranges: (simulation.ranges ?? null) as NonNullable<Parameters<typeof noteConseilDocument>[0]['ranges']> | null,
        checks: simulation.checks,
        problems: simulation.problems,
        sensitivity,
        dataAsOf: summary.dataAsOf,
        computedAt: now,
      }),
    );
  }

  /** The engine's sensitivity of the scope's scenario with the levers applied (empty when no assumption has a range). */
  private async simulatedSensitivity(
    user: AuthUser,
    scopeQuery: { orgUnit: string; from?: string; to?: string },
    rawLevers: unknown,
    labels: ParameterLabels,
  ): Promise<{ label: string; low: string; high: string; swing: string }[]> {
    const scoped = await this.indicators.scopeScenario(user, scopeQuery);
    const parsed = parseScenario(scoped.document);
    const levers = parseLevers(rawLevers);
    if (!parsed.ok || !levers.ok || parsed.scenario.methodology.conventions !== 2) return [];
    const simulated = applyLevers(parsed.scenario, levers.levers, { groups: scoped.groups });
    // a service split by year (`SAAD_2024`) is named by the service users know
    const services = new Map(labels.services);
    const outcomes = new Map(labels.outcomes);
    for (const [code, group] of Object.entries(scoped.groups)) {
      const label = labels.services.get(group);
      if (label !== undefined && !services.has(code)) services.set(code, label);
      for (const [key, value] of labels.outcomes) if (key.startsWith(`${group}/`)) outcomes.set(`${code}/${key.slice(group.length + 1)}`, value);
    }
    return computeSensitivity(simulated).map((entry) => ({
      ...formatSensitivity(entry),
      label: parameterLabel(entry.parameter, { services, outcomes, unitCosts: labels.unitCosts }),
    }));
  }

  async render(document: HashedDocument, format: DocumentFormat): Promise<RenderedDocument> {
    if (format === 'html')
      return {
        content: Buffer.from(renderHtml(document), 'utf8'),
        contentType: 'text/html; charset=utf-8',
        fileName: `${document.fileName}.html`,
        hash: document.hash,
      };
    return {
      content: await renderPdf(document, { compress: compressPdf() }),
      contentType: 'application/pdf',
      fileName: `${document.fileName}.pdf`,
      hash: document.hash,
    };
  }
}
