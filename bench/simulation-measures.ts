import type { BenchTenant } from './bench-tenant';

/**
 * The lever simulator's preview (issue 18) on the whole organisation of the bench (a département at scale M) over a
 * year, as a slider moves: the first call reads the scope's figures (cold, reported apart), then `samples` previews of
 * the same scope with other amounts and factors. Latencies in ms; a non-200 answer stops the measure.
 */
export const measureSimulationPreview = async (
  url: string,
  token: string,
  tenant: BenchTenant,
  samples: number,
): Promise<{ coldMs: number; latencies: number[] }> => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const [from, to] = tenant.serviceCodes;
  const body = (i: number) => ({
    orgUnit: tenant.rootCode,
    from: '2024-01',
    to: '2024-12',
    levers: [
      { kind: 'move', fromService: from, toService: to, amount: String(1000 + i * 250) },
      { kind: 'scale', service: to, factor: (1 + (i % 10) / 20).toFixed(2) },
    ],
  });
  const call = async (i: number): Promise<number> => {
    const started = performance.now();
    const res = await fetch(`${url}/api/simulations/preview`, { method: 'POST', headers, body: JSON.stringify(body(i)) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`simulation preview: ${res.status} ${text.slice(0, 300)}`);
    return performance.now() - started;
  };
  const coldMs = await call(0);
  const latencies: number[] = [];
  for (let i = 1; i <= samples; i += 1) latencies.push(await call(i));
  return { coldMs, latencies };
};
