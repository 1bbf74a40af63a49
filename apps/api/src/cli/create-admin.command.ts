import { DataSource } from 'typeorm';
import { AppConfig } from '../platform/config/app-config';
import { appDataSourceOptions } from '../app-data-source-options';
import { Organisation, ORGANISATION_TYPES, OrganisationType } from '../tenancy/organisation.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { User } from '../tenancy/user.entity';
import { RoleAssignment } from '../tenancy/role-assignment.entity';
import { writeAudited } from '../platform/audit/audited-tenant-writer';
import { hashPassword } from '../tenancy/password-hasher';
import { passwordProblem } from '../tenancy/password-policy';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const option = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

export const CREATE_ADMIN_USAGE =
  'levier create-admin --organisation "CCAS de Exemple" --code EXEMPLE --email admin@exemple.fr [--type CCAS] [--name "Nom affiché"]\n' +
  '  le mot de passe (12 caractères au moins) est lu dans la variable LEVIER_ADMIN_PASSWORD, jamais sur la ligne de commande';

/**
 * Bootstraps a real deployment: an organisation (created when missing) with its root org unit, and a first admin
 * account. Never a demo account: it works whatever DEMO_MODE says.
 */
export const runCreateAdmin = async (config: AppConfig, argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  const name = option(argv, 'organisation');
  const code = option(argv, 'code');
  const email = option(argv, 'email')?.trim().toLowerCase();
  const type = (option(argv, 'type') ?? 'CCAS') as OrganisationType;
  const password = env.LEVIER_ADMIN_PASSWORD ?? '';
  const problems = [
    ...(name ? [] : ['--organisation est requis']),
    ...(code && /^[A-Z0-9-]{2,64}$/.test(code) ? [] : ['--code est requis (majuscules, chiffres, tirets)']),
    ...(email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? [] : ['--email doit être une adresse valide']),
    ...(ORGANISATION_TYPES.includes(type) ? [] : [`--type doit valoir ${ORGANISATION_TYPES.join(', ')}`]),
    ...((problem) => (problem === null ? [] : [`LEVIER_ADMIN_PASSWORD refusé : ${problem}`]))(passwordProblem(password, email ?? '')),
  ];
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n\n${CREATE_ADMIN_USAGE}`);
    return 2;
  }
  const ds = await new DataSource(appDataSourceOptions(config.databaseUrl, { applicationName: 'levier-create-admin', poolSize: 1 })).initialize();
  try {
    return await ds.transaction(async (em) => {
      if (await em.findOne(User, { where: { email } })) {
        io.stderr(`Un compte existe déjà pour ${email}.`);
        return 2;
      }
      const org =
        (await em.findOne(Organisation, { where: { name } })) ?? (await em.save(Organisation, em.create(Organisation, { name, type, budgetFramework: 'M57' })));
      const root =
        (await em.findOne(OrgUnit, { where: { organisationId: org.id, code } })) ??
        (await em.save(OrgUnit, em.create(OrgUnit, { organisationId: org.id, code, name, parentId: null })));
      await writeAudited(em, { id: null, organisationId: org.id }, { entity: 'user', action: 'user.bootstrap_admin' }, async () => {
        const created = await em.save(
          User,
          em.create(User, {
            email,
            displayName: option(argv, 'name') ?? 'Administrateur',
            passwordHash: await hashPassword(password),
            organisationId: org.id,
            isDemo: false,
          }),
        );
        await em.save(RoleAssignment, em.create(RoleAssignment, { organisationId: org.id, userId: created.id, role: 'admin', orgUnitId: null }));
        return { value: undefined, entityId: created.id, after: { email, organisation: name, rootUnit: root.code } };
      });
      io.stdout(`Administrateur ${email} créé pour « ${org.name} » (unité racine ${root.code}).`);
      return 0;
    });
  } finally {
    await ds.destroy();
  }
};
