import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

/**
 * Publishing a new method never changes what was approved under an older one: on the demo, 2023 was approved under
 * method 1 (conventions 1) and « tel que publié » keeps its numbers and says so; « méthode actuelle » shows method 2.
 */
describe('method history on the dashboard (tel que publié / méthode actuelle)', () => {
  let api: TestApi;
  let director: { Authorization: string };
  const http = () => request(api.app.getHttpServer());
  const summary = async (query: Record<string, string>) =>
    (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body as Record<string, unknown> & {
      conventions: number;
      methodologyVersion: { version: number; conventions: number; effectiveFrom: string };
      grossSavings: string;
    };

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    director = await loginAs(api.app, 'directeur@valmont.demo');
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows 2023 « tel que publié » with method 1’s numbers and names method 1, and « méthode actuelle » with method 2', async () => {
    const year2023 = { orgUnit: 'VALMONT', from: '2023-01', to: '2023-12' };
    const reported = await summary({ ...year2023, basis: 'reported' });
    const current = await summary({ ...year2023, basis: 'current' });
    expect(reported.conventions).toBe(1);
    expect(reported.methodologyVersion).toMatchObject({ version: 1, conventions: 1, effectiveFrom: '2023-01-01' });
    expect(reported).not.toHaveProperty('publicSavings');
    expect(current.conventions).toBe(2);
    expect(current.methodologyVersion).toMatchObject({ version: 2, conventions: 2, effectiveFrom: '2024-01-01' });
    expect(current).toHaveProperty('publicSavings');
    expect(reported.grossSavings).not.toBe(current.grossSavings);
  });

  it('computes 2024 under method 2, the method in force by its effective date', async () => {
    const res = await summary({ orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' });
    expect(res.methodologyVersion).toMatchObject({ version: 2, conventions: 2 });
    expect(Number(res.publicSavings)).toBeLessThan(Number(res.grossSavings));
  });
});
