import path from 'node:path';
import { loadConfig } from '../platform/config/app-config';
import { repoRoot } from '../platform/repo-root';
import { runCompute } from './compute.command';
import { generateMigration, revertMigration, runMigrations } from './migration.command';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const USAGE = `Usage : levier <commande> [options]

Commandes :
  compute FICHIER [--format json|table]   calcule un scénario levier-scenario/1 (sans base de données)
  migration:run                           applique les migrations en attente
  migration:revert                        annule la dernière migration
  migration:generate NomEnPascalCase      écrit une migration pour l'écart entre entités et schéma
  seed-demo                               crée les données de démonstration (Valmont, Bellerive)
  create-admin --organisation NOM --code CODE --email E   premier administrateur d'un déploiement réel
                                          (mot de passe dans LEVIER_ADMIN_PASSWORD)
  recompute [--organisation NOM]          recalcule tous les indicateurs (reconstruction complète)
  operator:grant --email E [--retry]      opérateur de l'instance : tableau des files d'attente (--retry : relances)
  operator:revoke --email E               retire ce droit ; operator:list les liste
  audit:partitions                        crée les partitions à venir du journal d'audit et les liste
  audit:detach --year AAAA                détache la partition d'une année passée, pour l'archiver
  figures:partitions                      crée les partitions des chiffres de cette année et de la suivante et les liste
  demo                                    migre, charge la démo et lance l'API et le worker
`;

/** The `levier` command line: one dispatcher, one module per command. Returns the exit code. */
export const main = async (argv: string[], io: Io): Promise<number> => {
  const [command, ...rest] = argv;
  switch (command) {
    case 'compute':
      return runCompute(rest, io);
    case 'migration:run':
      await runMigrations(loadConfig().databaseUrl, io.stdout);
      return 0;
    case 'migration:revert':
      await revertMigration(loadConfig().databaseUrl, io.stdout);
      return 0;
    case 'migration:generate':
      return generateMigration(loadConfig().databaseUrl, rest[0] ?? '', path.join(repoRoot(), 'migrations'), new Date(), io.stdout);
    case 'seed-demo': {
      const { runSeedDemo } = await import('./seed-demo.command');
      return runSeedDemo(loadConfig(), io);
    }
    case 'create-admin': {
      const { runCreateAdmin } = await import('./create-admin.command');
      return runCreateAdmin(loadConfig(), rest, io);
    }
    case 'recompute': {
      const { runRecompute } = await import('./recompute.command');
      return runRecompute(loadConfig(), rest, io);
    }
    case 'operator:grant':
    case 'operator:revoke':
    case 'operator:list': {
      const { runOperator } = await import('./operator.command');
      return runOperator(loadConfig(), command.slice('operator:'.length) as 'grant' | 'revoke' | 'list', rest, io);
    }
    case 'audit:partitions':
    case 'audit:detach': {
      const { runAuditPartitions } = await import('./audit-partitions.command');
      return runAuditPartitions(loadConfig(), command === 'audit:detach' ? 'detach' : 'partitions', rest, io);
    }
    case 'figures:partitions': {
      const { runFigurePartitions } = await import('./figure-partitions.command');
      return runFigurePartitions(loadConfig(), io);
    }
    case 'demo': {
      const { runDemo } = await import('./demo.command');
      return runDemo(loadConfig(), io);
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`Commande inconnue « ${command} ».\n\n${USAGE}`);
      return 2;
  }
};
