import { Decimal } from '@levier/indicators';
import { niceTicks } from './nice-ticks';
import type { SeriesPoint } from './report-content';
import type { ReportMessages } from './report-messages';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 260;

const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const shortPeriod = (code: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(code);
  return m ? `${m[2]}/${m[1].slice(2)}` : code;
};

/**
 * Avoided costs (grossSavings) vs cost of services by period as grouped bars, drawn by hand in SVG (then rasterised to PNG with resvg): no browser,
 * no chart library on the server. Masked or empty scopes get a labelled placeholder instead of bars. Legend, placeholder
 * and axis labels come from the subscription's message catalogue.
 */
export const buildChartSvg = ({
  title,
  points,
  masked,
  messages,
}: {
  title: string;
  points: readonly SeriesPoint[];
  masked: boolean;
  messages: Pick<ReportMessages, 'chart' | 'write'>;
}): string => {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const left = 64;
  const right = 12;
  const top = 52;
  const bottom = 44;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${left}" y="20" font-family="DejaVu Sans, Arial, sans-serif" font-size="13" font-weight="bold" fill="#1f3a5f">${escapeXml(title)}</text>`,
    `<rect x="${left}" y="29" width="10" height="10" fill="#2e7d5b"/><text x="${left + 14}" y="38" font-family="DejaVu Sans, Arial, sans-serif" font-size="11" fill="#333">${escapeXml(messages.chart.grossSavings)}</text>`,
    `<rect x="${left + 110}" y="29" width="10" height="10" fill="#c0602a"/><text x="${left + 124}" y="38" font-family="DejaVu Sans, Arial, sans-serif" font-size="11" fill="#333">${escapeXml(messages.chart.cost)}</text>`,
  ];
  const values = points
    .flatMap((p) => [p.values.grossSavings, p.values.cost])
    .filter((v): v is string => v !== null)
    .map((v) => new Decimal(v));
  if (masked || values.length === 0) {
    parts.push(
      `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="#f1f3f6" stroke="#c9ced6"/>`,
      `<text x="${left + plotW / 2}" y="${top + plotH / 2}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="13" fill="#555">${escapeXml(masked ? messages.chart.maskedValues : messages.chart.noData)}</text>`,
      '</svg>',
    );
    return parts.join('');
  }
  // round ticks (0 / 50 k€ / 100 k€ …): the axis spans from the first to the last one
  const ticks = niceTicks(Decimal.min(...values, 0), Decimal.max(...values, 1));
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const span = max.minus(min);
  const y = (v: Decimal): number => top + plotH - v.minus(min).div(span).times(plotH).toNumber();
  for (const v of ticks) {
    const yy = y(v).toFixed(1);
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${yy}" y2="${yy}" stroke="#e3e6ea"/>`,
      `<text x="${left - 6}" y="${Number(yy) + 4}" text-anchor="end" font-family="DejaVu Sans, Arial, sans-serif" font-size="10" fill="#555">${escapeXml(messages.write.compactEuros(v))}</text>`,
    );
  }
  const slot = plotW / points.length;
  const bar = Math.max(2, Math.min(18, slot * 0.35));
  const zero = y(new Decimal(0));
  // a period without data is a greyed band named in the legend, never a zero bar
  if (points.some((p) => !p.present))
    parts.push(
      `<rect x="${left + 250}" y="29" width="10" height="10" fill="#e3e6ea" stroke="#b8bec7"/><text x="${left + 264}" y="38" font-family="DejaVu Sans, Arial, sans-serif" font-size="11" fill="#333">${escapeXml(messages.chart.noDataPeriod)}</text>`,
    );
  points.forEach((p, i) => {
    if (!p.present)
      parts.push(
        `<rect data-no-data="${escapeXml(p.period)}" x="${(left + i * slot + 2).toFixed(1)}" y="${top}" width="${(slot - 4).toFixed(1)}" height="${plotH}" fill="#e3e6ea" fill-opacity="0.7"/>`,
      );
    const x0 = left + i * slot + slot / 2 - bar;
    for (const [j, [value, color]] of (
      [
        [p.values.grossSavings, '#2e7d5b'],
        [p.values.cost, '#c0602a'],
      ] as const
    ).entries()) {
      if (value === null) continue;
      const yv = y(new Decimal(value));
      parts.push(
        `<rect x="${(x0 + j * bar).toFixed(1)}" y="${Math.min(yv, zero).toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(0.5, Math.abs(zero - yv)).toFixed(1)}" fill="${color}"/>`,
      );
    }
    parts.push(
      `<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="10" fill="#555">${escapeXml(shortPeriod(p.period))}</text>`,
    );
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${zero.toFixed(1)}" y2="${zero.toFixed(1)}" stroke="#8a939e"/>`, '</svg>');
  return parts.join('');
};
