import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ensureDatabase } from '../platform/database/ensure-database';
import { appDataSourceOptions } from '../app-data-source-options';

/** SQL that would bring the migrated schema to the entities: empty when migrations and entities agree. */
export const schemaDrift = async (dataSource: DataSource): Promise<{ up: string[]; down: string[] }> => {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
};

const quote = (s: string): string => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

export const renderMigration = (
  name: string,
  timestamp: number,
  drift: { up: string[]; down: string[] },
): string => `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${drift.up.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...drift.down]
  .reverse()
  .map((q) => `    await queryRunner.query(${quote(q)});`)
  .join('\n')}
  }
}
`;

export const runMigrations = async (databaseUrl: string, log: (s: string) => void): Promise<void> => {
  await ensureDatabase(databaseUrl);
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-migrate', poolSize: 2 })).initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    log(applied.length === 0 ? 'Base de données à jour (aucune migration à appliquer).' : `Migrations appliquées : ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await ds.destroy();
  }
};

export const revertMigration = async (databaseUrl: string, log: (s: string) => void): Promise<void> => {
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-migrate', poolSize: 2 })).initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
    log('Dernière migration annulée.');
  } finally {
    await ds.destroy();
  }
};

/** Writes `migrations/<timestamp>-<Name>.ts` with what the entities need beyond the migrated schema. */
export const generateMigration = async (databaseUrl: string, name: string, migrationsDir: string, now: Date, log: (s: string) => void): Promise<number> => {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    log('Le nom de migration doit être en PascalCase, par exemple AddFigureIndexes.');
    return 2;
  }
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-migrate', poolSize: 2 })).initialize();
  try {
    const drift = await schemaDrift(ds);
    if (drift.up.length === 0) {
      log('Aucun changement : le schéma migré correspond aux entités.');
      return 0;
    }
    const timestamp = now.getTime();
    const file = path.join(migrationsDir, `${timestamp}-${name}.ts`);
    await writeFile(file, renderMigration(name, timestamp, drift));
    log(`Migration écrite : ${file} (ajoutez-la à migrations/index.ts et relisez son SQL)`);
    return 0;
  } finally {
    await ds.destroy();
  }
};
