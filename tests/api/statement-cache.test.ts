import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/platform/database/statement-cache';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Prepared statements exist on the PostgreSQL server only; on the embedded database the queries run unnamed. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const prepared = sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by prepare_time`;

describe.skipIf(!process.env.DATABASE_URL)('prepared statements on the server', () => {
  it('names a parameterized query once per connection and reuses it, with the same results', async () => {
    await database.db.connection().execute(async (connection) => {
      const first = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(connection);
      const second = await sql<{ n: number }>`select ${1}::int + 1 as n`.execute(connection);
      expect(first.rows[0]?.n).toBe(42);
      expect(second.rows[0]?.n).toBe(2);
      const statements = (await prepared.execute(connection)).rows.filter((r) => r.statement.includes('::int + 1'));
      expect(statements).toHaveLength(1);
      expect(statements[0]?.name).toMatch(/^c_[A-Za-z0-9_-]{27}$/);
    });
  });

  it('leaves parameterless text unnamed (it may hold several statements)', async () => {
    await database.db.connection().execute(async (connection) => {
      await sql`select 1 as a; select 2 as b`.execute(connection);
      const statements = (await prepared.execute(connection)).rows;
      expect(statements.some((r) => r.statement.includes('select 2 as b'))).toBe(false);
    });
  });

  it('keeps at most the configured number of statements on a connection; the rest run unnamed', async () => {
    if (!database.url) throw new Error('the server test database has a url');
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: withStatementCache(pool, { perConnection: 2 }) }) });
    try {
      await db.connection().execute(async (connection) => {
        for (const k of [1, 2, 3, 4]) {
          const result = await sql<{ n: number }>`select ${k}::int * ${sql.lit(k)} as n`.execute(connection);
          expect(result.rows[0]?.n).toBe(k * k);
        }
        const statements = (await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%::int *%'}`.execute(connection)).rows;
        expect(statements).toHaveLength(2);
      });
    } finally {
      await db.destroy();
    }
  });
});
