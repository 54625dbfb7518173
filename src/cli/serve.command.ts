import type { Command } from 'commander';
import { createApp } from '../app';
import { loadConfig } from '../platform/config';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo, DEMO_PASSWORD, listDemoAccounts } from '../demo/seed';
import { WEB_DIST } from '../platform/http/server';
import { existsSync } from 'node:fs';
import { CliError } from './cli-error';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the web app, the API and the job worker')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: HOST or 0.0.0.0)')
    .action(async (options: { port?: string; host?: string }) => {
      const base = loadConfig();
      const port = options.port === undefined ? base.port : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid port "${options.port}"`, 2);
      const config = loadConfig(undefined, { port, host: options.host ?? base.host, publicUrl: base.publicUrl.replace(`:${base.port}`, `:${port}`) });
      const startedAt = Date.now();
      const app = await createApp(config);
      const { db } = app.database;
      if (config.seedDemo && (await isDatabaseEmpty(db))) {
        const world = await seedDemo(db, new Date(), config);
        console.log(`Loaded the demo: ${world.organizations.size} organizations, ${world.applicants.length} applicants.`);
      }
      const demo = await listDemoAccounts(db);
      if (demo.length) console.log(formatDemoAccounts({ accounts: demo, password: DEMO_PASSWORD }));
      if (!existsSync(`${WEB_DIST}/index.html`)) console.log('The web app is not built (npm run build:web); serving the API only.');
      await app.server.listen({ host: config.host, port: config.port });
      const where = config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL server';
      console.log(`Corridor is running on ${where} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s).`);
      console.log(`Open ${config.publicUrl}  ·  API docs ${config.publicUrl}/docs`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: finishing open requests and stopping`);
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        app.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}
