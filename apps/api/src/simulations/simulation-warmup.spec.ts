import { d } from '@levier/indicators';
import type { IndicatorsService } from '../indicators/savings/indicators.service';
import { ReadModelCache } from '../indicators/savings/read-model-cache';
import type { TenantDb } from '../platform/database/tenant-db';
import type { ReallocationRepository } from '../reallocation/reallocation.repository';
import type { AuthUser } from '../tenancy/auth-user';
import { SimulationWarmup } from './simulation-warmup';

/** A cache whose NOTIFY listener is up (what `listen` sets), without PostgreSQL. */
const listeningCache = (): ReadModelCache => {
  const cache = new ReadModelCache({ databaseUrl: 'postgres://unused' } as ConstructorParameters<typeof ReadModelCache>[0]);
  Object.assign(cache, { listening: true });
  return cache;
};

const user = (organisationId: string): AuthUser => ({ id: 'u1', email: 'directeur@x.test', organisationId, roles: [{ role: 'director', orgUnitId: null }] });
const settle = () => new Promise((resolve) => setImmediate(resolve));

const setup = () => {
  const cache = listeningCache();
  const cellReads: string[] = [];
  let spendScans = 0;
  const indicators = {
    simulationCells: (u: AuthUser, scope: { orgUnit?: string; from?: string }) => {
      cellReads.push(`${u.organisationId}:${scope.orgUnit}:${scope.from}`);
      return Promise.resolve(null);
    },
  } as unknown as IndicatorsService;
  const reallocation = {
    spendByYear: () => {
      spendScans += 1;
      return Promise.resolve(new Map([['2024', d('1000.50')]]));
    },
  } as unknown as ReallocationRepository;
  const tenantDb = { run: (_organisationId: string, work: (em: unknown) => Promise<unknown>) => work({}) } as unknown as TenantDb;
  const sut = new SimulationWarmup(tenantDb, indicators, reallocation, cache);
  sut.onModuleInit();
  return { sut, cache, cellReads, spends: () => spendScans };
};

describe(SimulationWarmup.name, () => {
  it('reads the recently previewed scopes and the Σ spend again when a recompute drops them, for that organisation only', async () => {
    const { sut, cache, cellReads, spends } = setup();
    sut.remember(user('org-a'), { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' });
    sut.remember(user('org-a'), { orgUnit: 'VALMONT-NORD', from: '2024-01', to: '2024-12' });
    sut.remember(user('org-b'), { orgUnit: 'BELLERIVE', from: '2024-01', to: '2024-12' });
    expect((await sut.spendByYear('org-a')).get('2024')?.toFixed(2)).toBe('1000.50');
    expect(spends()).toBe(1);
    // cached: no second scan until a recompute commits
    await sut.spendByYear('org-a');
    expect(spends()).toBe(1);

    cache.invalidate('org-a');
    await settle();
    await settle();
    expect(cellReads).toEqual(['org-a:VALMONT-NORD:2024-01', 'org-a:VALMONT:2024-01']);
    expect(spends()).toBe(2);
    // read again, so the next preview finds it ready
    await sut.spendByYear('org-a');
    expect(spends()).toBe(2);
  });

  it('does not scan the Σ spend again for an organisation that never needed it', async () => {
    const { sut, cache, cellReads, spends } = setup();
    sut.remember(user('org-a'), { orgUnit: 'VALMONT', from: '2024', to: '2024' });
    cache.invalidate('org-a');
    await settle();
    expect(cellReads).toEqual(['org-a:VALMONT:2024']);
    expect(spends()).toBe(0);
  });
});
