import { formatChange, formatEuros, formatParisDateTime, formatRatio, MASKED_LABEL, NBSP, offsetSentence, periodLabel } from './french-format';
import { INDICATOR_LABELS, ReportContent, ReportIndicator, ReportSection, scopeLabel, TargetLine } from './report-content';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A headline value in French writing (money in euros, the offset ratio with two decimals). */
export const formatIndicator = (indicator: ReportIndicator, value: string | null, masked: boolean): string =>
  indicator === 'offsetRatio' ? formatRatio(value, masked) : formatEuros(value, masked);

export const reportSubject = (content: ReportContent): string =>
  `${content.preview ? '[Aperçu] ' : ''}Levier — ${content.subscriptionName} — ${periodLabel(content.period)} — ${content.organisationName}`;

const cell = (text: string, extra = ''): string => `<td style="padding:6px 8px;border-bottom:1px solid #e3e6ea;${extra}">${escapeHtml(text)}</td>`;

const headlineTable = (content: ReportContent, section: ReportSection): string => {
  const rows = content.indicators.map((indicator) => {
    const change = section.masked || indicator === 'offsetRatio' ? '—' : formatChange(section.current[indicator], section.previous[indicator]);
    return `<tr>${cell(INDICATOR_LABELS[indicator], 'font-weight:bold;')}${cell(formatIndicator(indicator, section.current[indicator], section.masked), 'text-align:right;white-space:nowrap;')}${cell(
      formatIndicator(indicator, section.previous[indicator], section.masked),
      'text-align:right;white-space:nowrap;color:#555;',
    )}${cell(change, 'text-align:right;white-space:nowrap;color:#555;')}</tr>`;
  });
  return `<mj-table font-size="13px" cellpadding="0" width="100%">
    <tr style="background:#eef2f7;text-align:left;"><th style="padding:6px 8px;">Indicateur</th><th style="padding:6px 8px;text-align:right;">${escapeHtml(periodLabel(content.period))}</th><th style="padding:6px 8px;text-align:right;">${escapeHtml(
      periodLabel(section.previousPeriod),
    )}</th><th style="padding:6px 8px;text-align:right;">Évolution</th></tr>
    ${rows.join('\n')}
  </mj-table>`;
};

const targetText = (t: TargetLine): string => {
  const fmt = (v: string | null): string => (t.indicator === 'offsetRatio' ? formatRatio(v) : formatEuros(v));
  const state =
    t.status === 'below'
      ? `⚠ sous le seuil d’alerte (${fmt(t.alertBelow)})`
      : t.status === 'above'
        ? `⚠ au-dessus du seuil d’alerte (${fmt(t.alertAbove)})`
        : t.status === 'ok'
          ? 'dans les seuils'
          : MASKED_LABEL;
  return `${t.label} — cumul ${t.year} : ${t.value === null ? MASKED_LABEL : fmt(t.value)}${t.target === null ? '' : ` ; cible annuelle ${fmt(t.target)}`} ; ${state}`;
};

const sectionMjml = (content: ReportContent, section: ReportSection, index: number): string => {
  const masked = section.masked;
  const intro = !section.hasData
    ? `<mj-text color="#8a4b00">Aucune donnée calculée pour ${escapeHtml(periodLabel(content.period))} sur ce périmètre : les chiffres de la période n’ont pas encore été saisis ou approuvés.</mj-text>`
    : masked
      ? `<mj-text color="#8a4b00">Certaines valeurs reposent sur moins de 5 bénéficiaires : elles sont masquées (secret statistique).</mj-text>`
      : '';
  const targets =
    section.targets.length === 0
      ? `<mj-text font-size="13px" color="#555">Alertes et cibles : aucune cible définie pour ${escapeHtml(String(Number(content.period.slice(0, 4))))} sur ce périmètre.</mj-text>`
      : `<mj-text font-size="13px"><strong>Alertes et cibles</strong><ul style="margin:4px 0;padding-left:18px;">${section.targets
          .map((t) => `<li style="color:${t.status === 'below' || t.status === 'above' ? '#a8200d' : '#333'}">${escapeHtml(targetText(t))}</li>`)
          .join('')}</ul></mj-text>`;
  return `<mj-section background-color="#ffffff" padding="12px 16px 4px"><mj-column>
    <mj-text font-size="17px" font-weight="bold" color="#1f3a5f">${escapeHtml(scopeLabel(section))}</mj-text>
    ${intro}
    ${headlineTable(content, section)}
    <mj-text font-size="13px">Taux de compensation : <strong>${escapeHtml(offsetSentence(section.current.offsetRatio, masked))}</strong>.<br/>
      Fourchette de l’épargne brute (hypothèses basses – hautes) : <strong>${escapeHtml(masked ? MASKED_LABEL : `${formatEuros(section.current.low)} – ${formatEuros(section.current.high)}`)}</strong>.</mj-text>
    <mj-image src="cid:chart-${index}" alt="${escapeHtml(`Graphique : épargne brute et coût par période, ${scopeLabel(section)}`)}" width="560px" padding="4px 0" />
    ${targets}
  </mj-column></mj-section>`;
};

/** The report as MJML (responsive HTML email), every text escaped. Charts are inline images `cid:chart-<n>`. */
export const reportMjml = (content: ReportContent): string => `<mjml lang="fr">
  <mj-head>
    <mj-title>${escapeHtml(reportSubject(content))}</mj-title>
    <mj-preview>${escapeHtml(`${content.organisationName} — ${periodLabel(content.period)}`)}</mj-preview>
    <mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /><mj-text line-height="1.45" color="#222" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7" width="640px">
    <mj-section background-color="#1f3a5f" padding="16px"><mj-column>
      <mj-text color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(content.organisationName)} — ${escapeHtml(content.subscriptionName)}</mj-text>
      <mj-text color="#dfe7f1" font-size="14px">Épargne médico-sociale — ${escapeHtml(periodLabel(content.period))}${content.preview ? ' (aperçu)' : ''}<br/>Périmètre : ${escapeHtml(content.sections.map(scopeLabel).join(' ; '))}</mj-text>
    </mj-column></mj-section>
    ${content.sections.map((s, i) => sectionMjml(content, s, i)).join('\n')}
    <mj-section background-color="#ffffff" padding="4px 16px 16px"><mj-column>
      <mj-text font-size="12px" color="#555">Méthodologie : ${escapeHtml(content.methodology ? `version ${content.methodology.version} — ${content.methodology.label}` : 'aucune version publiée')}.<br/>
        Fraîcheur : calculé le ${escapeHtml(formatParisDateTime(content.computedAt))}, données à jour au ${escapeHtml(formatParisDateTime(content.dataAsOf))}. Comparaison avec la période précédente de même durée.</mj-text>
      <mj-button href="${escapeHtml(content.dashboardUrl)}" background-color="#1f3a5f" font-size="14px">Ouvrir le tableau de bord</mj-button>
    </mj-column></mj-section>
    <mj-section padding="8px 16px"><mj-column>
      <mj-text font-size="11px" color="#777" align="center">Vous recevez ce rapport car vous êtes destinataire de l’abonnement « ${escapeHtml(content.subscriptionName)} ».
        <a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#555;">Se désabonner</a> (sans connexion).</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

/** Plain-text alternative of the same content. */
export const reportText = (content: ReportContent): string => {
  const lines = [
    `${content.organisationName} — ${content.subscriptionName}`,
    `Épargne médico-sociale — ${periodLabel(content.period)}${content.preview ? ' (aperçu)' : ''}`,
    '',
  ];
  for (const s of content.sections) {
    lines.push(scopeLabel(s));
    for (const i of content.indicators)
      lines.push(
        `  ${INDICATOR_LABELS[i]} : ${formatIndicator(i, s.current[i], s.masked)} (${periodLabel(s.previousPeriod)} : ${formatIndicator(i, s.previous[i], s.masked)})`,
      );
    lines.push(`  Taux de compensation : ${offsetSentence(s.current.offsetRatio, s.masked)}`);
    lines.push(`  Fourchette : ${s.masked ? MASKED_LABEL : `${formatEuros(s.current.low)} – ${formatEuros(s.current.high)}`}`);
    for (const t of s.targets) lines.push(`  ${targetText(t)}`);
    lines.push('');
  }
  lines.push(`Méthodologie : ${content.methodology ? `version ${content.methodology.version} — ${content.methodology.label}` : 'aucune'}`);
  lines.push(`Calculé le ${formatParisDateTime(content.computedAt)}, données au ${formatParisDateTime(content.dataAsOf)}`);
  lines.push(`Tableau de bord : ${content.dashboardUrl}`, `Se désabonner : ${content.unsubscribeUrl}`);
  return lines.join('\n').replace(new RegExp(NBSP, 'g'), ' ');
};
