import mjml2html from 'mjml';
import type Mail from 'nodemailer/lib/mailer';
import { buildChartSvg } from './chart-svg';
import { renderPng } from './chart-png';
import { buildAttachments } from './report-attachments';
import { ReportContent, ReportFormat, scopeLabel } from './report-content';
import { reportMjml, reportSubject, reportText } from './report-email.template';
import { reportMessages } from './report-i18n';

/**
 * Everything of one email but the sender, in the subscription's language: subject, HTML, text, inline charts
 * (`cid:chart-<n>`), attachments, and the RFC 8058 one-click unsubscribe headers (`List-Unsubscribe` with the signed
 * per-recipient URL, `List-Unsubscribe-Post`), which mail clients turn into a POST on that URL.
 */
export const buildReportMessage = async (
  content: ReportContent,
  formats: readonly ReportFormat[],
): Promise<Omit<Mail.Options, 'from'> & { subject: string; html: string }> => {
  const m = reportMessages(content.language);
  const charts = content.sections.map((s) =>
    renderPng(buildChartSvg({ title: m.chart.title(scopeLabel(s)), points: s.series, masked: s.masked, messages: m })),
  );
  const rendered = await mjml2html(reportMjml(content), { validationLevel: 'soft', minify: false });
  const attachments = await buildAttachments(content, formats, charts);
  return {
    subject: reportSubject(content),
    html: rendered.html,
    text: reportText(content),
    headers: {
      'List-Unsubscribe': `<${content.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
      'Content-Language': m.lang,
    },
    attachments: [
      ...charts.map((png, i) => ({
        filename: `${m.chart.file}-${i + 1}.png`,
        content: png,
        contentType: 'image/png',
        cid: `chart-${i}`,
        contentDisposition: 'inline' as const,
      })),
      ...attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    ],
  };
};
