import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { writeAudited } from '../platform/audit/audited-tenant-writer';
import { PlatformOperatorRepository } from '../operations/platform-operator.repository';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

export const OPERATOR_USAGE =
  'levier operator:grant --email E [--retry]   fait d’un compte existant un opérateur de l’instance (tableau des files d’attente ;\n' +
  '                                            --retry : peut aussi relancer les tâches en échec)\n' +
  'levier operator:revoke --email E           retire ce droit\n' +
  'levier operator:list                       liste les opérateurs de l’instance';

const emailOf = (argv: string[]): string | undefined => {
  const i = argv.indexOf('--email');
  const email = i >= 0 ? argv[i + 1]?.trim().toLowerCase() : undefined;
  return email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined;
};

/**
 * `levier operator:grant|revoke|list`: instance operators (the people who run the deployment) may open the queue
 * dashboard, which shows every organisation's jobs. Only from the command line, never through the API; each grant and
 * revocation is audited in the account's organisation.
 */
export const runOperator = async (config: AppConfig, command: 'grant' | 'revoke' | 'list', argv: string[], io: Io): Promise<number> => {
  const email = emailOf(argv);
  if (command !== 'list' && email === undefined) {
    io.stderr(`--email doit être l’adresse d’un compte existant.\n\n${OPERATOR_USAGE}`);
    return 2;
  }
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-operator', poolSize: 1 })).initialize();
  const operators = new PlatformOperatorRepository();
  try {
    if (command === 'list') {
      const rows = await operators.list(ds.manager);
      io.stdout(
        rows.length === 0 ? 'Aucun opérateur de l’instance.' : rows.map((r) => `${r.email}${r.mayRetry ? ' (peut relancer)' : ' (lecture seule)'}`).join('\n'),
      );
      return 0;
    }
    return await ds.transaction(async (em) => {
      const user = await operators.accountByEmail(em, email ?? '');
      if (user === null) {
        io.stderr(`Aucun compte pour ${email ?? ''}.`);
        return 2;
      }
      const rights = await operators.rightsOf(em, user.id);
      const previous = rights === null ? null : { operator: true, mayRetry: rights.mayRetry };
      // the command is the system (no actor), audited in the account's organisation
      const system = { id: null, organisationId: user.organisationId };
      if (command === 'grant') {
        const mayRetry = argv.includes('--retry');
        await writeAudited(em, system, { entity: 'user', action: 'operator.grant' }, async () => {
          await operators.grant(em, user.id, mayRetry);
          return { value: undefined, entityId: user.id, before: previous, after: { operator: true, mayRetry } };
        });
        io.stdout(`${email ?? ''} est opérateur de l’instance${mayRetry ? ', autorisé à relancer les tâches en échec' : ', en lecture seule'}.`);
        return 0;
      }
      if (previous === null) {
        io.stderr(`${email ?? ''} n’est pas opérateur de l’instance.`);
        return 2;
      }
      await writeAudited(em, system, { entity: 'user', action: 'operator.revoke' }, async () => {
        await operators.revoke(em, user.id);
        return { value: undefined, entityId: user.id, before: previous, after: null };
      });
      io.stdout(`${email ?? ''} n’est plus opérateur de l’instance.`);
      return 0;
    });
  } finally {
    await ds.destroy();
  }
};
