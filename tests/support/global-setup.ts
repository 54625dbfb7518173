import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPglite } from '../../src/platform/database/database';
import { migrate } from '../../src/platform/database/migrate';

/**
 * Prepare one migrated database that every test file copies: a PostgreSQL template database when
 * DATABASE_URL is set, otherwise a PGlite data-dir dump. Each test file then starts from a clean copy.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `corridor_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${template}`;
    const handle = await openDatabase({ kind: 'postgres', url: target.toString() }, { poolSize: 1 });
    await migrate(handle.db);
    await handle.close();
    project.provide('databaseTemplate', { kind: 'postgres', url, template });
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const stale = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like 'corridor_t_${process.pid}_%' or datname = $1`,
        [template],
      );
      for (const row of stale.rows) await client.query(`drop database if exists ${row.datname} with (force)`);
      await client.end();
    };
  }
  const lite = await openPglite('memory://');
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { pglite: lite });
  await migrate(handle.db);
  const dump = await lite.dumpDataDir('none');
  await handle.close();
  await lite.close();
  const file = join(tmpdir(), `corridor-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('databaseTemplate', { kind: 'pglite', file });
  return () => rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: { kind: 'postgres'; url: string; template: string } | { kind: 'pglite'; file: string };
  }
}
