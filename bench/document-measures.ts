import type { BenchTenant } from './bench-tenant';

/**
 * The dossier méthodologique (issue 19) of the bench's whole organisation (a département at scale M) for a year: the
 * time to the last byte, its pages, and the API's responsiveness meanwhile — `GET /api/health` polled every 50 ms
 * during the generation, its worst latency telling whether the document held the event loop.
 */
export const measureDossier = async (
  url: string,
  token: string,
  tenant: BenchTenant,
): Promise<{ seconds: number; bytes: number; pages: number; healthMaxMs: number; healthPolls: number }> => {
  const headers = { authorization: `Bearer ${token}` };
  let generating = true;
  const pings: number[] = [];
  const poll = (async () => {
    while (generating) {
      const started = performance.now();
      // a refused or failed poll is a worst case too, never a crash of the measure
      await fetch(`${url}/api/health`).then(
        (res) => res.arrayBuffer(),
        () => null,
      );
      pings.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const res = await fetch(`${url}/api/documents/dossier-methodologique?orgUnit=${tenant.rootCode}&from=2024-01&to=2024-12`, { headers });
  const pdf = Buffer.from(await res.arrayBuffer());
  const seconds = (performance.now() - started) / 1000;
  generating = false;
  await poll;
  if (res.status !== 200) throw new Error(`dossier: ${res.status} ${pdf.toString('utf8').slice(0, 300)}`);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  return { seconds, bytes: pdf.length, pages, healthMaxMs: pings.length === 0 ? 0 : Math.max(...pings), healthPolls: pings.length };
};
