import { isIP } from 'node:net';

/**
 * Application configuration, read once from the environment and validated at start.
 * A wrong or missing value stops the process with a message that names the variable.
 */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly databaseUrl: string;
  /** Streaming replicas for dashboard, list and report reads (`DATABASE_REPLICA_URLS`, comma-separated; none by default). */
  readonly databaseReplicaUrls: readonly string[];
  /** How far (ms) a replica may lag behind the primary before a read goes to the primary instead (`DATABASE_REPLICA_MAX_LAG_MS`). */
  readonly databaseReplicaMaxLagMs: number;
  readonly redisUrl: string;
  /** Redis Sentinel group (`REDIS_SENTINELS`, host:port comma-separated): BullMQ follows the primary it names, through failovers. */
  readonly redisSentinels: readonly HostPort[];
  /** The primary's name in the Sentinel group (`REDIS_SENTINEL_NAME`, default `mymaster`). */
  readonly redisSentinelName: string;
  /** Redis Cluster seed nodes (`REDIS_CLUSTER_NODES`, host:port comma-separated); QUEUE_PREFIX is then hash-tagged (`{levier}`). */
  readonly redisClusterNodes: readonly HostPort[];
  /** BullMQ key prefix; with a Redis Cluster, wrapped in braces so that every key of a queue lands in one slot. */
  readonly queuePrefix: string;
  readonly port: number;
  readonly appUrl: string;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly demoMode: boolean;
  /** Whether `/api/docs` (OpenAPI) is served: by default in development and demo, not in production (`API_DOCS`). */
  readonly apiDocs: boolean;
  readonly corsOrigins: readonly string[];
  readonly uploadMaxBytes: number;
  readonly importMaxRows: number;
  /** An XLSX whose parts add up to more once decompressed is refused before any parsing (zip bombs, huge exports). */
  readonly xlsxMaxUncompressedBytes: number;
  /** Non-empty cells an XLSX may hold over its visible sheets: reading stops and the file is refused beyond. */
  readonly importMaxCells: number;
  /** Submissions a worker applies at once: while one parses and validates in Node, the others write in PostgreSQL. */
  readonly importConcurrency: number;
  readonly logLevel: string;
  /** Attempts per minute and client address on login, refresh and password-reset routes. */
  readonly authRateLimitPerMinute: number;
  /**
   * The proxies whose `X-Forwarded-For` is believed (Express `trust proxy`): addresses, CIDR ranges, or `loopback`,
   * `linklocal`, `uniquelocal` (`TRUSTED_PROXIES`, comma-separated; default `loopback`). The client address used by the
   * rate limits comes from there: a header from any other peer is ignored.
   */
  readonly trustedProxies: readonly string[];
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** An entry of TRUSTED_PROXIES: a keyword, an IPv4 / IPv6 address, or one with a prefix length (`10.0.0.0/8`). */
const isProxyEntry = (entry: string): boolean => {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export const loadConfig = (env: Env = process.env): AppConfig => {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  };
  const list = (name: string): string[] =>
    str(name, '')
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '');
  const hostPorts = (name: string): HostPort[] =>
    list(name).flatMap((entry) => {
      const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(entry);
      if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
        problems.push(`${name} doit lister des adresses hôte:port séparées par des virgules, par exemple 10.0.0.1:26379 (reçu « ${entry} »)`);
        return [];
      }
      return [{ host: match[1].replace(/^\[|\]$/g, ''), port: Number(match[2]) }];
    });
  const url = (name: string, fallback: string, protocols: readonly string[], given?: string): string => {
    const value = given ?? str(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} doit commencer par ${protocols.map((p) => `${p}//`).join(' ou ')} (reçu « ${value} »)`);
      }
    } catch {
      problems.push(`${name} n'est pas une URL valide (reçu « ${value} »)`);
    }
    return value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} doit être un entier entre ${min} et ${max} (reçu « ${raw} »)`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name, fallback ? 'true' : 'false').toLowerCase();
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name} doit valoir true ou false (reçu « ${raw} »)`);
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };

  const nodeEnvRaw = str('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV doit valoir development, production ou test (reçu « ${nodeEnvRaw} »)`);
  }
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as AppConfig['nodeEnv'];
  const port = int('PORT', 3000, 1, 65535);
  const demoMode = bool('DEMO_MODE', nodeEnv !== 'production');
  if (demoMode && nodeEnv === 'production') {
    problems.push('DEMO_MODE ne peut pas valoir true en production : les comptes de démonstration ont un mot de passe publié');
  }

  const redisSentinels = hostPorts('REDIS_SENTINELS');
  const redisClusterNodes = hostPorts('REDIS_CLUSTER_NODES');
  if (redisSentinels.length > 0 && redisClusterNodes.length > 0) {
    problems.push('REDIS_SENTINELS et REDIS_CLUSTER_NODES ne peuvent pas être donnés ensemble : choisir Sentinel ou Cluster');
  }
  const queuePrefix = str('QUEUE_PREFIX', 'levier');

  const config: AppConfig = {
    nodeEnv,
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/levier', ['postgres:', 'postgresql:']),
    databaseReplicaUrls: list('DATABASE_REPLICA_URLS').map((entry, i) =>
      url(`DATABASE_REPLICA_URLS (entrée ${i + 1})`, entry, ['postgres:', 'postgresql:'], entry),
    ),
    databaseReplicaMaxLagMs: int('DATABASE_REPLICA_MAX_LAG_MS', 2000, 0, 600_000),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisSentinels,
    redisSentinelName: str('REDIS_SENTINEL_NAME', 'mymaster'),
    redisClusterNodes,
    queuePrefix: redisClusterNodes.length > 0 && !/\{[^{}]+\}/.test(queuePrefix) ? `{${queuePrefix}}` : queuePrefix,
    port,
    appUrl: url('APP_URL', `http://localhost:${port}`, ['http:', 'https:']),
    smtpUrl: url('SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM', 'Levier <rapports@levier.local>'),
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86400),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', 1209600, 60, 31536000),
    demoMode,
    apiDocs: bool('API_DOCS', nodeEnv !== 'production' || demoMode),
    corsOrigins: str('CORS_ORIGINS', '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxRows: int('IMPORT_MAX_ROWS', 500_000, 1, 50_000_000),
    xlsxMaxUncompressedBytes: int('XLSX_MAX_UNCOMPRESSED_BYTES', 100 * 1024 * 1024, 64 * 1024, 2 * 1024 * 1024 * 1024),
    importMaxCells: int('IMPORT_MAX_CELLS', 5_000_000, 1, 500_000_000),
    importConcurrency: int('IMPORT_CONCURRENCY', 3, 1, 32),
    logLevel: str('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info'),
    authRateLimitPerMinute: int('AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 100000),
    trustedProxies: ((entries: string[]) => {
      const wrong = entries.filter((e) => !isProxyEntry(e));
      if (wrong.length > 0) {
        problems.push(
          `TRUSTED_PROXIES doit lister des adresses IP, des plages CIDR ou loopback, linklocal, uniquelocal, séparées par des virgules (reçu « ${wrong.join(', ')} »)`,
        );
      }
      return entries.length === 0 ? ['loopback'] : entries;
    })(
      str('TRUSTED_PROXIES', 'loopback')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    ),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};
