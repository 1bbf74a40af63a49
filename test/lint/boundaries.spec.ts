import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The house's boundaries are lint rules (eslint.config.mjs, `BOUNDARY_ZONES`): each probe is a small file placed,
 * in memory, inside a zone; it imports a real file across the boundary, and ESLint must report it.
 */
const ROOT = join(__dirname, '..', '..');

interface Probe {
  name: string;
  filePath: string;
  code: string;
}
interface Reported {
  ruleId: string | null;
  message: string;
}

const lint = (probes: Probe[]): Reported[][] =>
  JSON.parse(
    execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], {
      cwd: ROOT,
      input: JSON.stringify(probes.map(({ filePath, code }) => ({ filePath: join(ROOT, filePath), code }))),
      encoding: 'utf8',
    }),
  ) as Reported[][];

const crossings: Probe[] = [
  {
    name: 'the engine imports an application',
    filePath: 'libs/indicators/src/probe.ts',
    code: "import { Organisation } from '../../../apps/api/src/tenancy/organisation.entity';\nexport const probe = Organisation;\n",
  },
  {
    name: 'platform/ imports a feature',
    filePath: 'apps/api/src/platform/database/probe.ts',
    code: "import { Organisation } from '../../tenancy/organisation.entity';\nexport const probe = Organisation;\n",
  },
  {
    name: 'platform/ imports the entity list',
    filePath: 'apps/api/src/platform/database/probe.ts',
    code: "import { DATABASE_ENTITIES } from '../../database-entities';\nexport const probe = DATABASE_ENTITIES;\n",
  },
  {
    name: 'figures/ calls indicators/ instead of enqueuing a recompute',
    filePath: 'apps/api/src/figures/probe.ts',
    code: "import { RecomputeService } from '../indicators/savings/recompute.service';\nexport const probe = RecomputeService;\n",
  },
  {
    name: 'the admin imports the API’s code',
    filePath: 'apps/admin/src/probe.ts',
    code: "import { Organisation } from '../../api/src/tenancy/organisation.entity';\nexport const probe = Organisation;\n",
  },
  {
    name: 'the contract imports the API’s code',
    filePath: 'libs/contracts/src/probe.ts',
    code: "import { ROLES } from '../../../apps/api/src/tenancy/role-assignment.entity';\nexport const probe = ROLES;\n",
  },
  {
    name: 'a processor is registered outside a worker module',
    filePath: 'apps/api/src/indicators/probe.module.ts',
    code: "import { IndicatorsProcessor } from './indicators.processor';\nexport const probe = IndicatorsProcessor;\n",
  },
];

const allowed: Probe[] = [
  {
    name: 'the admin imports the contract and the engine',
    filePath: 'apps/admin/src/probe.ts',
    code: "import { ROUTE_POLICY } from '@levier/contracts';\nimport { d } from '@levier/indicators';\nexport const probe = [ROUTE_POLICY, d];\n",
  },
  {
    name: 'platform/ imports platform/',
    filePath: 'apps/api/src/platform/database/probe.ts',
    code: "import { AppConfig } from '../config/app-config';\nexport type Probe = AppConfig;\n",
  },
  {
    name: 'a worker module registers its processor',
    filePath: 'apps/api/src/indicators/indicators-worker.module.ts',
    code: "import { IndicatorsProcessor } from './indicators.processor';\nexport const probe = IndicatorsProcessor;\n",
  },
  {
    name: 'a feature imports platform/ and the engine',
    filePath: 'apps/api/src/figures/probe.ts',
    code: "import { AppConfig } from '../platform/config/app-config';\nimport { d } from '@levier/indicators';\nexport type Probe = AppConfig;\nexport const probe = d;\n",
  },
];

const hooks: Probe = {
  name: 'a hook called under a condition in the admin',
  filePath: 'apps/admin/src/probe.tsx',
  code: "import { useState } from 'react';\nexport const Probe = ({ on }: { on: boolean }) => {\n  if (on) useState(0);\n  return null;\n};\n",
};

describe('lint boundaries', () => {
  const reported = lint([...crossings, ...allowed, hooks]);
  const ruleIds = (index: number): (string | null)[] => reported[index].map((m) => m.ruleId);

  it.each(crossings.map((probe, index) => [probe.name, index] as const))('reports a crossing: %s', (_name, index) => {
    expect(ruleIds(index)).toContain('import-x/no-restricted-paths');
  });

  it.each(allowed.map((probe, index) => [probe.name, crossings.length + index] as const))('lets through: %s', (_name, index) => {
    expect(ruleIds(index)).not.toContain('import-x/no-restricted-paths');
  });

  it('reports a hook called under a condition in the admin', () => {
    expect(ruleIds(crossings.length + allowed.length)).toContain('react-hooks/rules-of-hooks');
  });
});
