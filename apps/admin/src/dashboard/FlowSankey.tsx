import { ResponsiveContainer, Sankey, Tooltip } from 'recharts';
import type { SankeyData } from './chart-data';

/** Staff redeployments and budget transfers between functions and services (recharts Sankey). */
export const FlowSankey = ({ data, ariaLabel, height = 320 }: { data: SankeyData; ariaLabel: string; height?: number }) => (
  <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }}>
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 700, height }}>
      <Sankey
        data={{ nodes: data.nodes, links: data.links.map(({ source, target, value }) => ({ source, target, value })) }}
        nodePadding={24}
        nodeWidth={12}
        margin={{ top: 8, right: 140, bottom: 8, left: 72 }}
        link={{ stroke: '#1565c0', strokeOpacity: 0.35 }}
        node={{ fill: '#1a3d6d', stroke: '#1a3d6d' }}
        label
      >
        <Tooltip />
      </Sankey>
    </ResponsiveContainer>
  </div>
);
