import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';
import { loadSecrets, Secrets } from './secrets';

/** Injection token of the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the signing keys ({@link Secrets}): only what signs or verifies injects it. */
export const SECRETS = Symbol('SECRETS');

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() },
    { provide: SECRETS, useFactory: (): Secrets => loadSecrets() },
  ],
  exports: [APP_CONFIG, SECRETS],
})
export class ConfigModule {}
