import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app';
import { seedDemo } from '../../src/demo/seed';
import type { DemoWorld } from '../../src/demo/demo-world';

export interface LiveServer extends TestApp {
  readonly baseUrl: string;
  readonly world: DemoWorld;
}

/** A real HTTP server on a free port, on a fresh database loaded with the demo. */
export async function startLiveServer(): Promise<LiveServer> {
  const t = await createTestApp({ logLevel: 'warn', jobs: true });
  const world = await seedDemo(t.db, new Date(), t.config);
  await t.server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.server.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}`, world };
}
