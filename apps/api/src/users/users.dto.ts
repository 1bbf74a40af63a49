import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../tenancy/role-assignment.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'agent.finances@ccas-exemple.fr' })
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Direction financière' })
  @IsString()
  @MinLength(1, { message: 'Le nom affiché est requis.' })
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `Rôle attendu : ${ROLES.join(', ')}.` })
  role: Role;

  @ApiPropertyOptional({ description: 'Code de l’unité dont le rôle couvre le sous-arbre ; absent = toute l’organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  orgUnit?: string;

  @ApiProperty({ description: 'Mot de passe initial (au moins 12 caractères) ; l’utilisateur peut aussi passer par « mot de passe oublié »' })
  @IsString()
  @MinLength(12, { message: 'Le mot de passe doit contenir au moins 12 caractères.' })
  @MaxLength(200)
  password: string;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
