import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'directeur@valmont.demo' })
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'levier-demo' })
  @IsString()
  @MinLength(1, { message: 'Mot de passe requis.' })
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @IsString()
  @MinLength(12, { message: 'Le nouveau mot de passe doit contenir au moins 12 caractères.' })
  @MaxLength(200)
  newPassword: string;
}

export class PasswordResetRequestDto {
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @IsString()
  @MaxLength(200)
  token: string;

  @IsString()
  @MinLength(12, { message: 'Le nouveau mot de passe doit contenir au moins 12 caractères.' })
  @MaxLength(200)
  newPassword: string;
}
