import { Paper, Typography } from '@mui/material';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatAxisMoney, formatMoney } from '../format/decimal-format';
import type { ChartRow } from './series-rows';
import type { TargetLine } from './chart-data';
import { SERIES_COLORS } from './series-colors';
export { SERIES_COLORS };

/** Shows the API's exact strings, not the plotted floats. */
const ChartTooltip = ({ active, payload }: TooltipContentProps<number, string>) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  if (row.coverage !== 'data')
    return (
      <Paper sx={{ p: 1 }} elevation={3}>
        <Typography variant="subtitle2">{row.label}</Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
          {translate(`levier.chart.${row.coverage}`)}
        </Typography>
      </Paper>
    );
  const lines: Array<[string, string | null]> = [
    ['levier.headline.grossSavings', row.item.grossSavings],
    ['levier.headline.cost', row.item.cost],
    ['levier.headline.netSavings', row.item.netSavings],
  ];
  return (
    <Paper sx={{ p: 1 }} elevation={3}>
      <Typography variant="subtitle2">{row.label}</Typography>
      {lines.map(([key, value]) => (
        <Typography key={key} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {translate(key)} : {formatMoney(value, locale)}
        </Typography>
      ))}
    </Paper>
  );
};

/** A period without values is named under its label, greyed: « pas de données » or « non approuvé », never a 0 € point. */
const PeriodTick = ({ x, y, payload, rows }: { x?: number; y?: number; payload?: { value: string }; rows: readonly ChartRow[] }) => {
  const translate = useTranslate();
  const row = rows.find((r) => r.label === payload?.value);
  const gap = row !== undefined && row.coverage !== 'data';
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`} data-testid={gap ? `series-gap-${row.key}` : undefined}>
      <text dy={12} textAnchor="middle" fontSize={12} fill={gap ? '#616161' : '#212121'} fontStyle={gap ? 'italic' : undefined}>
        {payload?.value}
      </text>
      {gap ? (
        <text dy={26} textAnchor="middle" fontSize={11} fill="#616161" fontStyle="italic">
          {translate(`levier.chart.${row.coverage}`)}
        </text>
      ) : null}
    </g>
  );
};

export const SeriesChart = ({ rows, targets = [] }: { rows: ChartRow[]; targets?: readonly TargetLine[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const hasRange = rows.some((r) => r.range !== null);
  const hasGap = rows.some((r) => r.coverage !== 'data');
  const aria = translate('levier.chart.aria', { first: rows[0]?.label ?? '', last: rows[rows.length - 1]?.label ?? '' });
  return (
    <div role="img" aria-label={aria} style={{ width: '100%', height: 340 }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 340 }}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={<PeriodTick rows={rows} />} height={hasGap ? 44 : 30} />
          <YAxis tickFormatter={(v: number) => formatAxisMoney(v, locale)} width={80} tick={{ fontSize: 12 }} />
          <Tooltip content={(props) => <ChartTooltip {...(props as TooltipContentProps<number, string>)} />} />
          <Legend formatter={(value: string) => <span style={{ color: '#212121' }}>{value}</span>} />
          {hasRange ? (
            <Area
              type="monotone"
              dataKey="range"
              name={translate('levier.chart.range')}
              stroke="none"
              fill={SERIES_COLORS.range}
              fillOpacity={0.4}
              isAnimationActive={false}
              connectNulls={false}
            />
          ) : null}
          <Line
            type="monotone"
            dataKey="grossSavings"
            name={translate('levier.headline.grossSavings')}
            stroke={SERIES_COLORS.grossSavings}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="cost"
            name={translate('levier.headline.cost')}
            stroke={SERIES_COLORS.cost}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="netSavings"
            name={translate('levier.headline.netSavings')}
            stroke={SERIES_COLORS.netSavings}
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
          {targets.map((t) => (
            <ReferenceLine
              key={`${t.indicator}-${t.label}`}
              y={t.value}
              stroke="#6a1b9a"
              strokeDasharray="4 2"
              label={{ value: t.label, fill: '#4a148c', fontSize: 12, position: 'insideTopLeft' }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
};
