import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG } from '../../platform/config/config.module';
import { AppConfig } from '../../platform/config/app-config';

/** Channel on which a committed recompute announces the organisation whose read model changed. */
export const READ_MODEL_CHANNEL = 'levier_read_model';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

/**
 * Dashboard reads cached in the API process, per organisation, and dropped the moment PostgreSQL delivers the
 * `NOTIFY` that a recompute sends inside its own transaction (so at commit, never before). Concurrent identical
 * misses share one computation. If the listening connection drops, everything is forgotten until it is back:
 * the cache can be cold, never stale beyond the notification delay.
 */
@Injectable()
export class ReadModelCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReadModelCache.name);
  private readonly entries = new Map<string, { organisationId: string; at: number; value: Promise<unknown> }>();
  private listener: Client | null = null;
  private readonly droppedListeners = new Set<(organisationId: string, keys: readonly string[]) => void>();
  private listening = false;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.entries.clear();
    await this.listener?.end().catch(() => undefined);
  }

  /** Whether reads are kept (the NOTIFY listener is up): a warm-up is worth starting only then. */
  get active(): boolean {
    return this.listening;
  }

  async getOrCompute<T>(organisationId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.listening) return compute();
    const id = `${organisationId}|${key}`;
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = compute();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, { organisationId, at: Date.now(), value });
    value.catch(() => this.entries.delete(id));
    return value;
  }

  invalidate(organisationId: string): void {
    const keys: string[] = [];
    for (const [id, entry] of this.entries) {
      if (entry.organisationId !== organisationId) continue;
      this.entries.delete(id);
      keys.push(id.slice(organisationId.length + 1));
    }
    for (const listener of this.droppedListeners) listener(organisationId, keys);
  }

  /** Called after an organisation's reads are dropped (a recompute committed), with the keys that were kept: to warm them again. */
  onInvalidate(listener: (organisationId: string, keys: readonly string[]) => void): void {
    this.droppedListeners.add(listener);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'levier-cache-listener' });
    const lost = () => {
      this.listening = false;
      this.entries.clear();
      if (!this.closed) setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('notification', (message) => {
      if (message.channel === READ_MODEL_CHANNEL && message.payload) this.invalidate(message.payload);
    });
    client.on('error', () => undefined);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${READ_MODEL_CHANNEL}`);
      this.listener = client;
      this.listening = true;
    } catch (err) {
      this.logger.warn(`Cache des indicateurs inactif : écoute PostgreSQL impossible (${(err as Error).message})`);
      await client.end().catch(() => undefined);
      lost();
    }
  }
}
