import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { figureAuditEntries } from '../../apps/api/src/audit/figure-audit';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import type { Role } from '../../apps/api/src/tenancy/role-assignment.entity';
import type { UploadedFigureFile } from '../../apps/api/src/figures/submissions.service';
import type { SubmitFiguresDto } from '../../apps/api/src/figures/dto/submit-figures.dto';

export const FIXTURES_DIR = path.resolve(__dirname, '../../../shared/fixtures');

export interface ExpectedFixture {
  rows?: { orgUnit: string; service: string; metric: string; period: string; value: string }[];
  rejected?: boolean;
  applied?: number;
  errors?: { line: number; column: string | null; value: string | null; reason: string }[];
}

export const expectedFixtures = (): Record<string, ExpectedFixture> =>
  JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'expected.json'), 'utf8')) as Record<string, ExpectedFixture>;

export const fixtureFile = (name: string, overrides: Partial<UploadedFigureFile> = {}): UploadedFigureFile => ({
  buffer: readFileSync(path.join(FIXTURES_DIR, name)),
  originalname: name,
  mimetype: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  ...overrides,
});

export const csvFile = (text: string, overrides: Partial<UploadedFigureFile> = {}): UploadedFigureFile => ({
  buffer: Buffer.from(text, 'utf8'),
  originalname: 'saisie.csv',
  mimetype: 'text/csv',
  ...overrides,
});

export const figuresBody = (
  figures: SubmitFiguresDto['figures'] = [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '51000.00' }],
  overrides: Partial<SubmitFiguresDto> = {},
): SubmitFiguresDto => ({ figures, ...overrides });

/** The AuthUser of a demo account, as the access-token guard would set it. */
export const authUserOf = async (ds: DataSource, email: string): Promise<AuthUser> => {
  const rows = (await ds.query(
    `SELECT u.id, u.email, u.organisation_id AS "organisationId", r.role, r.org_unit_id AS "orgUnitId"
       FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE u.email = $1`,
    [email],
  )) as { id: string; email: string; organisationId: string; role: Role; orgUnitId: string | null }[];
  if (rows.length === 0) throw new Error(`no demo user ${email}`);
  return { id: rows[0].id, email: rows[0].email, organisationId: rows[0].organisationId, roles: rows.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })) };
};

export interface SubmissionState {
  id: string;
  status: string;
  rowCount: number;
  appliedCount: number;
  errors: { line: number; column: string | null; value: string | null; message: string; code?: string }[];
  flags: { line: number; kind: string; message: string }[];
}

/** Polls the database (as the owner, no tenant context) until the submission is applied, rejected or previewed (a dry run). */
export const waitForSubmission = async (ds: DataSource, id: string, timeoutMs = 20_000): Promise<SubmissionState> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await ds.query(`SELECT id, status, row_count AS "rowCount", applied_count AS "appliedCount", errors, flags FROM submission WHERE id = $1`, [
      id,
    ])) as SubmissionState[];
    if (row && (row.status === 'applied' || row.status === 'rejected' || row.status === 'previewed')) return row;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${row?.status ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The current figures of an organisation, by key, as decimal strings. */
export const figuresByKey = async (ds: DataSource, organisationId: string): Promise<Map<string, string>> => {
  const rows = (await ds.query(
    `SELECT u.code || '|' || s.code || '|' || m.code || '|' || f.period AS key, f.value::text AS value
       FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
      WHERE f.organisation_id = $1`,
    [organisationId],
  )) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
};

/** Audit entries: one per change, a figure batch row counting for each figure it created (audit/figure-audit.ts). */
export const auditCount = async (ds: DataSource, where: string, params: unknown[]): Promise<number> =>
  Number(
    ((await ds.query(`SELECT count(*)::int AS n FROM (${figureAuditEntries({ organisation: null })}) audit_log WHERE ${where}`, params)) as { n: number }[])[0]
      .n,
  );
