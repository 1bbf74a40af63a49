import type { Block, HashedDocument } from './document-model';
import { documentWords, stampEntries } from './document-words';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Web addresses in a text become links (the sources of unit costs); everything else is escaped. */
const linkify = (text: string): string =>
  text
    .split(/(https?:\/\/[^\s)«»"<>]+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escape(part.replace(/[.,;:]+$/, ''))}">${escape(part)}</a>` : escape(part)))
    .join('');

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{color:#1f3a5f;font-size:1.6rem;margin-bottom:.2rem}h2{color:#1f3a5f;font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccd}h3{color:#1f3a5f;font-size:1.05rem}
.subtitle{color:#555;margin-top:0}dl.stamp{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;font-size:.9rem}dl.stamp dt{font-weight:600}dl.stamp dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem;font-size:.85rem}caption{text-align:left;font-weight:600;color:#1f3a5f;padding:.3rem 0}
th,td{border-bottom:1px solid #bbb;padding:.25rem .4rem;vertical-align:top}thead th{background:#e8edf3;text-align:left}td.num,th.num{text-align:right;white-space:nowrap}
tfoot td,tfoot th{font-weight:700;background:#f3f3f3}a{color:#1a4f8b}footer{margin-top:2rem;border-top:1px solid #999;font-size:.8rem;color:#444}
.hash{font-family:ui-monospace,monospace;word-break:break-all}
@media print{@page{size:A4 portrait;margin:15mm 12mm 18mm}body{margin:0;max-width:none}thead{display:table-header-group}tr{break-inside:avoid}h2,h3{break-after:avoid}}
`;

const blockHtml = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return block.strong ? `<p><strong>${linkify(block.text)}</strong></p>` : `<p>${linkify(block.text)}</p>`;
    case 'subheading':
      return `<h3>${escape(block.text)}</h3>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${linkify(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const cls = (i: number): string => (block.columns[i]?.align === 'right' ? ' class="num"' : '');
      const head = block.columns.map((c, i) => `<th scope="col"${cls(i)}>${escape(c.label)}</th>`).join('');
      const row = (cells: readonly string[]): string =>
        cells.map((cell, i) => (i === 0 ? `<th scope="row"${cls(i)}>${linkify(cell)}</th>` : `<td${cls(i)}>${linkify(cell)}</td>`)).join('');
      const body = block.rows.map((r) => `<tr>${row(r)}</tr>`).join('');
      const foot = block.totalRow ? `<tfoot><tr>${row(block.totalRow)}</tr></tfoot>` : '';
      return `<table><caption>${escape(block.caption)}</caption><thead><tr>${head}</tr></thead>${foot}<tbody>${body}</tbody></table>`;
    }
  }
};

/** The accessible HTML rendering: `lang`, one h1, h2 per section, tables with caption and header cells, the stamp and hash. */
export const renderHtml = (d: HashedDocument): string => {
  const w = documentWords(d.language);
  const s = d.stamp;
  const stamp = stampEntries(w, s)
    .map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`)
    .join('');
  const sections = d.sections.map((section) => `<section><h2>${escape(section.title)}</h2>${section.blocks.map(blockHtml).join('\n')}</section>`).join('\n');
  return `<!doctype html>
<html lang="${d.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(d.title)} — ${escape(s.organisation)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escape(d.title)}</h1>${d.subtitle ? `<p class="subtitle">${escape(d.subtitle)}</p>` : ''}<dl class="stamp">${stamp}<dt>${escape(w.stamp.hash)}</dt><dd class="hash">${d.hash}</dd></dl></header>
<main>
${sections}
</main>
<footer><p>${escape(s.organisation)} — ${escape(s.scope)} — ${escape(s.period)} — ${escape(s.methodology)} — ${escape(w.stamp.dataAsOf.toLowerCase())} ${escape(s.dataAsOf)} — ${escape(w.stamp.computedAt.toLowerCase())} ${escape(s.computedAt)}</p><p>${escape(w.stamp.hash)}${escape(w.colon)}<span class="hash">${d.hash}</span></p></footer>
</body>
</html>
`;
};
