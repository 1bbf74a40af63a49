import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { d, parseLevers, parseScenario, simulate } from '@levier/indicators';
import { IndicatorsService } from '../../apps/api/src/indicators/savings/indicators.service';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { ReallocationRecomputeService } from '../../apps/api/src/indicators/reallocation/reallocation-recompute.service';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { addSmallUnit } from '../factories/small-unit.factory';
import { createScopedUser } from '../factories/scoped-users.factory';

type Headers = { Authorization: string };
type Aggregate = Record<string, unknown> & { services: Record<string, Record<string, unknown>> };

/** Every decimal string of a value, by path (`ledger.DEPARTEMENT.net`). */
const leaves = (value: unknown, path = ''): [string, string][] => {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path === '' ? key : `${path}.${key}`));
};
const LINEAR = /^(grossSavings|cost|netSavings|cashable|nonCashable|publicSavings|publicCost|publicNetSavings|byPayer|costByPayer|ledger|eventsByOutcome)/;

/**
 * The lever simulator through the API (issue 18): previews on the demo's Méthode 2 (delta exactly zero for scale × 1,
 * (f − 1) × the service's baseline for scale × f, the fongibilité headroom of a move between M57 functions as the
 * reallocation summary computes it, staff costs outside fongibilité), bad levers refused in French naming the lever,
 * saved simulations recomputed at each read, audited, and scoped by tenant, subtree and role.
 */
jest.setTimeout(120_000);

describe('lever simulator (/api/simulations)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let valmontId: string;
  let director: Headers;
  let finance: Headers;
  let viewer: Headers;
  let bellerive: Headers;
  let north: Headers;
  const http = () => request(api.app.getHttpServer());
  const scope = { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' };
  const move = { kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' };
  const preview = (headers: Headers, levers: unknown[], where: Record<string, string> = scope) =>
    http()
      .post('/api/simulations/preview')
      .set(headers)
      .send({ ...where, levers });

  beforeAll(async () => {
    ({ api, valmontId } = await startDemoApi());
    const ds = await api.db.dataSource();
    await addSmallUnit(ds, valmontId);
    await createScopedUser(ds, 'CCAS de Valmont', 'nord@valmont.test', [
      ['director', 'VALMONT-NORD'],
      ['viewer', null],
    ]);
    worker = await startDemoWorker(api);
    await worker.get(RecomputeService).recompute(valmontId, []);
    // the reallocation read model takes the small unit's spend into the year's real expenditure (spend proxy)
    await worker.get(ReallocationRecomputeService).recompute(valmontId);
    director = await loginAs(api.app, 'directeur@valmont.demo');
    finance = await loginAs(api.app, 'finance@valmont.demo');
    viewer = await loginAs(api.app, 'lecteur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
    north = await loginAs(api.app, 'nord@valmont.test');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('answers baseline, simulated and delta as Méthode 2 aggregates with the ledger and services, the baseline equal to the dashboard', async () => {
    const res = (await preview(director, [move]).expect(200)).body as {
      baseline: Aggregate;
      simulated: Aggregate;
      delta: Aggregate;
      ranges: { baseline: { low: Aggregate; high: Aggregate }; simulated: { low: Aggregate; high: Aggregate } } | null;
      conventions: number;
      services: Record<string, { label: string; functionCode: string }>;
    };
    const summary = (await http().get('/api/indicators/summary').query(scope).set(director).expect(200)).body;
    expect(res.conventions).toBe(2);
    const { services: _services, ...totals } = res.baseline;
    expect(summary).toMatchObject(totals);
    expect(res.baseline.ledger).toEqual(summary.ledger);
    expect(Object.keys(res.baseline.services)).toEqual(expect.arrayContaining(['PORTAGE_REPAS', 'SAAD']));
    expect(res.services.SAAD).toMatchObject({ functionCode: '423' });
    // the money leaves meal delivery and reaches SAAD: each one's cost moves by the amount (discounted as spend is)
    expect(d(res.delta.services.PORTAGE_REPAS.cost as string).isNegative()).toBe(true);
    expect(d(res.delta.services.SAAD.cost as string).isPositive()).toBe(true);
    expect(
      d(res.delta.cost as string)
        .abs()
        .lt(d(res.delta.services.SAAD.cost as string)),
    ).toBe(true);
    // delta = simulated − baseline, key by key, to the cent
    for (const [path, value] of leaves(res.delta).filter(([p]) => LINEAR.test(p))) {
      const get = (a: unknown) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], a) as string | undefined;
      expect([
        path,
        d(get(res.simulated) ?? '0')
          .minus(get(res.baseline) ?? '0')
          .toFixed(2),
      ]).toEqual([path, d(value).toFixed(2)]);
    }
    expect(res.ranges?.simulated.low.services.SAAD).toBeDefined();
  });

  it('gives a delta of exactly zero for scale × 1, and (f − 1) × the service’s baseline for scale × f, to the cent', async () => {
    const one = (await preview(director, [{ kind: 'scale', service: 'SAAD', factor: '1' }]).expect(200)).body;
    expect(one.simulated).toEqual(one.baseline);
    expect(leaves(one.delta).filter(([, v]) => !d(v).isZero())).toEqual([]);

    const factor = '1.2';
    const scaled = (await preview(finance, [{ kind: 'scale', service: 'SAAD', factor }]).expect(200)).body;
    const baseline = new Map(leaves(scaled.baseline.services.SAAD));
    const off = leaves(scaled.delta)
      .filter(([path]) => !path.startsWith('services.') && LINEAR.test(path))
      .filter(([path, delta]) =>
        d(delta)
          .minus(
            d(factor)
              .minus(1)
              .times(baseline.get(path) ?? '0'),
          )
          .abs()
          .gt('0.01'),
      );
    expect(off).toEqual([]);
    expect(d(scaled.delta.netSavings).isZero()).toBe(false);
  });

  it('answers what the engine gives on the scope’s figures (simulate on the exported scenario), from the read model', async () => {
    // the full computation: the scope's scenario (figures summed over its units) run through the engine, services merged
    const [{ id }] = await (await api.db.dataSource()).query(`SELECT id FROM app_user WHERE email = 'directeur@valmont.demo'`);
    const user: AuthUser = { id, email: 'directeur@valmont.demo', organisationId: valmontId, roles: [{ role: 'director', orgUnitId: null }] };
    const full = async (where: typeof scope, levers: unknown[]) => {
      const scoped = await api.app.get(IndicatorsService).scopeScenario(user, where);
      const parsed = parseScenario(scoped.document);
      const read = parseLevers(levers);
      if (!parsed.ok || !read.ok) throw new Error('scénario ou leviers refusés');
      return JSON.parse(JSON.stringify(simulate(parsed.scenario, read.levers, { groups: scoped.groups })));
    };
    const cases: [typeof scope, unknown[]][] = [
      [scope, [move]],
      [scope, [{ kind: 'scale', service: 'SAAD', factor: '1.2' }]],
      [
        scope,
        [
          { kind: 'scale', service: 'PORTAGE_REPAS', factor: '0.65' },
          move,
          { kind: 'redeploy', fromService: 'SAAD', toService: 'PORTAGE_REPAS', fteDays: '40', dailyCost: '185' },
        ],
      ],
      [{ orgUnit: 'VALMONT', from: '2023-01', to: '2024-12' }, [{ ...move, amount: '12345.67' }]],
    ];
    for (const [where, levers] of cases) {
      const fast = (await preview(director, levers, where).expect(200)).body;
      const expected = await full(where, levers);
      for (const key of ['baseline', 'simulated', 'delta', 'ranges'] as const)
        expect([where, levers, key, fast[key]]).toEqual([where, levers, key, expected[key]]);
    }
  });

  it('states the year’s fongibilité headroom of a move between M57 functions, as the reallocation summary computes it', async () => {
    const res = (await preview(director, [move]).expect(200)).body;
    const realloc = (await http().get('/api/indicators/reallocation').query({ from: '2024', to: '2024' }).set(director).expect(200)).body;
    expect(res.checks).toHaveLength(1);
    const [check] = res.checks;
    expect(check).toMatchObject({ lever: 1, kind: 'FONGIBILITE', fromFunction: '4238', toFunction: '423', amount: '50000.00' });
    const [year] = check.years;
    expect(year.year).toBe('2024');
    expect(year.amount).toBe('50000.00');
    expect(year.realExpenditure).toBe(realloc.realExpenditure);
    expect(year.used).toBe(realloc.fongibiliteVolume);
    const capacity = d(realloc.fongibiliteLimit).times(realloc.realExpenditure);
    expect(year.headroomBefore).toBe(capacity.minus(realloc.fongibiliteVolume).toFixed(2));
    expect(year.headroomAfter).toBe(capacity.minus(realloc.fongibiliteVolume).minus(50000).toFixed(2));
    expect(check.status).toBe(d(year.headroomAfter).isNegative() ? 'depassement' : 'ok');
    expect(check.message).toMatch(/fongibilité/);
    // the services in words (their labels), never their codes
    expect(check.message).toContain('de « Portage de repas à domicile » vers « Aide à domicile renforcée (SAAD) »');
    expect(check.message).not.toContain('PORTAGE_REPAS');
    expect(check.message).toMatch(check.status === 'ok' ? /marge restante/ : /dépassement/);

    // a second move in the same year takes from what the first one left
    const two = (await preview(director, [move, { ...move, amount: '1000' }]).expect(200)).body;
    expect(two.checks[1].years[0].headroomBefore).toBe(two.checks[0].years[0].headroomAfter);
  });

  it('flags staff costs (a redeployment, a move from chapter 012) as outside fongibilité', async () => {
    const res = (
      await preview(director, [
        { kind: 'redeploy', fromService: 'PORTAGE_REPAS', toService: 'SAAD', fteDays: '40', dailyCost: '185' },
        { ...move, amount: '1000', chapter: '012' },
      ]).expect(200)
    ).body;
    expect(res.checks.map((c: { kind: string; amount: string }) => [c.kind, c.amount])).toEqual([
      ['PERSONNEL_HORS_FONGIBILITE', '7400.00'],
      ['PERSONNEL_HORS_FONGIBILITE', '1000.00'],
    ]);
    expect(res.checks[0].message).toMatch(/chapitre 012.*hors fongibilité/);
  });

  it('refuses bad levers with a 400 in French naming the lever and the reason, never a partial answer', async () => {
    const refused = async (levers: unknown[], pattern: RegExp, where: Record<string, string> = scope) => {
      const res = await preview(director, levers, where).expect(400);
      expect(res.body.detail).toMatch(pattern);
      expect(res.body.baseline).toBeUndefined();
    };
    await refused([{ kind: 'scale', service: 'INCONNU', factor: '2' }], /levier 1 \(scale INCONNU\).*inconnu/);
    await refused([{ kind: 'scale', service: 'SAAD', factor: '0' }], /levier 1 \(scale SAAD\).*strictement positif/);
    await refused([{ kind: 'scale', service: 'SAAD', factor: '-1.5' }], /facteur doit être strictement positif/);
    await refused([{ ...move, amount: '999999999' }], /levier 1 \(move PORTAGE_REPAS → SAAD\).*dépasse la dépense du service source/);
    await refused([{ ...move, toService: 'PORTAGE_REPAS' }], /levier 1 .*ne peut pas déplacer vers le service dont il part/);
    await refused([{ kind: 'scale', service: 'SAAD', factor: '1.1' }, { kind: 'swap' }], /levier 2 .*type de levier inconnu/);
    await refused([], /au moins un levier/);
    // a service without figures in the scope is out of it: the small unit runs meal delivery only
    await refused([{ kind: 'scale', service: 'SAAD', factor: '2' }], /levier 1 \(scale SAAD\).*hors périmètre/, { ...scope, orgUnit: 'VALMONT-MINI' });
    // another tenant's service is unknown here
    const other = await preview(bellerive, [{ kind: 'scale', service: 'AED', factor: '2' }], { orgUnit: 'BELLERIVE', from: '2024-01', to: '2024-12' }).expect(
      400,
    );
    expect(other.body.detail).toMatch(/levier 1 \(scale AED\)/);
    const body = await http().post('/api/simulations/preview').set(director).send(scope).expect(400);
    expect(JSON.stringify(body.body)).toMatch(/levers : une liste de leviers est attendue/);
  });

  it('saves a simulation (201 { id }), lists it, and recomputes it on the current data at each read; audited', async () => {
    const created = await http()
      .post('/api/simulations')
      .set(director)
      .send({ name: 'Portage → SAAD, 50 000 €', scope, levers: [move] })
      .expect(201);
    expect(Object.keys(created.body)).toEqual(['id']);
    const id = created.body.id as string;

    const list = await http().get('/api/simulations').set(finance).expect(200);
    expect(list.headers['content-range']).toMatch(/^simulations 0-\d+\/\d+$/);
    expect(list.body.find((s: { id: string }) => s.id === id)).toMatchObject({
      name: 'Portage → SAAD, 50 000 €',
      scope: { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
    });

    const first = (await http().get(`/api/simulations/${id}`).set(director).expect(200)).body;
    expect(first.levers).toEqual([{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }]);
    expect(first.problems).toEqual([]);
    expect(first.checks[0].kind).toBe('FONGIBILITE');

    // new data: SAAD's December spend doubles; the saved simulation is recomputed on it
    const ds = await api.db.dataSource();
    await ds.query(
      `UPDATE figure f SET value = value * 2 FROM service s, metric m
        WHERE f.service_id = s.id AND f.metric_id = m.id AND s.code = 'SAAD' AND m.code = 'spend' AND f.period = '2024-12' AND f.organisation_id = $1`,
      [valmontId],
    );
    await worker.get(RecomputeService).recompute(valmontId, []);
    const second = (await http().get(`/api/simulations/${id}`).set(director).expect(200)).body;
    expect(second.baseline.services.SAAD.cost).not.toBe(first.baseline.services.SAAD.cost);

    const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity = 'simulation' AND entity_id = $1`, [id]);
    expect(audit).toEqual([expect.objectContaining({ action: 'simulation.create' })]);

    // a bad lever is never saved
    await http()
      .post('/api/simulations')
      .set(director)
      .send({ name: 'trop', scope, levers: [{ ...move, amount: '999999999' }] })
      .expect(400);
  });

  it('isolates tenants and subtrees: 404 across tenants and outside the caller’s subtree; viewers neither read nor write', async () => {
    const { id } = (
      await http()
        .post('/api/simulations')
        .set(finance)
        .send({ name: 'Valmont', scope, levers: [move] })
        .expect(201)
    ).body;
    await http().get(`/api/simulations/${id}`).set(bellerive).expect(404);
    await http().delete(`/api/simulations/${id}`).set(bellerive).expect(404);
    expect((await http().get('/api/simulations').set(bellerive).expect(200)).body.map((s: { id: string }) => s.id)).not.toContain(id);
    await preview(bellerive, [move], scope).expect(404);

    // a director of the northern antenna only: neither the organisation's simulations nor its scope
    await http().get(`/api/simulations/${id}`).set(north).expect(404);
    expect((await http().get('/api/simulations').set(north).expect(200)).body).toEqual([]);
    await preview(north, [move]).expect(404);
    // reading the whole organisation as a viewer does not let a lever's error message tell its spend
    await preview(north, [{ ...move, amount: '999999999' }]).expect(404);
    await preview(north, [move], { ...scope, orgUnit: 'VALMONT-NORD' }).expect(200);

    await http().get('/api/simulations').set(viewer).expect(403);
    await http().get(`/api/simulations/${id}`).set(viewer).expect(403);
    await preview(viewer, [move]).expect(403);
    await http()
      .post('/api/simulations')
      .set(viewer)
      .send({ name: 'x', scope, levers: [move] })
      .expect(403);

    await http().delete(`/api/simulations/${id}`).set(director).expect(200);
    await http().get(`/api/simulations/${id}`).set(director).expect(404);
  });
});
