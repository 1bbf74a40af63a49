import { Inject, Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '../../platform/database/tenant-db';
import { APP_CONFIG } from '../../platform/config/config.module';
import { AppConfig } from '../../platform/config/app-config';
import { EntityManager } from 'typeorm';
import { CatalogueRepository, OrgUnitRow } from '../../catalogue/catalogue.repository';
import { unitIdsWithRole } from '../../tenancy/unit-scope';
import { rolesOf } from '../../tenancy/role-assignments';
import { FIGURE_WRITER_ROLES } from '../figure.entity';
import { validateRowsInSlices } from '../parsing/validate-rows';
import { LoopSlicer, mapInSlices } from '../../platform/event-loop/loop-slicer';
import { cellText, withoutNul } from '../parsing/validate-row';
import type { FigureField, FileError, RawRow } from '../parsing/figure-file.types';
import type { NormalisedRow, RowError } from '../parsing/row-validation.types';
import type { ResolvedFigure } from '../figure.repository';
import { FigureStatistics } from '../figure-statistics';
import { FigureWriter } from '../figure-writer';
import { PeriodStatusRepository } from '../period-status.repository';
import { SubmissionRepository, ClaimedSubmission } from '../submission.repository';
import type { SubmissionFlag, SubmissionPreview, SubmissionRowError } from '../submission.entity';
import type { FigureChanges } from '../figure-changes';
import { RecomputeRequests } from '../../platform/queue/recompute-requests';
import { outlierFlag } from '../quality/outlier-flag';
import { IngestionCatalogue, toIngestionCatalogue } from './figure-catalogue';
import { readSubmissionRows } from './submission-payload';

export type IngestionOutcome = 'missing' | 'finished' | 'rejected' | 'applied' | 'previewed';

/** A submission whose processing crashed this many times is rejected rather than retried forever. */
export const MAX_ATTEMPTS = 10;
/** Errors kept on a rejected submission; beyond, one last entry says how many more there were. */
export const MAX_STORED_ERRORS = 1000;

const fileErrorAsRow = (error: FileError): SubmissionRowError => ({
  line: error.line ?? 1,
  column: null,
  value: null,
  message: error.message,
  code: `file:${error.code}`,
});
const rowErrorAsRow = (e: RowError): SubmissionRowError => ({
  line: e.line,
  column: e.column,
  value: e.value,
  message: e.message,
  code: e.code,
  ...(e.sheet === undefined ? {} : { sheet: e.sheet }),
});
/** An error as stored in jsonb, which refuses U+0000 wherever a file put it (a header, a message quoting a cell). */
const storable = (e: SubmissionRowError): SubmissionRowError => ({
  ...e,
  column: e.column === null ? null : withoutNul(e.column),
  value: e.value === null ? null : withoutNul(e.value),
  message: withoutNul(e.message),
});

type ApplyResult = { kind: 'finished' } | { kind: 'approved'; errors: SubmissionRowError[] } | { kind: 'applied'; periods: string[] } | { kind: 'previewed' };

/**
 * The worker's side of a submission (docs/product-rules.md#ingestion): claim it, read and validate every row against the tenant's catalogue,
 * then either reject it with every row error, or apply every row in ONE transaction that first locks the submission
 * row and re-checks its status, so a duplicated or concurrent job can never apply it twice.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly submissions: SubmissionRepository,
    private readonly writer: FigureWriter,
    private readonly statistics: FigureStatistics,
    private readonly periods: PeriodStatusRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly recompute: RecomputeRequests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(submissionId: string, onProgress: (share: number) => Promise<void> = async () => undefined): Promise<IngestionOutcome> {
    const organisationId = await this.submissions.organisationOf(submissionId);
    if (organisationId === null) return 'missing';
    const claimed = await this.tenantDb.run(organisationId, (em) => this.submissions.claim(em, submissionId));
    if (claimed === null) return 'finished';
    const outcome =
      claimed.attempts > MAX_ATTEMPTS
        ? await this.rejectAfterFailures(organisationId, submissionId)
        : await this.validateAndApply(organisationId, claimed, onProgress);
    // the last submission of a burst to settle, applied or not, lets the recomputes its burst deferred run now
    if (!(await this.importsInFlight(organisationId))) await this.recompute.releaseDeferred(organisationId);
    return outcome;
  }

  private rejectAfterFailures(organisationId: string, submissionId: string): Promise<IngestionOutcome> {
    this.logger.error(`Soumission ${submissionId} rejetée après ${MAX_ATTEMPTS} échecs de traitement (causes journalisées à chaque échec).`);
    const message = `Le traitement de cette soumission a échoué ${MAX_ATTEMPTS} fois : signalez-la au support avec son identifiant ${submissionId}.`;
    return this.reject(organisationId, submissionId, 0, [{ line: 1, column: null, value: null, message, code: 'internal' }], false);
  }

  /**
   * After an import committed: recompute its periods now, or, while other submissions of the organisation are still
   * waiting or being applied, once the last of them settles (RecomputeRequests.periodsChangedDuringImports; released in
   * process()). Both checks run after this submission's commit, so whichever submission settles last sees none in flight.
   */
  private async recomputeAfterImport(organisationId: string, periods: string[]): Promise<void> {
    if (await this.importsInFlight(organisationId)) await this.recompute.periodsChangedDuringImports(organisationId, periods);
    else await this.recompute.periodsChanged(organisationId, periods);
  }

  /** The planner's statistics of the written partitions, when the import made them stale; a failure is only logged. */
  private async refreshStatistics(periods: string[]): Promise<void> {
    try {
      await this.statistics.refreshAfterWrite(periods);
    } catch (err) {
      this.logger.error(`Statistiques des chiffres non recalculées après un import : ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Submissions of the organisation still in flight; false when that cannot be read (the recompute then runs at once). */
  private async importsInFlight(organisationId: string): Promise<boolean> {
    try {
      return await this.tenantDb.run(organisationId, (em) => this.submissions.inFlight(em, organisationId));
    } catch (err) {
      this.logger.error(`Soumissions en cours de ${organisationId} illisibles, recalcul sans attendre : ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  private async validateAndApply(organisationId: string, claimed: ClaimedSubmission, onProgress: (share: number) => Promise<void>): Promise<IngestionOutcome> {
    const read = await readSubmissionRows(claimed, {
      maxUncompressedBytes: this.config.xlsxMaxUncompressedBytes,
      maxCells: this.config.importMaxCells,
    });
    if (!read.ok) return this.reject(organisationId, claimed.id, 0, [fileErrorAsRow(read.error)], claimed.dryRun);
    const { rows, headers } = read;
    if (rows.length > this.config.importMaxRows) {
      const message = `Le fichier compte ${rows.length} lignes, au-delà de la limite de ${this.config.importMaxRows} : découpez-le en plusieurs fichiers.`;
      return this.reject(
        organisationId,
        claimed.id,
        rows.length,
        [{ line: 1, column: null, value: null, message, code: 'file:too_many_rows' }],
        claimed.dryRun,
      );
    }
    await this.tenantDb.run(organisationId, (em) => this.submissions.setProgress(em, claimed.id, rows.length, 0));

    const catalogue = await this.tenantDb.run(organisationId, async (em) => {
      const rows = await this.catalogue.catalogue(em, organisationId);
      return toIngestionCatalogue(rows, await this.writeScope(em, organisationId, claimed.createdBy, rows.orgUnits));
    });
    // a large file is validated, resolved and planned in slices of about 20 ms: the worker's lock renewals and scheduled
    // jobs run in between (issue 15, finding 7; test/faults/xlsx-import-locks.faults-spec.ts)
    const slicer = new LoopSlicer();
    const validated = await validateRowsInSlices({ rows, catalogue: catalogue.catalogue, headers }, slicer);
    if (!validated.ok) return this.reject(organisationId, claimed.id, rows.length, validated.errors.map(rowErrorAsRow), claimed.dryRun);
    const resolved = await mapInSlices(validated.rows, (row) => resolve(row, catalogue), slicer);
    const lines = validated.rows.map((row) => row.line);
    await this.tenantDb.run(organisationId, (em) => this.submissions.setProgress(em, claimed.id, rows.length, rows.length));

    const outcome = await this.apply(organisationId, claimed, resolved, lines, rows, headers, catalogue, onProgress, slicer);
    switch (outcome.kind) {
      case 'finished':
        return 'finished';
      case 'previewed':
        return 'previewed';
      case 'approved':
        return this.reject(organisationId, claimed.id, rows.length, outcome.errors, claimed.dryRun);
      case 'applied':
        await this.refreshStatistics(outcome.periods);
        await this.recomputeAfterImport(organisationId, outcome.periods);
        return 'applied';
    }
  }

  /**
   * The units the submitter may write, from their roles as they are now (docs/product-rules.md#access-and-security: finance or admin over a subtree);
   * `undefined` when that is every unit, or for a submission without a user.
   */
  private async writeScope(em: EntityManager, organisationId: string, userId: string | null, units: readonly OrgUnitRow[]): Promise<Set<string> | undefined> {
    if (userId === null) return undefined;
    const scope = unitIdsWithRole({ roles: await rolesOf(em, organisationId, userId) }, units, FIGURE_WRITER_ROLES);
    return scope.size === units.length ? undefined : scope;
  }

  private apply(
    organisationId: string,
    claimed: ClaimedSubmission,
    resolved: ResolvedFigure[],
    lines: number[],
    rawRows: readonly RawRow[],
    headers: Partial<Record<FigureField, string>>,
    catalogue: IngestionCatalogue,
    onProgress: (share: number) => Promise<void>,
    slicer: LoopSlicer,
  ): Promise<ApplyResult> {
    return this.tenantDb.run(organisationId, async (em): Promise<ApplyResult> => {
      const status = await this.submissions.lock(em, claimed.id);
      if (status !== 'received' && status !== 'validating') return { kind: 'finished' };
      // every figure of the submission at once, in order: concurrent writers of the same figures wait, batches never deadlock
      await this.writer.lockFigures(em, organisationId, resolved);
      const approved = await this.periods.approved(em, organisationId, resolved, true);
      if (approved.size > 0) return { kind: 'approved', errors: approvedErrors(resolved, lines, rawRows, headers, approved) };

      const stored = await this.writer.storedSeries(em, organisationId, resolved);
      const flags = (await mapInSlices(resolved, (row, i) => outlierFlag(row, lines[i], stored.history(row), catalogue.catalogue), slicer)).filter(
        (flag): flag is SubmissionFlag => flag !== null,
      );
      const changes = await this.writer.planInSlices(resolved, stored, slicer);
      // A dry run stops here, as does an apply whose preview changed nothing stored but that now would (values changed
      // meanwhile) without the user's confirmation: the preview is refreshed, nothing is written.
      const unconfirmed = claimed.previewedAt !== null && !claimed.confirmOverwrite && changes.updates.length > 0;
      if (claimed.dryRun || unconfirmed) {
        await this.submissions.finishPreviewed(em, claimed.id, resolved.length, previewOf(changes, flags, catalogue));
        this.logger.log(`Soumission ${claimed.id} : aperçu de ${resolved.length} lignes, ${changes.updates.length} valeur(s) modifiée(s).`);
        return { kind: 'previewed' };
      }
      const ctx = { submissionId: claimed.id, actorId: claimed.createdBy, source: claimed.source };
      const toWrite = changes.inserts.length + changes.updates.length;
      const { periods } = await this.writer.write(em, organisationId, ctx, changes, (written) => onProgress(written / toWrite));
      await this.submissions.finishApplied(em, claimed.id, resolved.length, flags);
      this.logger.log(`Soumission ${claimed.id} appliquée : ${resolved.length} lignes, ${flags.length} signalement(s).`);
      return { kind: 'applied', periods };
    });
  }

  private async reject(
    organisationId: string,
    submissionId: string,
    rowCount: number,
    found: SubmissionRowError[],
    dryRun: boolean,
  ): Promise<IngestionOutcome> {
    const all = found.map(storable);
    const errors =
      all.length <= MAX_STORED_ERRORS
        ? all
        : [
            ...all.slice(0, MAX_STORED_ERRORS),
            {
              line: all[MAX_STORED_ERRORS].line,
              column: null,
              value: null,
              message: `… et ${all.length - MAX_STORED_ERRORS} autres erreurs : corrigez d’abord celles-ci, puis renvoyez le fichier.`,
              code: 'truncated',
            },
          ];
    return this.tenantDb.run(organisationId, async (em) => {
      const status = await this.submissions.lock(em, submissionId);
      if (status !== 'received' && status !== 'validating') return 'finished';
      if (dryRun) {
        await this.submissions.finishPreviewed(em, submissionId, rowCount, { created: 0, changed: [], unchanged: 0, flagged: [], errors });
        return 'previewed';
      }
      await this.submissions.finishRejected(em, submissionId, rowCount, errors);
      this.logger.log(`Soumission ${submissionId} refusée : ${all.length} erreur(s), la première ligne ${all[0]?.line ?? '?'} (${all[0]?.code ?? '?'}).`);
      return 'rejected';
    });
  }
}

/** What applying would do, in words: labels of units, services and indicators, values before and after. */
const previewOf = (changes: FigureChanges, flags: SubmissionFlag[], catalogue: IngestionCatalogue): SubmissionPreview => {
  const { orgUnits, services, metrics } = catalogue.catalogue;
  return {
    created: changes.inserts.length,
    changed: changes.updates.map(({ row, before }) => ({
      figureId: before.id,
      orgUnit: orgUnits.get(row.orgUnit)?.label ?? row.orgUnit,
      service: services.get(row.service)?.label ?? row.service,
      metric: metrics.get(row.metric)?.label ?? row.metric,
      unit: metrics.get(row.metric)?.unit ?? '',
      period: row.period,
      old: before.value,
      new: row.value,
    })),
    unchanged: changes.unchanged,
    flagged: flags,
    errors: [],
  };
};

const resolve = (row: NormalisedRow, catalogue: IngestionCatalogue): ResolvedFigure => ({
  orgUnitId: catalogue.orgUnitIds.get(row.orgUnit)!,
  serviceId: catalogue.serviceIds.get(row.service)!,
  metricId: catalogue.metricIds.get(row.metric)!,
  orgUnit: row.orgUnit,
  service: row.service,
  metric: row.metric,
  period: row.period,
  value: row.value,
  comment: row.comment ?? null,
});

const approvedErrors = (
  resolved: readonly ResolvedFigure[],
  lines: readonly number[],
  rawRows: readonly RawRow[],
  headers: Partial<Record<FigureField, string>>,
  approved: ReadonlySet<string>,
): SubmissionRowError[] => {
  const rawByLine = new Map(rawRows.map((r) => [r.line, r]));
  return resolved.flatMap((row, i) =>
    approved.has(`${row.orgUnitId}|${row.period}`)
      ? [
          {
            line: lines[i],
            column: headers.period ?? 'period',
            value: cellText(rawByLine.get(lines[i])?.cells.period),
            message: `Période approuvée : ${row.period} est approuvée pour ${row.orgUnit} ; rouvrez-la avec un motif avant de corriger ce chiffre.`,
            code: 'period_approved',
          },
        ]
      : [],
  );
};
