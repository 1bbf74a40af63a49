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

  it('requires a real JWT secret in production and turns demo mode off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).demoMode).toBe(false);
  });
});
