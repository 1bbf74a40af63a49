import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('uses the defaults of docs/product-rules.md#interfaces', () => {
    const sut = loadConfig({});
    expect(sut.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/levier');
    expect(sut.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(sut.port).toBe(3000);
  });

  it('names every wrong variable', () => {
    const attempt = (): unknown => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('REDIS_URL');
    }
  });

  it('caps XLSX imports at 100 MiB uncompressed and 5 000 000 cells by default, and refuses a cap that is not a whole number', () => {
    expect(loadConfig({})).toMatchObject({ xlsxMaxUncompressedBytes: 104_857_600, importMaxCells: 5_000_000 });
    expect(loadConfig({ XLSX_MAX_UNCOMPRESSED_BYTES: '1048576', IMPORT_MAX_CELLS: '2000' })).toMatchObject({
      xlsxMaxUncompressedBytes: 1_048_576,
      importMaxCells: 2_000,
    });
    expect(() => loadConfig({ XLSX_MAX_UNCOMPRESSED_BYTES: '100Mo', IMPORT_MAX_CELLS: '0' })).toThrow(
      /XLSX_MAX_UNCOMPRESSED_BYTES doit être un entier[^\n]*\n.*IMPORT_MAX_CELLS doit être un entier/,
    );
  });

  it('turns demo mode and the API docs off in production, and refuses demo mode there', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.demoMode).toBe(false);
    expect(production.apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(/DEMO_MODE ne peut pas valoir true en production/);
    expect(loadConfig({}).apiDocs).toBe(true);
  });

  it('trusts X-Forwarded-For from loopback only by default, and from the listed proxies when TRUSTED_PROXIES is set', () => {
    expect(loadConfig({}).trustedProxies).toEqual(['loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 192.168.0.0/16 ,fd00::/8,loopback' }).trustedProxies).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address, a CIDR range or a keyword, naming it', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.5, tout-le-monde, 10.0.0.0/33' })).toThrow(
      /TRUSTED_PROXIES doit lister des adresses IP, des plages CIDR .*« tout-le-monde, 10\.0\.0\.0\/33 »/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: 'true' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('reads no replica by default, each DATABASE_REPLICA_URLS entry otherwise, and names a wrong entry', () => {
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ DATABASE_REPLICA_URLS: ' postgres://r1:5433/levier ,postgresql://r2/levier,' }).databaseReplicaUrls).toEqual([
      'postgres://r1:5433/levier',
      'postgresql://r2/levier',
    ]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/levier,mysql://r2/levier' })).toThrow(
      /DATABASE_REPLICA_URLS \(entrée 2\) doit commencer par postgres:\/\/ ou postgresql:\/\/ \(reçu « mysql:\/\/r2\/levier »\)/,
    );
  });

  it('uses REDIS_URL alone by default, and hash-tags the queue prefix only for a Redis Cluster', () => {
    expect(loadConfig({})).toMatchObject({ redisSentinels: [], redisClusterNodes: [], queuePrefix: 'levier' });
    expect(loadConfig({ REDIS_SENTINELS: '10.0.0.1:26379, 10.0.0.2:26380', REDIS_SENTINEL_NAME: 'levier' })).toMatchObject({
      redisSentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
      ],
      redisSentinelName: 'levier',
      queuePrefix: 'levier',
    });
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'r1:7000,[::1]:7001' })).toMatchObject({
      redisClusterNodes: [
        { host: 'r1', port: 7000 },
        { host: '::1', port: 7001 },
      ],
      queuePrefix: '{levier}',
    });
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'r1:7000', QUEUE_PREFIX: 'bull:{dept-69}' }).queuePrefix).toBe('bull:{dept-69}');
  });

  it('refuses a sentinel or cluster entry without a port, and Sentinel and Cluster together', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: '10.0.0.1' })).toThrow(/REDIS_SENTINELS doit lister des adresses hôte:port .*« 10\.0\.0\.1 »/);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'r1:99999' })).toThrow(/REDIS_CLUSTER_NODES .*« r1:99999 »/);
    expect(() => loadConfig({ REDIS_SENTINELS: 'a:1', REDIS_CLUSTER_NODES: 'b:2' })).toThrow(/ne peuvent pas être donnés ensemble/);
  });
});
