import { NBSP } from './french-format';
import { ReportContent, ReportIndicator, ReportSection, scopeLabel, TargetLine } from './report-content';
import { headlineRows, type HeadlineRow } from './report-headline-rows';
import { reportMessages, writeIndicator } from './report-i18n';
import type { ReportMessages } from './report-messages';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A period the report covers, in words: « novembre 2026 », or « cumul de l’année 2026 à fin novembre » for a year to date. */
export const coveredLabel = (m: ReportMessages, content: Pick<ReportContent, 'coverage'>, code: string): string =>
  m.write.coveredPeriod(content.coverage ?? 'month', code);

export const reportSubject = (content: ReportContent): string => {
  const m = reportMessages(content.language);
  return `${content.preview ? m.subjectPreviewPrefix : ''}Levier — ${content.subscriptionName} — ${coveredLabel(m, content, content.period)} — ${content.organisationName}`;
};

/** « Épargne médico-sociale — décembre 2024 (aperçu) »: the title line under the organisation's name. */
export const reportTitleLine = (m: ReportMessages, content: ReportContent): string =>
  `${m.reportTitle} — ${coveredLabel(m, content, content.period)}${content.preview ? m.previewTag : ''}`;

/** A headline row's value: money in euros, a ratio with two decimals, or the masking label. */
export const writeRow = (m: ReportMessages, row: Extract<HeadlineRow, { kind: 'value' }>, value: string | null, masked: boolean): string =>
  row.ratio ? m.write.ratio(value, masked) : m.write.euros(value, masked);

const cell = (text: string, extra = ''): string => `<td style="padding:6px 8px;border-bottom:1px solid #e3e6ea;${extra}">${escapeHtml(text)}</td>`;

const headlineTable = (m: ReportMessages, content: ReportContent, section: ReportSection): string => {
  const rows = headlineRows(m, content, section).map((row) => {
    if (row.kind === 'heading')
      return `<tr><td colspan="4" style="padding:8px 8px 4px;border-bottom:1px solid #e3e6ea;color:#1f3a5f;font-weight:bold;">${escapeHtml(row.label)}</td></tr>`;
    const change = section.masked || row.ratio ? '—' : m.write.change(row.current, row.previous);
    return `<tr>${cell(row.label, 'font-weight:bold;')}${cell(writeRow(m, row, row.current, section.masked), 'text-align:right;white-space:nowrap;')}${cell(
      writeRow(m, row, row.previous, section.masked),
      'text-align:right;white-space:nowrap;color:#555;',
    )}${cell(change, 'text-align:right;white-space:nowrap;color:#555;')}</tr>`;
  });
  return `<mj-table font-size="13px" cellpadding="0" width="100%">
    <tr style="background:#eef2f7;text-align:left;"><th style="padding:6px 8px;">${escapeHtml(m.email.indicatorColumn)}</th><th style="padding:6px 8px;text-align:right;">${escapeHtml(
      coveredLabel(m, content, content.period),
    )}</th><th style="padding:6px 8px;text-align:right;">${escapeHtml(coveredLabel(m, content, section.previousPeriod))}</th><th style="padding:6px 8px;text-align:right;">${escapeHtml(
      m.email.changeColumn,
    )}</th></tr>
    ${rows.join('\n')}
  </mj-table>`;
};

/** One target or alert line: « Coûts évités (bruts) — cumul 2024 : … ; cible annuelle … ; dans les seuils ». */
export const targetText = (m: ReportMessages, t: TargetLine): string => {
  const fmt = (v: string | null): string => writeIndicator(m, t.indicator as ReportIndicator, v, false);
  const state =
    t.status === 'below'
      ? m.target.below(fmt(t.alertBelow))
      : t.status === 'above'
        ? m.target.above(fmt(t.alertAbove))
        : t.status === 'ok'
          ? m.target.within
          : m.write.masked;
  return m.target.line(t, t.value === null ? m.write.masked : fmt(t.value), t.target === null ? null : fmt(t.target), state);
};

/** « 12 345,00 € – 23 456,00 € », or the masking label. */
export const grossRangeText = (m: ReportMessages, section: ReportSection): string =>
  section.masked ? m.write.masked : `${m.write.euros(section.current.low)} – ${m.write.euros(section.current.high)}`;

const sectionMjml = (m: ReportMessages, content: ReportContent, section: ReportSection, index: number): string => {
  const masked = section.masked;
  const intro = !section.hasData
    ? `<mj-text color="#8a4b00">${escapeHtml(m.email.noData(coveredLabel(m, content, content.period)))}</mj-text>`
    : masked
      ? `<mj-text color="#8a4b00">${escapeHtml(m.email.maskedNotice)}</mj-text>`
      : '';
  const targets =
    section.targets.length === 0
      ? `<mj-text font-size="13px" color="#555">${escapeHtml(m.email.noTargets(String(Number(content.period.slice(0, 4)))))}</mj-text>`
      : `<mj-text font-size="13px"><strong>${escapeHtml(m.email.targetsTitle)}</strong><ul style="margin:4px 0;padding-left:18px;">${section.targets
          .map((t) => `<li style="color:${t.status === 'below' || t.status === 'above' ? '#a8200d' : '#333'}">${escapeHtml(targetText(m, t))}</li>`)
          .join('')}</ul></mj-text>`;
  return `<mj-section background-color="#ffffff" padding="12px 16px 4px"><mj-column>
    <mj-text font-size="17px" font-weight="bold" color="#1f3a5f">${escapeHtml(scopeLabel(section))}</mj-text>
    ${intro}
    ${headlineTable(m, content, section)}
    <mj-text font-size="13px">${escapeHtml(m.offsetRatio + m.colon)}<strong>${escapeHtml(m.write.offsetSentence(section.current.offsetRatio, masked))}</strong>.<br/>
      ${escapeHtml(m.email.grossRange + m.colon)}<strong>${escapeHtml(grossRangeText(m, section))}</strong>.</mj-text>
    <mj-image src="cid:chart-${index}" alt="${escapeHtml(m.email.chartAlt(scopeLabel(section)))}" width="560px" padding="4px 0" />
    ${targets}
  </mj-column></mj-section>`;
};

/** The report as MJML (responsive HTML email) in the subscription's language, every text escaped. Charts are inline images `cid:chart-<n>`. */
export const reportMjml = (content: ReportContent): string => {
  const m = reportMessages(content.language);
  return `<mjml lang="${m.lang}">
  <mj-head>
    <mj-title>${escapeHtml(reportSubject(content))}</mj-title>
    <mj-preview>${escapeHtml(`${content.organisationName} — ${coveredLabel(m, content, content.period)}`)}</mj-preview>
    <mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /><mj-text line-height="1.45" color="#222" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7" width="640px">
    <mj-section background-color="#1f3a5f" padding="16px"><mj-column>
      <mj-text color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(content.organisationName)} — ${escapeHtml(content.subscriptionName)}</mj-text>
      <mj-text color="#dfe7f1" font-size="14px">${escapeHtml(reportTitleLine(m, content))}<br/>${escapeHtml(m.scope + m.colon)}${escapeHtml(content.sections.map(scopeLabel).join(' ; '))}</mj-text>
    </mj-column></mj-section>
    ${content.sections.map((s, i) => sectionMjml(m, content, s, i)).join('\n')}
    <mj-section background-color="#ffffff" padding="4px 16px 16px"><mj-column>
      <mj-text font-size="12px" color="#555">${escapeHtml(m.email.methodology(content.methodology))}.<br/>
        ${escapeHtml(m.email.freshness(m.write.dateTime(content.computedAt), m.write.dateTime(content.dataAsOf)))}</mj-text>
      <mj-button href="${escapeHtml(content.dashboardUrl)}" background-color="#1f3a5f" font-size="14px">${escapeHtml(m.email.openDashboard)}</mj-button>
    </mj-column></mj-section>
    <mj-section padding="8px 16px"><mj-column>
      <mj-text font-size="11px" color="#777" align="center">${escapeHtml(m.email.footer(content.subscriptionName))}
        <a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#555;">${escapeHtml(m.email.unsubscribe)}</a> ${escapeHtml(m.email.noLogin)}.</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
};

/** Plain-text alternative of the same content. */
export const reportText = (content: ReportContent): string => {
  const m = reportMessages(content.language);
  const labelled = (label: string, value: string): string => `${label}${m.colon}${value}`;
  const lines = [`${content.organisationName} — ${content.subscriptionName}`, reportTitleLine(m, content), ''];
  for (const s of content.sections) {
    lines.push(scopeLabel(s));
    for (const row of headlineRows(m, content, s))
      lines.push(
        row.kind === 'heading'
          ? `  ${row.label}`
          : `  ${labelled(row.label, writeRow(m, row, row.current, s.masked))} (${labelled(coveredLabel(m, content, s.previousPeriod), writeRow(m, row, row.previous, s.masked))})`,
      );
    lines.push(`  ${labelled(m.offsetRatio, m.write.offsetSentence(s.current.offsetRatio, s.masked))}`);
    lines.push(`  ${labelled(m.text.range, grossRangeText(m, s))}`);
    for (const t of s.targets) lines.push(`  ${targetText(m, t)}`);
    lines.push('');
  }
  lines.push(m.text.methodology(content.methodology));
  lines.push(m.text.computed(m.write.dateTime(content.computedAt), m.write.dateTime(content.dataAsOf)));
  lines.push(labelled(m.text.dashboard, content.dashboardUrl), labelled(m.text.unsubscribe, content.unsubscribeUrl));
  return lines.join('\n').replace(new RegExp(NBSP, 'g'), ' ');
};
