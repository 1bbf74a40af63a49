import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Structured JSON logs (pino) for Nest's own logger and for the HTTP access log. */
export const createRootLogger = (level: string, name: string): Logger => pino({ level, name, base: { service: name } });

export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}
  log(message: unknown, context?: string): void {
    this.root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.root.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.root.trace({ context }, String(message));
  }
}
