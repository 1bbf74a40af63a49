import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../tenancy/auth-user';
import { User } from '../tenancy/user.entity';
import { RoleAssignment } from '../tenancy/role-assignment.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { hashPassword } from '../tenancy/password-hasher';
import { passwordProblem } from '../tenancy/password-policy';
import { LoginThrottleRepository } from '../tenancy/login-throttle.repository';
import { ListQuery } from '../platform/http/list-query';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { toUserResponse, UserResponse } from './user.mapper';
import { UsersRepository } from './users.repository';
import type { Page } from '../platform/database/page';

/** Accounts of the caller's organisation: one role each, over the organisation or an org-unit subtree. */
@Injectable()
export class UsersService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: AuditedTenantWriter,
    private readonly users: UsersRepository,
  ) {}

  list(user: AuthUser, query: ListQuery<'email' | 'displayName' | 'createdAt'>): Promise<Page<UserResponse>> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const [users, total] = await em.findAndCount(User, {
        where: { organisationId: user.organisationId },
        order: { [query.sort.field]: query.sort.order },
        skip: query.offset,
        take: query.limit,
      });
      const now = new Date();
      const waiting = await LoginThrottleRepository.waiting(
        em,
        users.map((u) => u.email),
        now,
      );
      const rows: UserResponse[] = [];
      for (const u of users) rows.push(toUserResponse(u, await this.assignment(em, u), waiting.has(u.email)));
      return { rows, total };
    });
  }

  get(user: AuthUser, id: string): Promise<UserResponse> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const found = await this.find(em, user, id);
      const waiting = await LoginThrottleRepository.waiting(em, [found.email], new Date());
      return toUserResponse(found, await this.assignment(em, found), waiting.has(found.email));
    });
  }

  create(user: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    return this.writer.write(user, { entity: 'user', action: 'user.create' }, async (em) => {
      const email = dto.email.trim().toLowerCase();
      const problem = passwordProblem(dto.password, email);
      if (problem !== null) throw new BadRequestException({ detail: problem, errors: [{ field: 'password', message: problem }] });
      const orgUnitId = await this.unitId(em, user, dto.orgUnit);
      // an address is unique across tenants, and row-level security hides the others' accounts: the unique index decides,
      // and the message does not say whether the address belongs to another organisation
      const created = await em
        .save(
          User,
          em.create(User, { email, displayName: dto.displayName, passwordHash: await hashPassword(dto.password), organisationId: user.organisationId }),
        )
        .catch((err: { code?: string }) => {
          if (err.code === '23505') throw new ConflictException('Cette adresse ne peut pas être utilisée pour un nouveau compte.');
          throw err;
        });
      await em.save(RoleAssignment, em.create(RoleAssignment, { organisationId: user.organisationId, userId: created.id, role: dto.role, orgUnitId }));
      return {
        value: toUserResponse(created, { role: dto.role, orgUnit: dto.orgUnit ?? null }, false),
        entityId: created.id,
        after: { email, role: dto.role, orgUnit: dto.orgUnit ?? null },
      };
    });
  }

  update(user: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.writer.write(user, { entity: 'user', action: 'user.update' }, async (em) => {
      const found = await this.find(em, user, id);
      const before = { ...toUserResponse(found, await this.assignment(em, found), false) };
      if (dto.displayName !== undefined) found.displayName = dto.displayName;
      if (dto.active !== undefined) found.active = dto.active;
      if (dto.password !== undefined) {
        const problem = passwordProblem(dto.password, found.email);
        if (problem !== null) throw new BadRequestException({ detail: problem, errors: [{ field: 'password', message: problem }] });
        found.passwordHash = await hashPassword(dto.password);
      }
      await em.save(User, found);
      if (dto.role !== undefined || dto.orgUnit !== undefined) {
        const orgUnitId = await this.unitId(em, user, dto.orgUnit ?? before.orgUnit ?? undefined);
        await em.delete(RoleAssignment, { userId: found.id, organisationId: user.organisationId });
        await em.save(
          RoleAssignment,
          em.create(RoleAssignment, { organisationId: user.organisationId, userId: found.id, role: dto.role ?? before.role ?? 'viewer', orgUnitId }),
        );
      }
      const after = toUserResponse(found, await this.assignment(em, found), false);
      if (dto.password !== undefined || before.active !== after.active || before.role !== after.role || before.orgUnit !== after.orgUnit) {
        // the user's open sessions end now: their access tokens stop at the next request (LiveSessionRepository)
        await this.users.revokeSessions(em, found.id);
      }
      return { value: after, entityId: found.id, before: { ...before }, after: { ...after, passwordChanged: dto.password !== undefined } };
    });
  }

  private async find(em: EntityManager, user: AuthUser, id: string): Promise<User> {
    const found = await em.findOne(User, { where: { id, organisationId: user.organisationId } });
    if (!found) throw new NotFoundException('Utilisateur introuvable.');
    return found;
  }

  private assignment(em: EntityManager, user: User): Promise<{ role: RoleAssignment['role']; orgUnit: string | null } | undefined> {
    return this.users.assignment(em, user.id);
  }

  private async unitId(em: EntityManager, user: AuthUser, code: string | undefined): Promise<string | null> {
    if (code === undefined) return null;
    const unit = await em.findOne(OrgUnit, { where: { organisationId: user.organisationId, code } });
    if (!unit) throw new NotFoundException(`Unité « ${code} » introuvable.`);
    return unit.id;
  }
}
