import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState } from 'react-admin';
import { formatAxisMoney } from '../format/decimal-format';
import { tornadoAxisLabel } from './tornado-labels';

export interface TornadoRow {
  key: string;
  label: string;
  /** [smaller, larger] net result of the two runs, plotted only (the table shows the API's text). */
  range: [number, number];
  /** The tooltip's text, from the API's strings. */
  tooltip: string;
}

/**
 * A tornado: one horizontal bar per assumption, from the net result with its low value to the one with its high
 * value, around a line at the central net result; widest first. A bar opens the assumption's screen when it has one.
 */
export const TornadoChart = ({
  rows,
  central,
  centralLabel,
  ariaLabel,
  onOpen,
}: {
  rows: readonly TornadoRow[];
  central: number;
  centralLabel: string;
  ariaLabel: string;
  onOpen?: (key: string) => void;
}) => {
  const [locale] = useLocaleState();
  const height = Math.max(160, rows.length * 48 + 60);
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <BarChart data={rows as TornadoRow[]} layout="vertical" margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => formatAxisMoney(v, locale)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={240} tick={{ fontSize: 11 }} tickFormatter={(label: string) => tornadoAxisLabel(label)} />
          <Tooltip formatter={(_value: unknown, _name: unknown, item: unknown) => (item as { payload?: TornadoRow }).payload?.tooltip ?? ''} />
          <Bar
            dataKey="range"
            name={centralLabel}
            fill="#00695c"
            isAnimationActive={false}
            cursor={onOpen ? 'pointer' : undefined}
            onClick={(entry: unknown) => {
              const key = (entry as { payload?: TornadoRow }).payload?.key;
              if (onOpen && key) onOpen(key);
            }}
          />
          <ReferenceLine x={central} stroke="#424242" label={{ value: centralLabel, position: 'top', fill: '#212121', fontSize: 12 }} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
