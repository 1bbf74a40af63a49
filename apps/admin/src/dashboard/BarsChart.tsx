import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState } from 'react-admin';
import { formatAxisMoney, formatMoney } from '../format/decimal-format';

export interface BarSpec {
  dataKey: string;
  name: string;
  color: string;
  stackId?: string;
}

export interface BarsChartProps {
  rows: ReadonlyArray<object>;
  /** The row field naming each bar group. */
  categoryKey: string;
  bars: readonly BarSpec[];
  ariaLabel: string;
  /** Horizontal bars: long labels (services) read better. */
  horizontal?: boolean;
  height?: number;
  references?: ReadonlyArray<{ value: number; label: string }>;
  /** 'sign': positive values stack one way, negative ones the other (diverging bars). */
  stackOffset?: 'sign';
}

/** A row's own tooltip text for a bar (`row.tooltips[dataKey]`), so a tooltip shows the API's string, not the plotted number. */
const rowTooltip = (item: unknown): string | null => {
  if (typeof item !== 'object' || item === null) return null;
  const { dataKey, payload } = item as { dataKey?: unknown; payload?: { tooltips?: Record<string, unknown> } };
  const text = typeof dataKey === 'string' ? payload?.tooltips?.[dataKey] : undefined;
  return typeof text === 'string' ? text : null;
};

/** Bars of euros, vertical or horizontal; the caller gives the accessible name and a table alternative. */
export const BarsChart = ({ rows, categoryKey, bars, ariaLabel, horizontal = false, height = 300, references = [], stackOffset }: BarsChartProps) => {
  const [locale] = useLocaleState();
  const money = (v: number) => formatAxisMoney(v, locale);
  const tooltipMoney = (v: unknown) => formatMoney(typeof v === 'number' ? String(v) : null, locale);
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <BarChart
          data={rows as object[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          stackOffset={stackOffset}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={money} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey={categoryKey} width={170} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={money} width={80} tick={{ fontSize: 12 }} />
            </>
          )}
          <Tooltip formatter={(value: unknown, _name: unknown, item: unknown) => rowTooltip(item) ?? tooltipMoney(value)} />
          {bars.length > 1 ? <Legend formatter={(value: string) => <span style={{ color: '#212121' }}>{value}</span>} /> : null}
          {bars.map((b) => (
            <Bar key={b.dataKey} dataKey={b.dataKey} name={b.name} fill={b.color} stackId={b.stackId} isAnimationActive={false} />
          ))}
          {stackOffset === 'sign' ? horizontal ? <ReferenceLine x={0} stroke="#424242" /> : <ReferenceLine y={0} stroke="#424242" /> : null}
          {references.map((r) =>
            horizontal ? (
              <ReferenceLine key={r.label} x={r.value} stroke="#6a1b9a" strokeDasharray="4 2" label={{ value: r.label, fill: '#4a148c', fontSize: 12 }} />
            ) : (
              <ReferenceLine key={r.label} y={r.value} stroke="#6a1b9a" strokeDasharray="4 2" label={{ value: r.label, fill: '#4a148c', fontSize: 12 }} />
            ),
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
