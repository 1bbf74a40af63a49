import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Workbook } from 'exceljs';
import { TestingModule } from '@nestjs/testing';
import { parseFigureFile } from '../../apps/api/src/figures/parsing/parse-figure-file';
import { startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { FaultsApi, HttpResult, problemIssue } from './support/http';
import { figureSnapshot, lastAuditId, waitFinished } from './support/ledger';
import { FILE_TIMEOUT_MS, FUZZ_SEED, scale } from './support/mode';
import { SummaryRecorder } from './support/summary';
import { sheetXmlOf, xlsxWithSheet } from './support/zip';

jest.setTimeout(FILE_TIMEOUT_MS);

const PARSE_RUNS = scale(150, 3000);
const PIPELINE_RUNS = scale(40, 300);

const CODES = {
  unit: ['VALMONT-NORD', 'valmont-sud', 'VALMONT', 'BELLERIVE-CENTRE', 'INCONNU'],
  service: ['SAAD', 'PORTAGE_REPAS', 'aed', 'LOGEMENT_DABORD', 'XXX'],
  metric: ['spend', 'meals', 'hours', 'beneficiaries', 'observed.placement_evite', 'inconnu'],
};
const HEADERS = [
  ['unite', 'service', 'indicateur', 'periode', 'valeur', 'commentaire'],
  ['Unité', 'Service', 'Indicateur', 'Période', 'Valeur'],
  ['org_unit', 'service', 'metric', 'period', 'value', 'comment'],
  ['UNITE', 'SERVICE', 'METRIC', 'PERIODE'],
  ['a', 'b', 'c'],
];
const hostileCell = fc.oneof(
  fc.constantFrom(
    '=CMD()',
    '=cmd|"/c calc"!A1',
    '+SUM(1;2)',
    '-2+3',
    '@A1',
    '=HYPERLINK("http://x")',
    '"',
    '""',
    '"a;b"',
    'a\nb',
    '\t',
    '\u0000',
    '\ufeff',
    '€',
    '1 234,56 €',
    '12,5 %',
    '1.234,56',
    '49,870.10',
    '1e400',
    '-0',
    'NaN',
  ),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(200_000)),
);
const period = fc.oneof(
  fc.constantFrom('2019-03', '03/2019', 'mars 2019', 'févr. 2019', '2019-T1', '2019-Q5', '2019', '2019-13', '1899-01', '2101-01', ''),
  fc.string({ maxLength: 10 }),
);
const value = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.constantFrom('1 234,56', '12,5', '-3', 'abc', '', '1.5', '99999999999999999999999999'),
  hostileCell,
);
const row = fc.tuple(
  fc.constantFrom(...CODES.unit),
  fc.constantFrom(...CODES.service),
  fc.constantFrom(...CODES.metric),
  period,
  value,
  fc.option(hostileCell),
);

interface Table {
  header: string[];
  rows: (string | null)[][];
}
const table: fc.Arbitrary<Table> = fc.record({
  header: fc.constantFrom(...HEADERS),
  rows: fc.array(
    row.map((r) => [...r]),
    { minLength: 0, maxLength: 12 },
  ),
});

const csvBytes: fc.Arbitrary<Buffer> = fc
  .tuple(
    table,
    fc.constantFrom(';', ',', '\t', '|'),
    fc.constantFrom('utf8', 'utf8bom', 'win1252', 'utf16le'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([t, delimiter, encoding, eol, quoteAll]) => {
    const q = (c: string | null): string =>
      c === null ? '' : quoteAll || c.includes(delimiter) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c;
    const text = [t.header, ...t.rows].map((r) => r.map(q).join(delimiter)).join(eol);
    if (encoding === 'win1252') return iconv.encode(text, 'win1252');
    if (encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    return Buffer.concat([encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  });

const xlsxBytes: fc.Arbitrary<Promise<Buffer>> = fc.tuple(table, fc.boolean(), fc.nat()).map(async ([t, title, salt]) => {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Saisie');
  if (title) ws.addRow(['Saisie des chiffres — CCAS']);
  ws.addRow(t.header);
  for (const r of t.rows) {
    ws.addRow(
      r.map((c, i) =>
        c === null
          ? null
          : i === 4 && /^-?\d+$/.test(c)
            ? Number(c)
            : c.startsWith('=')
              ? { formula: c.slice(1), result: salt % 2 ? 12 : '#N/A' }
              : i === 3 && salt % 3 === 0
                ? new Date(Date.UTC(2019, salt % 12, 1))
                : c,
      ),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
});

/** A real file damaged: truncated, bytes flipped, or binary noise. */
const damaged = (bytes: fc.Arbitrary<Buffer>): fc.Arbitrary<Buffer> =>
  fc.tuple(bytes, fc.nat(), fc.nat({ max: 255 }), fc.constantFrom('truncate', 'flip', 'prefix')).map(([b, at, byte, how]) => {
    if (b.length === 0) return b;
    const i = at % b.length;
    if (how === 'truncate') return b.subarray(0, i);
    const copy = Buffer.from(b);
    if (how === 'flip') copy[i] = byte;
    return how === 'prefix' ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), copy]) : copy;
  });

const anyFile: fc.Arbitrary<Promise<{ bytes: Buffer; name: string; mime: string }>> = fc.oneof(
  csvBytes.map(async (bytes) => ({ bytes, name: 'saisie.csv', mime: 'text/csv' })),
  xlsxBytes.map(async (p) => ({ bytes: await p, name: 'saisie.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
  damaged(csvBytes).map(async (bytes) => ({ bytes, name: 'abime.csv', mime: 'text/csv' })),
  fc.uint8Array({ minLength: 1, maxLength: 4000 }).map(async (u) => ({ bytes: Buffer.from(u), name: 'bruit.bin', mime: 'application/octet-stream' })),
  fc
    .uint8Array({ minLength: 1, maxLength: 2000 })
    .map(async (u) => ({ bytes: Buffer.from(u), name: 'faux.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })),
);

describe('fuzzing CSV and XLSX files, from the parser to the applied or rejected submission', () => {
  const summary = new SummaryRecorder(__filename);
  let api: FaultsApi;
  let worker: TestingModule;

  beforeAll(async () => {
    api = await FaultsApi.start(summary);
    worker = await startTestWorker(api.api.db.url, api.api.queuePrefix);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (api) await wipeQueueKeys(api.api.queuePrefix);
    summary.flush();
  });

  it('parses any bytes without throwing: rows, or one file error in French', async () => {
    await fc.assert(
      fc.asyncProperty(anyFile, async (made) => {
        const file = await made;
        summary.add('inputsTried');
        const result = await parseFigureFile({ bytes: file.bytes, filename: file.name, mimeType: file.mime });
        if (!result.ok) expect(result.error.message).toMatch(/[a-zà-ÿ]{3,} .*[a-zà-ÿ]{3,}/i);
      }),
      { seed: FUZZ_SEED, numRuns: PARSE_RUNS, endOnFailure: true },
    );
  });

  it('answers every uploaded file with 202 or a French 4xx, and a rejected submission writes nothing', async () => {
    const ds = await api.api.db.dataSource();
    const finance = await api.login('finance@valmont.demo');
    const sinceAudit = await lastAuditId(ds);
    const issues: string[] = [];
    const accepted: string[] = [];
    await fc.assert(
      fc.asyncProperty(anyFile, fc.nat(), async (made, salt) => {
        const file = await made;
        const res: HttpResult = await api.submitFile(finance, file.bytes, file.name, file.mime, `fuzz-${salt}-${accepted.length}-${Math.random()}`);
        summary.add('inputsTried');
        if (res.status === 202) accepted.push((res.body as { id: string }).id);
        else if (res.status >= 500) issues.push(`${res.status} ${res.text.slice(0, 200)}`);
        else {
          const problem = problemIssue(res);
          if (problem) issues.push(problem);
        }
      }),
      { seed: FUZZ_SEED, numRuns: PIPELINE_RUNS, endOnFailure: true },
    );
    expect(issues).toEqual([]);
    summary.add('submissions', accepted.length);
    expect(await waitFinished(ds, accepted, 90_000)).toEqual([]);
    const outcome = (await ds.query(
      `SELECT s.id, s.status, s.errors, (SELECT count(*)::int FROM audit_log a WHERE a.submission_id = s.id AND a.id > $2) AS audits
         FROM submission s WHERE s.id = ANY($1::uuid[])`,
      [accepted, sinceAudit],
    )) as { id: string; status: string; errors: { line: number; message: string }[]; audits: number }[];
    const partial = outcome.filter((o) => o.status === 'rejected' && o.audits > 0);
    summary.add('partialWrites', partial.length);
    expect(partial).toEqual([]);
    const unexplained = outcome.filter(
      (o) => o.status === 'rejected' && (o.errors.length === 0 || o.errors.some((e) => !(e.line >= 1) || e.message.length < 10)),
    );
    expect(unexplained).toEqual([]);
    // the error report never echoes a formula that a spreadsheet would run when the report is exported
    summary.note(`${outcome.filter((o) => o.status === 'applied').length} appliquée(s), ${outcome.filter((o) => o.status === 'rejected').length} rejetée(s)`);
  });

  it('rejects an XLSX zip bomb-lite (a few kB that inflate to tens of MB) cleanly, without writing anything', async () => {
    const ds = await api.api.db.dataSource();
    const finance = await api.login('finance@valmont.demo');
    const before = await figureSnapshot(ds);
    const sinceAudit = await lastAuditId(ds);
    const bombs = [
      // whitespace: 40 MB of nothing inside the sheet
      xlsxWithSheet(sheetXmlOf([['unite', 'service', 'indicateur', 'periode', 'valeur']], scale(20, 150) * 1024 * 1024)),
      // many identical rows: far beyond any sensible import once inflated
      xlsxWithSheet(
        sheetXmlOf([
          ['unite', 'service', 'indicateur', 'periode', 'valeur'],
          ...Array.from({ length: scale(30_000, 250_000) }, () => ['VALMONT-NORD', 'SAAD', 'spend', '2019-01', 1]),
        ]),
      ),
    ];
    const ids: string[] = [];
    for (const bomb of bombs) {
      summary.add('inputsTried');
      const res = await api.submitFile(finance, bomb, 'bombe.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      if (res.status === 202) ids.push((res.body as { id: string }).id);
      else expect(problemIssue(res)).toBeNull();
      expect(res.status).toBeLessThan(500);
    }
    expect(await waitFinished(ds, ids, 120_000)).toEqual([]);
    const audits = (await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE id > $1`, [sinceAudit])) as { n: number }[];
    const statuses = (await ds.query(`SELECT status FROM submission WHERE id = ANY($1::uuid[])`, [ids])) as { status: string }[];
    // the repeated rows all target one figure: valid but absurd; either outcome is fine as long as it finished and wrote at most that one figure
    expect(statuses.every((s) => s.status === 'applied' || s.status === 'rejected')).toBe(true);
    expect(audits[0].n).toBeLessThanOrEqual(1);
    expect((await figureSnapshot(ds)).size - before.size).toBeLessThanOrEqual(1);
  });
});
