import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';
import { UserResponse } from './user.mapper';

@ApiTags('utilisateurs')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Comptes de l’organisation (administrateurs)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<UserResponse[]> {
    const query = parseListQuery(raw, { sortable: ['email', 'displayName', 'createdAt'] as const, defaultSort: { field: 'email', order: 'ASC' } });
    const page = await this.users.list(user, query);
    setContentRange(res, 'users', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Utilisateur introuvable.')) id: string): Promise<UserResponse> {
    return this.users.get(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Crée un compte avec un rôle, sur l’organisation ou un sous-arbre d’unités' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(user, dto);
  }

  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Utilisateur introuvable.')) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(user, id, dto);
  }
}
