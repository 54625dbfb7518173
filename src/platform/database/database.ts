import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { withStatementCache } from './statement-cache';
import pg from 'pg';

/**
 * The database schema as Kysely sees it. Platform tables are declared in `platform-tables.ts`; each module
 * adds its own tables by augmenting this interface from its `<module>.tables.ts`, so the platform never
 * imports a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories take this as their first parameter. */
export type Queryable = Db | Tx;

export type DatabaseTarget = { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };

export interface DatabaseHandle {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Run multi-statement SQL (migrations). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

// Timestamps and bigints come back as JS values we control: bigint (int8) as number when safe.
pg.types.setTypeParser(20, (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});
// `date` columns stay ISO strings (YYYY-MM-DD): a calendar date has no time zone.
pg.types.setTypeParser(1082, (value: string) => value);

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
}

export async function openDatabase(target: DatabaseTarget, options: { pglite?: PGlite; poolSize?: number } = {}): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // idle client errors surface on the next query
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withStatementCache(pool) }) });
    return {
      db,
      kind: 'postgres',
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      close: () => db.destroy(),
    };
  }
  const lite = options.pglite ?? (await openPglite(target.dataDir));
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    exec: async (sqlText) => {
      await lite.exec(sqlText);
    },
    close: async () => {
      await db.destroy();
      if (!options.pglite) await lite.close();
    },
  };
}

/** SQLSTATE codes that mean "run the transaction again". PGlite never raises them; the server can. */
const RETRYABLE = new Set(['40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: string }).code ?? '');
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/**
 * Run `work` in one transaction, retrying on serialization failures and deadlocks.
 * Every state change in Corridor goes through here (or is handed a `Tx` by a caller that did).
 */
export async function inTransaction<T>(db: Db, work: (trx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
