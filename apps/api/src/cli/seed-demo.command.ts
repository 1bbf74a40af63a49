import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { seedDemo } from '../demo/seed-demo';
import { DEMO_PASSWORD, DEMO_TENANTS } from '../demo/demo-tenants';
import { ROLE_NAMES } from '../tenancy/role-names';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

export const demoLogins = (): string =>
  DEMO_TENANTS.flatMap((t) => t.users.map((u) => `  ${u.email.padEnd(28)} ${ROLE_NAMES[u.role].padEnd(21)} ${t.name}`)).join('\n') +
  `\n  (mot de passe : ${DEMO_PASSWORD})`;

export const runSeedDemo = async (config: AppConfig, io: Io): Promise<number> => {
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-seed', poolSize: 2 })).initialize();
  try {
    const result = await seedDemo(ds);
    for (const o of result.organisations) io.stdout(`Démo créée : ${o.name} (${o.figures} chiffres)`);
    for (const name of result.skipped) io.stdout(`Démo déjà présente : ${name}`);
    return 0;
  } finally {
    await ds.destroy();
  }
};
