import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, openPglite, type DatabaseHandle } from '../../src/platform/database/database';
import '../../src/platform/database/platform-tables';

export interface TestDatabase extends DatabaseHandle {
  /** Where a second app or a CLI run can reach the same database (server only). */
  readonly url?: string;
}

/** A fresh migrated database for one test file: a copy of the template made by the global setup. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('databaseTemplate');
  if (template.kind === 'postgres') {
    const name = `corridor_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: template.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.template}`);
    await admin.end();
    const url = new URL(template.url);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
    return {
      ...handle,
      url: url.toString(),
      close: async () => {
        await handle.close();
        const client = new pg.Client({ connectionString: template.url });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const lite = await openPglite('memory://', new Blob([readFileSync(template.file)]));
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { pglite: lite });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await lite.close();
    },
  };
}
