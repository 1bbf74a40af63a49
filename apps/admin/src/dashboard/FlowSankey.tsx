import { Layer, Rectangle, ResponsiveContainer, Sankey, Tooltip, type SankeyNodeProps } from 'recharts';
import type { SankeyData } from './chart-data';
import { wrapLabel } from './sankey-labels';

/** Room for labels outside the nodes: givers write theirs to the left, receivers to the right. */
const LABEL_ROOM = 168;
const LINE_CHARS = 24;
const FONT_SIZE = 12;

/**
 * A node with its label outside the bar: never over the bar, never cut. A long name wraps on up to three lines and is
 * abbreviated with « … » past that; the full name is the node's tooltip (SVG <title>) and is in the table.
 */
const FlowNode = ({ x, y, width, height, payload }: SankeyNodeProps) => {
  const node = payload as { name?: unknown; depth?: number };
  const name = String(node.name ?? '');
  // two columns only (chart-data's toSankeyData): givers write their label to the left, receivers to the right
  const source = (node.depth ?? 0) === 0;
  const lines = wrapLabel(name, LINE_CHARS, 3);
  const textX = source ? x - 6 : x + width + 6;
  const firstY = y + height / 2 - ((lines.length - 1) * (FONT_SIZE + 2)) / 2;
  return (
    <Layer>
      <title>{name}</title>
      <Rectangle x={x} y={y} width={width} height={height} fill="#1a3d6d" stroke="#1a3d6d" />
      <text
        x={textX}
        y={firstY}
        textAnchor={source ? 'end' : 'start'}
        dominantBaseline="middle"
        fontSize={FONT_SIZE}
        fill="#212121"
        stroke="#ffffff"
        strokeWidth={3}
        paintOrder="stroke"
      >
        {lines.map((line, i) => (
          <tspan key={i} x={textX} dy={i === 0 ? 0 : FONT_SIZE + 2}>
            {line}
          </tspan>
        ))}
      </text>
    </Layer>
  );
};

/** Staff redeployments and budget transfers between functions and services (recharts Sankey); values written by `formatValue`. */
export const FlowSankey = ({
  data,
  ariaLabel,
  height = 320,
  formatValue,
}: {
  data: SankeyData;
  ariaLabel: string;
  height?: number;
  formatValue?: (raw: string) => string;
}) => {
  const rawByValue = new Map(data.links.map((l) => [l.value, l.raw]));
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height }}>
        <Sankey
          data={{ nodes: data.nodes, links: data.links.map(({ source, target, value }) => ({ source, target, value })) }}
          nodePadding={28}
          nodeWidth={12}
          margin={{ top: 16 + 3 * (FONT_SIZE + 2), right: LABEL_ROOM, bottom: 16, left: LABEL_ROOM }}
          link={{ stroke: '#1565c0', strokeOpacity: 0.35 }}
          node={FlowNode}
        >
          <Tooltip
            formatter={(value: unknown) => {
              const raw = typeof value === 'number' ? rawByValue.get(value) : undefined;
              if (!formatValue) return String(value);
              // A link shows its own decimal string; a node, the total recharts drew it with.
              return formatValue(raw ?? String(value));
            }}
          />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
};
