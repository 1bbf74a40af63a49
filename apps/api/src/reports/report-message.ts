import mjml2html from 'mjml';
import type Mail from 'nodemailer/lib/mailer';
import { buildChartSvg } from './chart-svg';
import { renderPng } from './chart-png';
import { buildAttachments } from './report-attachments';
import { ReportContent, ReportFormat, scopeLabel } from './report-content';
import { reportMjml, reportSubject, reportText } from './report-email.template';

/** Everything of one email but the sender: subject, HTML, text, inline charts (`cid:chart-<n>`) and attachments. */
export const buildReportMessage = async (
  content: ReportContent,
  formats: readonly ReportFormat[],
): Promise<Omit<Mail.Options, 'from'> & { subject: string; html: string }> => {
  const charts = content.sections.map((s) =>
    renderPng(buildChartSvg({ title: `Épargne brute et coût — ${scopeLabel(s)}`, points: s.series, masked: s.masked })),
  );
  const rendered = await mjml2html(reportMjml(content), { validationLevel: 'soft', minify: false });
  const attachments = await buildAttachments(content, formats, charts);
  return {
    subject: reportSubject(content),
    html: rendered.html,
    text: reportText(content),
    headers: { 'List-Unsubscribe': `<${content.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
    attachments: [
      ...charts.map((png, i) => ({
        filename: `graphique-${i + 1}.png`,
        content: png,
        contentType: 'image/png',
        cid: `chart-${i}`,
        contentDisposition: 'inline' as const,
      })),
      ...attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    ],
  };
};
