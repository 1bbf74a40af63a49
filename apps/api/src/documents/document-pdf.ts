import PDFDocument from 'pdfkit';
import type { Block, HashedDocument, TableColumn } from './document-model';
import { documentWords, DocumentWords, stampEntries } from './document-words';

/**
 * The PDF rendering of a document: A4 portrait, the standard Helvetica of the report attachments
 * (`apps/api/src/reports/report-attachments.ts`), a footer on every page with the stamp, the content hash and
 * « page n / N », tables that break across pages with their header row repeated. Renders block by block and yields to
 * the event loop between blocks and every few table rows, so a long dossier never holds the API.
 */

const MARGIN = 48;
const FOOTER_HEIGHT = 54;
const COLOURS = { title: '#1f3a5f', text: '#222222', muted: '#555555', rule: '#999999', header: '#e8edf3', total: '#f3f3f3' };

/** Characters of WinAnsi (the standard PDF fonts' encoding) above U+00FF. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': ' ',
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
  '≈': '~',
  '−': '-',
  Σ: 'somme ',
  '⚠': '!',
  '✓': 'v',
  ʼ: '’',
};

/** Text the standard fonts can draw: known symbols spelt out, anything else outside WinAnsi as « ? ». */
export const pdfSafe = (text: string): string =>
  [...text].map((c) => (c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c) ? c : (REPLACEMENTS[c] ?? '?'))).join('');

export interface PdfOptions {
  /** Compress content streams (the default); tests read the text of uncompressed streams. */
  compress?: boolean;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Doc = InstanceType<typeof PDFDocument>;

const bottomLimit = (doc: Doc): number => doc.page.height - MARGIN - FOOTER_HEIGHT;

const ensureSpace = (doc: Doc, height: number): void => {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
};

const columnWidths = (columns: readonly TableColumn[], total: number): number[] => {
  const weights = columns.map((c) => c.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
};

const CELL_PAD = 3;

const rowHeight = (doc: Doc, cells: readonly string[], widths: readonly number[]): number =>
  Math.max(...cells.map((cell, i) => doc.heightOfString(pdfSafe(cell || ' '), { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;

const drawRow = (doc: Doc, cells: readonly string[], columns: readonly TableColumn[], widths: readonly number[], fill: string | null): void => {
  const top = doc.y;
  const height = rowHeight(doc, cells, widths);
  const left = doc.page.margins.left;
  const width = widths.reduce((a, b) => a + b, 0);
  if (fill) doc.save().rect(left, top, width, height).fill(fill).restore();
  let x = left;
  cells.forEach((cell, i) => {
    doc.fillColor(COLOURS.text).text(pdfSafe(cell), x + CELL_PAD, top + CELL_PAD, { width: widths[i] - 2 * CELL_PAD, align: columns[i]?.align ?? 'left' });
    x += widths[i];
  });
  doc
    .save()
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .lineWidth(0.4)
    .strokeColor(COLOURS.rule)
    .stroke()
    .restore();
  doc.x = left;
  doc.y = top + height;
};

const drawTable = async (doc: Doc, w: DocumentWords, block: Extract<Block, { kind: 'table' }>): Promise<void> => {
  const left = doc.page.margins.left;
  const widths = columnWidths(block.columns, doc.page.width - doc.page.margins.left - doc.page.margins.right);
  const header = block.columns.map((c) => c.label);
  doc.fontSize(8);
  const drawCaption = (suffix: string): void => {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(COLOURS.title)
      .text(pdfSafe(`${block.caption}${suffix}`), left, doc.y);
    doc.moveDown(0.2);
  };
  const drawHeader = (): void => {
    doc.font('Helvetica-Bold').fontSize(8);
    drawRow(doc, header, block.columns, widths, COLOURS.header);
    doc.font('Helvetica').fontSize(8);
  };
  doc.font('Helvetica-Bold').fontSize(8);
  const headerHeight = rowHeight(doc, header, widths);
  doc.font('Helvetica').fontSize(8);
  const firstRow = block.rows[0] ? rowHeight(doc, block.rows[0], widths) : 0;
  ensureSpace(doc, 16 + headerHeight + firstRow);
  drawCaption('');
  drawHeader();
  const rows = block.totalRow ? [...block.rows, block.totalRow] : block.rows;
  for (let i = 0; i < rows.length; i++) {
    const isTotal = block.totalRow !== undefined && i === rows.length - 1;
    doc.font(isTotal ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = rowHeight(doc, rows[i], widths);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawCaption(` ${w.continued}`);
      drawHeader();
      doc.font(isTotal ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    }
    drawRow(doc, rows[i], block.columns, widths, isTotal ? COLOURS.total : null);
    if (i % 40 === 39) await yieldToLoop();
  }
  doc.font('Helvetica').fontSize(9.5).fillColor(COLOURS.text);
  doc.moveDown(0.6);
};

const drawBlock = async (doc: Doc, w: DocumentWords, block: Block): Promise<void> => {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  switch (block.kind) {
    case 'paragraph':
      doc
        .font(block.strong ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9.5)
        .fillColor(COLOURS.text);
      ensureSpace(doc, doc.heightOfString(pdfSafe(block.text), { width }) > 60 ? 24 : doc.heightOfString(pdfSafe(block.text), { width }));
      doc.text(pdfSafe(block.text), left, doc.y, { width });
      doc.moveDown(0.4);
      return;
    case 'subheading':
      doc.font('Helvetica-Bold').fontSize(10.5).fillColor(COLOURS.title);
      ensureSpace(doc, 48);
      doc.text(pdfSafe(block.text), left, doc.y, { width });
      doc.moveDown(0.25);
      return;
    case 'list':
      doc.font('Helvetica').fontSize(9.5).fillColor(COLOURS.text);
      for (const item of block.items) {
        ensureSpace(doc, 14);
        doc.text(pdfSafe(`•  ${item}`), left + 6, doc.y, { width: width - 6 });
        doc.moveDown(0.15);
      }
      doc.moveDown(0.3);
      return;
    case 'table':
      await drawTable(doc, w, block);
      return;
  }
};

const footerLines = (w: DocumentWords, d: HashedDocument): [string, string, string] => {
  const s = d.stamp;
  const c = w.colon;
  return [
    `${s.organisation} — ${w.stamp.scope}${c}${s.scope} — ${w.stamp.period}${c}${s.period}`,
    `${w.stamp.methodology}${c}${s.methodology} — ${s.conventions} — ${w.stamp.dataAsOf.toLowerCase()} ${s.dataAsOf} — ${w.stamp.computedAt.toLowerCase()} ${s.computedAt}`,
    `${w.stamp.hash}${c}${d.hash}`,
  ];
};

/** Renders a hashed document to a PDF buffer. */
export const renderPdf = async (d: HashedDocument, options: PdfOptions = {}): Promise<Buffer> => {
  const w = documentWords(d.language);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: d.language === 'en' ? 'en-GB' : 'fr-FR',
    displayTitle: true,
    info: { Title: pdfSafe(d.title), Author: 'Levier', Subject: pdfSafe(`${d.stamp.organisation} — ${d.stamp.scope} — ${d.stamp.period}`), Keywords: d.hash },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(17).fillColor(COLOURS.title).text(pdfSafe(d.title), { width });
  if (d.subtitle) doc.moveDown(0.2).font('Helvetica').fontSize(11).fillColor(COLOURS.muted).text(pdfSafe(d.subtitle), { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(9).fillColor(COLOURS.text);
  for (const [label, value] of stampEntries(w, d.stamp)) {
    doc
      .font('Helvetica-Bold')
      .text(pdfSafe(`${label}${w.colon}`), { continued: true })
      .font('Helvetica')
      .text(pdfSafe(value));
  }
  doc.moveDown(0.8);
  for (const section of d.sections) {
    doc.font('Helvetica-Bold').fontSize(13).fillColor(COLOURS.title);
    ensureSpace(doc, 60);
    doc.text(pdfSafe(section.title), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const block of section.blocks) {
      await drawBlock(doc, w, block);
    }
    doc.moveDown(0.4);
    await yieldToLoop();
  }
  const range = doc.bufferedPageRange();
  const lines = footerLines(w, d).map(pdfSafe);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = doc.page.height - MARGIN - FOOTER_HEIGHT + 12;
    doc
      .save()
      .moveTo(MARGIN, top - 4)
      .lineTo(doc.page.width - MARGIN, top - 4)
      .lineWidth(0.4)
      .strokeColor(COLOURS.rule)
      .stroke()
      .restore();
    doc.font('Helvetica').fontSize(6.5).fillColor(COLOURS.muted);
    let y = top;
    for (const line of lines) {
      doc.text(line, MARGIN, y, { width: width - 64 });
      y = doc.y;
    }
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .text(w.page(i - range.start + 1, range.count), doc.page.width - MARGIN - 60, top, { width: 60, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
};
