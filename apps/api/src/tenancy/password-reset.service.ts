import { BadRequestException, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { MailerService } from '../platform/mail/mailer.service';
import { User } from './user.entity';
import { RefreshToken } from './refresh-token.entity';
import { hashPassword } from './password-hasher';
import { TokenService } from './token.service';

const RESET_TTL_MINUTES = 30;

/** Password reset by emailed link: a single-use token valid 30 minutes, stored only as a hash. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Always succeeds from the caller's point of view, so it never reveals whether an address has an account. */
  async request(emailInput: string): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const user = await users.findOne({ where: { email: emailInput.trim().toLowerCase(), active: true } });
    if (!user || (user.isDemo && !this.config.demoMode)) return;
    const { token, hash } = this.tokens.newOpaqueToken();
    await users.update(user.id, { resetTokenHash: hash, resetTokenExpiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000) });
    const link = `${this.config.appUrl}/#/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to: user.email,
        subject: 'Levier : réinitialisation de votre mot de passe',
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les ${RESET_TTL_MINUTES} minutes :\n${link}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.\n`,
      });
    } catch (err) {
      this.logger.error(`Envoi du lien de réinitialisation impossible : ${(err as Error).message}`);
    }
  }

  async confirm(token: string, newPassword: string): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const user = await users.findOne({ where: { resetTokenHash: TokenService.hash(token), resetTokenExpiresAt: MoreThan(new Date()) } });
    if (!user) throw new BadRequestException('Lien de réinitialisation invalide ou expiré : refaites une demande.');
    await users.update(user.id, {
      passwordHash: await hashPassword(newPassword),
      resetTokenHash: null,
      resetTokenExpiresAt: null,
      failedLogins: 0,
      lockedUntil: null,
    });
    await this.dataSource.getRepository(RefreshToken).update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
