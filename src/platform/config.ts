import { z } from 'zod';

/**
 * Configuration, parsed once from the environment with zod and frozen.
 * Nothing else in the code base reads `process.env`.
 */
const Environment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret for keyed hashes (login throttling keys). 32+ characters in production. */
  SECRET_KEY: z.string().min(16).optional(),
  /** Key that encrypts issuer signing keys at rest (base64 of 32 bytes). */
  KEY_ENCRYPTION_KEY: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  JOBS: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Corridor <no-reply@corridor.local>'),
  SMS_OUTBOX_DIR: z.string().optional(),
});

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly database: { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly secretKey: string;
  readonly keyEncryptionKey: string;
  readonly sessionTtlHours: number;
  readonly seedDemo: boolean;
  readonly jobs: boolean;
  readonly dataDir: string;
  readonly mail: { readonly smtpUrl?: string; readonly from: string };
  readonly smsOutboxDir: string;
}

/** Development-only defaults; production refuses to start without real secrets. */
const DEVELOPMENT_SECRET = 'corridor-development-secret-do-not-use';
const DEVELOPMENT_KEY = Buffer.alloc(32, 7).toString('base64');

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && (!e.SECRET_KEY || !e.KEY_ENCRYPTION_KEY)) {
    throw new ConfigError('invalid configuration: SECRET_KEY and KEY_ENCRYPTION_KEY are required in production');
  }
  if (e.NODE_ENV === 'production' && (e.SECRET_KEY ?? '').length < 32) {
    throw new ConfigError('invalid configuration: SECRET_KEY must be at least 32 characters in production');
  }
  const keyEncryptionKey = e.KEY_ENCRYPTION_KEY ?? DEVELOPMENT_KEY;
  if (Buffer.from(keyEncryptionKey, 'base64').length !== 32) {
    throw new ConfigError('invalid configuration: KEY_ENCRYPTION_KEY must be base64 of 32 bytes');
  }
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: `${e.DATA_DIR}/db` },
    logLevel: e.LOG_LEVEL,
    secretKey: e.SECRET_KEY ?? DEVELOPMENT_SECRET,
    keyEncryptionKey,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    seedDemo: e.SEED_DEMO === 'auto',
    jobs: e.JOBS === 'on',
    dataDir: e.DATA_DIR,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    smsOutboxDir: e.SMS_OUTBOX_DIR ?? `${e.DATA_DIR}/sms-outbox`,
    ...overrides,
  };
  return Object.freeze(config);
}
