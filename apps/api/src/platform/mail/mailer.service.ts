import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';

/** SMTP delivery through nodemailer (`SMTP_URL`). */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  async send(message: Mail.Options): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({ from: this.config.mailFrom, ...message });
    return { messageId: String(info.messageId) };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
