import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { TenantDb } from '../platform/database/tenant-db';
import { IndicatorInputsRepository } from '../indicators/savings/indicator-inputs.repository';
import { ServiceFundingRepository } from '../funding/service-funding.repository';
import { RecomputeService } from '../indicators/savings/recompute.service';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `levier recompute [--organisation NAME]`: full rebuild of the savings read model, synchronously, without the queue. */
export const runRecompute = async (config: AppConfig, argv: string[], io: Io): Promise<number> => {
  const nameIndex = argv.indexOf('--organisation');
  const name = nameIndex >= 0 ? argv[nameIndex + 1] : undefined;
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-recompute', poolSize: 2 })).initialize();
  try {
    const organisations: { id: string; name: string }[] = await ds.query(
      `SELECT id, name FROM organisation WHERE ($1::text IS NULL OR name = $1) ORDER BY name`,
      [name ?? null],
    );
    if (organisations.length === 0) {
      io.stderr(name ? `Organisation « ${name} » introuvable.` : 'Aucune organisation.');
      return 2;
    }
    const sut = new RecomputeService(new TenantDb(ds), new IndicatorInputsRepository(new ServiceFundingRepository()));
    for (const org of organisations) {
      const started = Date.now();
      const { rows } = await sut.recompute(org.id, []);
      io.stdout(`${org.name} : ${rows} valeurs recalculées en ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    return 0;
  } finally {
    await ds.destroy();
  }
};
