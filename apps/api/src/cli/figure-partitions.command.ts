import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { ensureFigurePartitions, figurePartitionName, listFigurePartitions } from '../figures/figure-partitions';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/**
 * `levier figures:partitions`: makes sure the partitions of `figure` for this year and the next exist (the writer creates
 * the years it writes, whatever they are; this keeps the coming year ready for direct loads too), then lists each yearly
 * partition with its estimated rows and size.
 */
export const runFigurePartitions = async (config: AppConfig, io: Io, now = new Date()): Promise<number> => {
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-figure-partitions', poolSize: 1 })).initialize();
  try {
    const created = await ensureFigurePartitions(ds, [now.getUTCFullYear(), now.getUTCFullYear() + 1]);
    if (created.length > 0) io.stdout(`Créées : ${created.map(figurePartitionName).join(', ')}`);
    const partitions = await listFigurePartitions(ds);
    io.stdout(
      partitions.map((p) => `${p.name} : environ ${p.rows} chiffres, ${Math.round(p.bytes / 1024)} Kio`).join('\n') ||
        'Aucune partition de chiffres (la migration 1795870000000 n’est pas appliquée ?).',
    );
    return 0;
  } finally {
    await ds.destroy();
  }
};
