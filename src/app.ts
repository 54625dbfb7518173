/**
 * Composition root: the only place that knows every module. It collects routes, permissions and job
 * handlers, and wires the platform (database, HTTP, jobs) to them.
 */
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './platform/audit/audit.routes';
import { authRoutes } from './platform/auth/auth.routes';
import type { Config } from './platform/config';
import { openDatabase, type DatabaseHandle } from './platform/database/database';
import { migrate } from './platform/database/migrate';
import { buildServer } from './platform/http/server';
import type { RouteDefinition } from './platform/http/route';
import { JobWorker } from './platform/jobs/queue';
import { employersRoutes } from './modules/employers';
import { journeyRoutes } from './modules/journey';
import { registerWelfareJobs, welfareRoutes } from './modules/welfare';
import { credentialsRoutes } from './modules/credentials';
import { medicalRoutes } from './modules/medical';
import { recruitmentRoutes } from './modules/recruitment';
import { peopleRoutes } from './modules/people';
import { screeningRoutes } from './modules/screening';
import './platform/database/platform-tables';

export function allRoutes(handle: DatabaseHandle, config: Config): RouteDefinition[] {
  const { db } = handle;
  return [
    ...authRoutes(db, config),
    ...auditRoutes(db),
    ...journeyRoutes(db),
    ...peopleRoutes(db),
    ...screeningRoutes(db),
    ...credentialsRoutes(db, config),
    ...medicalRoutes(db, config),
    ...employersRoutes(db),
    ...recruitmentRoutes(db, config),
    ...welfareRoutes(db),
  ];
}

export interface App {
  readonly server: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly worker: JobWorker | undefined;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  readonly database?: DatabaseHandle;
  readonly logStream?: NodeJS.WritableStream;
  readonly runMigrations?: boolean;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const database = options.database ?? (await openDatabase(config.database));
  if (options.runMigrations ?? true) await migrate(database.db);
  registerWelfareJobs(config);
  const server = await buildServer({ config, db: database.db, routes: allRoutes(database, config), logStream: options.logStream });
  const worker = config.jobs
    ? new JobWorker(database.db, 500, (error) => server.log.error({ err: { message: (error as Error).message } }, 'job worker'))
    : undefined;
  worker?.start();
  let closed = false;
  return {
    server,
    database,
    worker,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close();
      await worker?.stop();
      if (!options.database) await database.close();
    },
  };
}
