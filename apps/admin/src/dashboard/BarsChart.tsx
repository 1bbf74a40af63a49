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
}

/** Bars of euros, vertical or horizontal; the caller gives the accessible name and a table alternative. */
export const BarsChart = ({ rows, categoryKey, bars, ariaLabel, horizontal = false, height = 300, references = [] }: BarsChartProps) => {
  const [locale] = useLocaleState();
  const money = (v: number) => formatAxisMoney(v, locale);
  const tooltipMoney = (v: unknown) => formatMoney(typeof v === 'number' ? String(v) : null, locale);
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <BarChart data={rows as object[]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
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
          <Tooltip formatter={(value: unknown) => tooltipMoney(value)} />
          {bars.length > 1 ? <Legend formatter={(value: string) => <span style={{ color: '#212121' }}>{value}</span>} /> : null}
          {bars.map((b) => (
            <Bar key={b.dataKey} dataKey={b.dataKey} name={b.name} fill={b.color} stackId={b.stackId} isAnimationActive={false} />
          ))}
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
