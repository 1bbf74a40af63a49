import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, SECRETS } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import type { Secrets } from '../platform/config/secrets';
import { signUnsubscribeToken, UnsubscribeClaims, verifyUnsubscribeToken } from './unsubscribe-token';

export const UNSUBSCRIBE_PATH = '/api/report-subscriptions/unsubscribe';

/** The same signed URL, relative to the page it is served on: where the confirmation button POSTs (same origin). */
export const unsubscribeAction = (token: string): string => `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;

/** Per-recipient unsubscribe links, HMAC-signed with a key of their own (never the access-token key): they work without logging in. */
@Injectable()
export class UnsubscribeLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRETS) private readonly secrets: Secrets,
  ) {}

  url(claims: UnsubscribeClaims): string {
    const url = new URL(UNSUBSCRIBE_PATH, this.config.appUrl);
    url.searchParams.set('token', signUnsubscribeToken(this.secrets.unsubscribeSecret, claims));
    return url.toString();
  }

  verify(token: string): UnsubscribeClaims | null {
    return verifyUnsubscribeToken(this.secrets.unsubscribeSecret, token);
  }
}
