import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/platform/config';
import type { Db } from '../../src/platform/database/database';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  readonly app: App;
  readonly server: FastifyInstance;
  readonly db: Db;
  readonly database: TestDatabase;
  readonly config: Config;
  /** Every log line the server wrote (to check that no personal data is logged). */
  readonly logs: string[];
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', JOBS: 'off', SEED_DEMO: 'never', DATA_DIR: '/tmp/corridor-test-unused' }, overrides);
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const config = testConfig(overrides);
  const app = await createApp(config, { database, runMigrations: false, logStream });
  await app.server.ready();
  return {
    app,
    server: app.server,
    db: database.db,
    database,
    config,
    logs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly raw: string;
}

export async function signInAs(server: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
}

/** Call the API as a session (or anonymously), the way the browser does: cookie plus CSRF header. */
export async function call<T = any>(
  server: FastifyInstance,
  session: Session | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<ApiResponse<T>> {
  const response = await server.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
  });
  let body: unknown = response.body;
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('json') && response.body) body = response.json();
  return { status: response.statusCode, body: body as T, headers: response.headers, raw: response.body };
}
