import { BadRequestException, Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { ApprovalSettings, ApprovalSettingsService } from './approval-settings.service';

export class UpdateApprovalSettingsDto {
  @IsBoolean({ message: 'fourEyes doit valoir true (une autre personne approuve) ou false.' })
  fourEyes: boolean;

  @IsOptional()
  @IsString({ message: 'reason doit être un texte : le motif du changement.' })
  @MaxLength(1000, { message: 'Le motif compte au plus 1000 caractères.' })
  reason?: string;
}

export interface ApprovalSettingsResponse {
  fourEyes: boolean;
  reason: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

const toResponse = (s: ApprovalSettings): ApprovalSettingsResponse => ({
  fourEyes: s.fourEyes,
  reason: s.reason,
  updatedBy: s.updatedBy,
  updatedByName: s.updatedByName,
  updatedAt: s.updatedAt === null ? null : new Date(s.updatedAt).toISOString(),
});

/** The organisation's approval rule (four eyes: on by default; an admin may turn it off with a logged reason). */
@ApiTags('saisie')
@ApiBearerAuth()
@Controller('approval-settings')
export class ApprovalSettingsController {
  constructor(private readonly settings: ApprovalSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Règle d’approbation des périodes (quatre yeux)' })
  async get(@CurrentUser() user: AuthUser): Promise<ApprovalSettingsResponse> {
    return toResponse(await this.settings.get(user.organisationId));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Active ou désactive la règle des quatre yeux (motif obligatoire pour la désactiver, gardé au journal d’audit)' })
  async update(@CurrentUser() user: AuthUser, @Body() dto: UpdateApprovalSettingsDto): Promise<ApprovalSettingsResponse> {
    const reason = dto.reason?.trim() || null;
    if (!dto.fourEyes && reason === null) {
      throw new BadRequestException('Indiquez le motif de la désactivation de la règle des quatre yeux (champ reason) : il est gardé dans le journal d’audit.');
    }
    return toResponse(await this.settings.update(user, dto.fourEyes, reason));
  }
}
