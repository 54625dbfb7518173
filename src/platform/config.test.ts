import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const KEK = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  it('defaults to the embedded database and port 8080 in development', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data/db' });
    expect(config.port).toBe(8080);
  });

  it('uses the server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db.example:5432/corridor' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db.example:5432/corridor',
    });
  });

  it('refuses to start in production without keys, or with a short SECRET_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(20), KEY_ENCRYPTION_KEY: KEK })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), KEY_ENCRYPTION_KEY: KEK }).secretKey).toBe('x'.repeat(32));
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
