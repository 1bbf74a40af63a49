import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('uses the defaults of SPEC §12', () => {
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

  it('turns demo mode and the API docs off in production, and refuses demo mode there', () => {
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.demoMode).toBe(false);
    expect(production.apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(/DEMO_MODE ne peut pas valoir true en production/);
    expect(loadConfig({}).apiDocs).toBe(true);
  });
});
