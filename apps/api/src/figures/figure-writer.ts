import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { ApplyContext, ResolvedFigure } from './figure.repository';
import { FigureChanges, planChanges, planChangesInSlices, StoredFigure, StoredSeries } from './figure-changes';
import type { LoopSlicer } from '../platform/event-loop/loop-slicer';
import { figurePartitionName, FigurePartitionCache } from './figure-partitions';
import { FigureLockKey, figureLocks } from './figure-locks';

/** The stored figures of some series of an organisation ($1; $2…$4: unit, service and metric ids). */
export const STORED_SERIES_SQL = `SELECT id, org_unit_id AS "orgUnitId", service_id AS "serviceId", metric_id AS "metricId", period, value, status, comment
  FROM levier_stored_series($1, $2::uuid[], $3::uuid[], $4::uuid[])`;

/** Rows per write statement: large enough to amortise round trips and plan time, small enough for steady progress. */
export const WRITE_CHUNK = 5000;
/** Series per read statement. */
const READ_CHUNK = 5000;

/**
 * The audit row's `after` of a written figure, `comment` being the SQL of the comment it ends with. Null members are
 * left out (jsonb_strip_nulls: an absent `comment` reads as null with `->>`), as in the `before` of a change: one row
 * per imported figure, so every byte counts (bench, bytesPerFigure).
 */
const auditAfter = (
  comment: string,
): string => `jsonb_strip_nulls(jsonb_build_object('value', t.value::text, 'status', 'draft', 'comment', ${comment}, 'source', $12::text,
                                       'orgUnit', t.org_unit_code, 'service', t.service_code, 'metric', t.metric_code, 'period', t.period))`;

/**
 * The one write path of figures (imports, grid, API, single edits): lock the figures' keys, read what is stored,
 * plan creations and changes in memory, then write each chunk of figures and its audit rows in one statement. Audit
 * rows carry the value before (read under the lock) and after; figures whose value did not change are not touched.
 * Set-based and free of per-row lookups: an insert is a plain multi-row INSERT into its year's partition with ids
 * chosen here (references checked and coverage added once per write, checkKeys() and cover()), an update a join
 * on the primary key (id, period), which names the figure's yearly partition. The partitions of the years written are
 * made sure of before the first insert (`figure` has no default partition: a year without one would be refused).
 */
@Injectable()
export class FigureWriter {
  private readonly partitions: FigurePartitionCache;

  constructor(dataSource: DataSource) {
    this.partitions = new FigurePartitionCache(dataSource);
  }

  /**
   * Serialises the writers of the same figures until the end of the transaction (figureLocks: whole (unit, period)s,
   * or, for a unit the write holds only part of, its series or figures), taken in one order, so imports of different
   * units, and consecutive files of one export, proceed side by side. Without it, two transactions writing the same
   * figure at once each read the value "before" from their own snapshot, and the audit chain broke.
   */
  async lockFigures(em: EntityManager, organisationId: string, rows: readonly FigureLockKey[]): Promise<void> {
    const locks = figureLocks(rows);
    if (locks.length === 0) return;
    await em.query(
      `SELECT count(CASE WHEN t.shared THEN pg_advisory_xact_lock_shared(hashtextextended($1 || '|' || t.key, 0))
                         ELSE pg_advisory_xact_lock(hashtextextended($1 || '|' || t.key, 0)) END)::int
         FROM unnest($2::text[], $3::boolean[]) AS t(key, shared)`,
      [organisationId, locks.map((l) => l.key), locks.map((l) => l.shared)],
    );
  }

  /** Every stored figure of the rows' series (org unit, service, metric), all periods: current values and histories. */
  async storedSeries(em: EntityManager, organisationId: string, rows: readonly ResolvedFigure[]): Promise<StoredSeries> {
    const series = new Map<string, ResolvedFigure>();
    for (const row of rows) series.set(`${row.orgUnitId}|${row.serviceId}|${row.metricId}`, row);
    const keys = [...series.values()];
    const stored: StoredFigure[] = [];
    for (let start = 0; start < keys.length; start += READ_CHUNK) {
      const chunk = keys.slice(start, start + READ_CHUNK);
      // levier_stored_series (migration 1795900000002): each series an index probe of the natural key, whatever the
      // statistics say of the organisation's share of figure
      const found = (await em.query(STORED_SERIES_SQL, [
        organisationId,
        chunk.map((r) => r.orgUnitId),
        chunk.map((r) => r.serviceId),
        chunk.map((r) => r.metricId),
      ])) as StoredFigure[];
      for (const figure of found) stored.push(figure);
    }
    return new StoredSeries(stored);
  }

  /** New figures get UUIDv7 ids: time-ordered, so a bulk insert appends to the primary key and audit indexes. */
  plan(rows: readonly ResolvedFigure[], stored: StoredSeries): FigureChanges {
    return planChanges(rows, stored, () => uuidv7());
  }

  /** plan() for a large import, handing the event loop back between slices of rows. */
  planInSlices(rows: readonly ResolvedFigure[], stored: StoredSeries, slicer: LoopSlicer): Promise<FigureChanges> {
    return planChangesInSlices(rows, stored, () => uuidv7(), slicer);
  }

  /**
   * Writes planned changes, chunk by chunk, calling `onChunk` with the rows written so far. Returns how many figures
   * changed and their periods.
   */
  async write(
    em: EntityManager,
    organisationId: string,
    ctx: ApplyContext,
    changes: FigureChanges,
    onChunk: (written: number) => Promise<void> = async () => undefined,
  ): Promise<{ changed: number; periods: string[] }> {
    const periods = new Set<string>();
    let written = 0;
    await this.checkKeys(em, organisationId, changes.inserts);
    await this.partitions.ensure(
      em,
      changes.inserts.map(({ row }) => row.period),
    );
    for (const [year, inserts] of insertsByYear(changes.inserts)) {
      for (let start = 0; start < inserts.length; start += WRITE_CHUNK) {
        const chunk = inserts.slice(start, start + WRITE_CHUNK);
        await this.insertChunk(em, organisationId, ctx, year, chunk);
        for (const { row } of chunk) periods.add(row.period);
        written += chunk.length;
        await onChunk(written);
      }
    }
    for (let start = 0; start < changes.updates.length; start += WRITE_CHUNK) {
      const chunk = changes.updates.slice(start, start + WRITE_CHUNK);
      await this.updateChunk(em, organisationId, ctx, chunk);
      for (const { row } of chunk) periods.add(row.period);
      written += chunk.length;
      await onChunk(written);
    }
    await this.cover(em, organisationId, changes.inserts);
    return { changed: written, periods: [...periods] };
  }

  /**
   * The references of the figures to create, checked and locked once for the whole write (migration 1795900000000):
   * their organisation, units, services and metrics exist, belong to the organisation, and are locked `FOR KEY SHARE`
   * until commit, as the statement trigger does for any other insert into `figure`. A failure is the same
   * `foreign_key_violation`.
   */
  private async checkKeys(em: EntityManager, organisationId: string, inserts: FigureChanges['inserts']): Promise<void> {
    if (inserts.length === 0) return;
    const units = new Set<string>();
    const services = new Set<string>();
    const metrics = new Set<string>();
    for (const { row } of inserts) {
      units.add(row.orgUnitId);
      services.add(row.serviceId);
      metrics.add(row.metricId);
    }
    await em.query(`SELECT levier_figure_check_keys($1, $2::uuid[], $3::uuid[], $4::uuid[])`, [organisationId, [...units], [...services], [...metrics]]);
  }

  /**
   * Adds the (unit, service, period) of the created figures to `figure_coverage`, as the statement trigger does for any
   * other insert into `figure`, in one statement for the whole write, in key order, at its end. Two writes sharing keys
   * (consecutive files of one export cut inside a unit) meet only there: the second waits for the first's commit, after
   * having written all its figures, and as each takes its keys in one order in one statement, never in a cycle. Added
   * chunk by chunk, in year order, two such writes deadlocked (measured: ten times per import of M).
   */
  private async cover(em: EntityManager, organisationId: string, inserts: FigureChanges['inserts']): Promise<void> {
    if (inserts.length === 0) return;
    // unit → service → periods: no key string built per figure (2.88 M of them at M)
    const keys = new Map<string, Map<string, Set<string>>>();
    const covered: { unit: string[]; service: string[]; period: string[] } = { unit: [], service: [], period: [] };
    for (const { row } of inserts) {
      let services = keys.get(row.orgUnitId);
      if (!services) keys.set(row.orgUnitId, (services = new Map()));
      let periods = services.get(row.serviceId);
      if (!periods) services.set(row.serviceId, (periods = new Set()));
      if (periods.has(row.period)) continue;
      periods.add(row.period);
      covered.unit.push(row.orgUnitId);
      covered.service.push(row.serviceId);
      covered.period.push(row.period);
    }
    await em.query(
      `INSERT INTO figure_coverage (organisation_id, org_unit_id, service_id, period)
       SELECT $1, c.org_unit_id, c.service_id, c.period FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS c(org_unit_id, service_id, period)
        ORDER BY 2, 3, 4
       ON CONFLICT DO NOTHING`,
      [organisationId, covered.unit, covered.service, covered.period],
    );
  }

  /**
   * Creations are audited by one `figure_batch` row per chunk instead of one row per figure (bench, bytesPerFigure: the
   * audit was ≈ 400 bytes per imported figure). The row stores only what the figures themselves do not: `after.figures`
   * lists `[id, value]` (and the comment when there is one) in write order, a jsonb array PostgreSQL compresses (TOAST);
   * `before` carries the chunk's id range (`entity_id` = first id, `last`), its size (`count`) and the submission's
   * source, small and never toasted, so a figure's creation is found through the partial index
   * `audit_log_figure_batch` (history) and the audit list counts entries without opening the arrays. The figure's key
   * (unit, service, metric, period) is its own and never changes, its status after a write is always `draft`: the
   * readers (history, audit list, see audit/figure-audit.ts) take them from the figure.
   *
   * The figures go straight into their year's partition, whose INSERT fires no statement trigger: checkKeys() has
   * checked their references and cover() adds their coverage.
   */
  private async insertChunk(em: EntityManager, organisationId: string, ctx: ApplyContext, year: number, chunk: FigureChanges['inserts']): Promise<void> {
    const rows = chunk.map((c) => c.row);
    const ids = chunk.map((c) => c.id);
    let first = ids[0];
    let last = ids[0];
    for (const id of ids) {
      if (id < first) first = id;
      if (id > last) last = id;
    }
    await em.query(
      `WITH t AS MATERIALIZED (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::numeric[], $8::varchar[]) WITH ORDINALITY
           AS t(id, org_unit_id, service_id, metric_id, period, value, comment, ord)
       ),
       ins AS (
         INSERT INTO ${figurePartitionName(year)} (id, organisation_id, org_unit_id, service_id, metric_id, period, value, status, source, comment, submission_id, updated_by, updated_at)
         SELECT t.id, $1, t.org_unit_id, t.service_id, t.metric_id, t.period, t.value, 'draft', $9, t.comment, $10, $11, now() FROM t
       )
       INSERT INTO audit_log (organisation_id, actor_id, action, entity, entity_id, before, after, reason, submission_id)
       SELECT $1, $11, 'figure.upsert', 'figure_batch', $13::text, jsonb_build_object('last', $14::text, 'count', count(*), 'source', $9::text),
              jsonb_build_object('figures', jsonb_agg(CASE WHEN t.comment IS NULL THEN jsonb_build_array(t.id, t.value::text)
                                                           ELSE jsonb_build_array(t.id, t.value::text, t.comment) END ORDER BY t.ord)),
              $12, $10
         FROM t`,
      [
        organisationId,
        ids,
        rows.map((r) => r.orgUnitId),
        rows.map((r) => r.serviceId),
        rows.map((r) => r.metricId),
        rows.map((r) => r.period),
        rows.map((r) => r.value),
        rows.map((r) => r.comment),
        ctx.source,
        ctx.submissionId,
        ctx.actorId,
        ctx.reason ?? null,
        first,
        last,
      ],
    );
  }

  /**
   * The join on (id, period) finds each figure in its year's primary key; `f.period = ANY($6)` (the chunk's periods)
   * lets the planner drop the other years whatever join it chooses (a hash join over thousands of rows prunes too).
   */
  private async updateChunk(em: EntityManager, organisationId: string, ctx: ApplyContext, chunk: FigureChanges['updates']): Promise<void> {
    const rows = chunk.map((c) => c.row);
    const updated = (await em.query(
      `WITH t AS MATERIALIZED (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::varchar[], $7::numeric[], $8::varchar[], $9::text[], $10::text[], $11::text[],
                              $16::text[], $17::text[], $18::text[])
           AS t(id, org_unit_id, service_id, metric_id, period, value, comment, org_unit_code, service_code, metric_code, old_value, old_status, old_comment)
       ),
       upd AS (
         UPDATE figure f SET value = t.value, status = 'draft', source = $12, comment = COALESCE(t.comment, f.comment),
                             submission_id = $13, updated_by = $14, updated_at = now()
           FROM t WHERE f.id = t.id AND f.period = t.period AND f.period = ANY($6::varchar[]) AND f.organisation_id = $1
         RETURNING f.id
       ),
       audit AS (
         INSERT INTO audit_log (organisation_id, actor_id, action, entity, entity_id, before, after, reason, submission_id)
         SELECT $1, $14, 'figure.upsert', 'figure', t.id::text, jsonb_strip_nulls(jsonb_build_object('value', t.old_value, 'status', t.old_status, 'comment', t.old_comment)),
                ${auditAfter('COALESCE(t.comment, t.old_comment)')}, $15, $13
           FROM t JOIN upd ON upd.id = t.id
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM audit`,
      [
        organisationId,
        chunk.map((c) => c.before.id),
        ...keyColumns(rows),
        ctx.source,
        ctx.submissionId,
        ctx.actorId,
        ctx.reason ?? null,
        chunk.map((c) => c.before.value),
        chunk.map((c) => c.before.status),
        chunk.map((c) => c.before.comment),
      ],
    )) as { n: number }[];
    if (updated[0].n !== chunk.length)
      throw new Error(`Mise à jour incomplète : ${updated[0].n} chiffres sur ${chunk.length} (chiffre disparu pendant l’écriture).`);
  }
}

/** The figures to create grouped by the year of their period (its partition), years in order, figures in theirs. */
const insertsByYear = (inserts: FigureChanges['inserts']): Map<number, FigureChanges['inserts']> => {
  const years = new Map<number, FigureChanges['inserts']>();
  for (const insert of inserts) {
    const year = Number(insert.row.period.slice(0, 4));
    if (!Number.isInteger(year)) throw new Error(`Période sans année : « ${insert.row.period} ».`);
    const list = years.get(year);
    if (list) list.push(insert);
    else years.set(year, [insert]);
  }
  return new Map([...years].sort(([a], [b]) => a - b));
};

/** The columns $3…$11 of both write statements. */
const keyColumns = (rows: readonly ResolvedFigure[]): unknown[] => [
  rows.map((r) => r.orgUnitId),
  rows.map((r) => r.serviceId),
  rows.map((r) => r.metricId),
  rows.map((r) => r.period),
  rows.map((r) => r.value),
  rows.map((r) => r.comment),
  rows.map((r) => r.orgUnit),
  rows.map((r) => r.service),
  rows.map((r) => r.metric),
];
