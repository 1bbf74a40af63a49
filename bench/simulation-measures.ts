import { BENCH_PASSWORD, BenchTenant } from './bench-tenant';
import { login } from './bench-processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lever simulator's preview (issue 18) on the whole organisation of the bench (a département at scale M) over a
 * year, as a slider moves: the first call after the product started (cold, reported apart), then `samples` previews of
 * the same scope with other amounts and factors, then `edits` times the first preview after a figure of the scope was
 * edited (a finance user corrects a leaf's person-months; the preview is sent as soon as the dashboard shows the
 * recompute, i.e. the read model changed). Latencies in ms; a non-200 answer stops the measure.
 */
export const measureSimulationPreview = async (
  url: string,
  token: string,
  tenant: BenchTenant,
  samples: number,
  edits = 5,
): Promise<{ coldMs: number; latencies: number[]; afterEditMs: number[] }> => {
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

  const finance = { authorization: `Bearer ${await login(url, tenant.financeEmail, BENCH_PASSWORD)}`, 'content-type': 'application/json' };
  const filter = encodeURIComponent(JSON.stringify({ orgUnit: tenant.leafCodes[0], service: to, metric: 'person_months', period: '2024-06' }));
  const [figure] = (await (await fetch(`${url}/api/figures?filter=${filter}`, { headers: finance })).json()) as { id: string }[];
  const summaryUrl = `${url}/api/indicators/summary?orgUnit=${tenant.rootCode}&from=2024-01&to=2024-12`;
  const grossSavings = async () => ((await (await fetch(summaryUrl, { headers })).json()) as { grossSavings: string }).grossSavings;
  const afterEditMs: number[] = [];
  for (let e = 0; e < edits; e += 1) {
    const before = await grossSavings();
    const put = await fetch(`${url}/api/figures/${figure.id}`, { method: 'PUT', headers: finance, body: JSON.stringify({ value: String(61 + e * 3) }) });
    if (!put.ok) throw new Error(`edit: ${put.status} ${await put.text()}`);
    for (let polls = 0; polls < 2000 && (await grossSavings()) === before; polls += 1) await sleep(20);
    afterEditMs.push(await call(samples + 1 + e));
  }
  return { coldMs, latencies, afterEditMs };
};
