import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/test-database';
import { startSmtpServer } from '../support/smtp';

interface Running {
  readonly child: ChildProcess;
  readonly baseUrl: string;
}

async function startServer(env: Record<string, string>, port: number): Promise<Running> {
  const child = spawn('node', ['bin/corridor.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Corridor is running')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

function stop(running: Running, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    running.child.on('exit', () => resolve());
    running.child.kill(signal);
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a notification after a crash', () => {
  test('is sent exactly once after the server is killed between the state change and the delivery', async () => {
    const smtp = await startSmtpServer();
    const dir = mkdtempSync(join(tmpdir(), 'corridor-crash-'));
    const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const smsDir = join(dir, 'sms');
    const env = {
      ...(database?.url ? { DATABASE_URL: database.url } : { DATA_DIR: dir }),
      SMTP_URL: smtp.url,
      SMS_OUTBOX_DIR: smsDir,
      SEED_DEMO: 'auto',
      NODE_ENV: 'test',
    };
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    try {
      // 1. Jobs off: the state change commits with its outbox rows, nothing is delivered; then kill -9.
      let server = await startServer({ ...env, JOBS: 'off' }, port);
      const login = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agency@corridor.demo', password: 'corridor-demo' }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = {
        cookie: login.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
      };
      const list = (await (await fetch(`${server.baseUrl}/api/cases?status=contracted`, { headers })).json()) as {
        items: Array<{ id: string; person: { names: { latin: { surname: string } } } }>;
      };
      const kase = list.items.find((c) => c.person.names.latin.surname === 'RAHMONOV');
      expect(kase).toBeDefined();
      const depart = await fetch(`${server.baseUrl}/api/cases/${kase?.id}/actions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'depart', requestId: 'crash-depart-1' }),
      });
      expect(depart.status).toBe(200);
      await stop(server, 'SIGKILL');
      expect(smtp.received.filter((m) => m.to.includes('jamshed@corridor.demo'))).toHaveLength(0);

      // 2. Restart with jobs on: the message goes out once, by e-mail and by SMS.
      server = await startServer({ ...env, JOBS: 'on' }, port);
      await waitFor(() => smtp.received.some((m) => m.to.includes('jamshed@corridor.demo')), 60_000);
      await new Promise((r) => setTimeout(r, 3000));
      await stop(server, 'SIGTERM');

      // 3. Another restart sends nothing more.
      server = await startServer({ ...env, JOBS: 'on' }, port);
      await new Promise((r) => setTimeout(r, 4000));
      await stop(server, 'SIGTERM');
      const mails = smtp.received.filter((m) => m.to.includes('jamshed@corridor.demo'));
      expect(mails).toHaveLength(1);
      const sms = readdirSync(smsDir)
        .flatMap((f) => readFileSync(join(smsDir, f), 'utf8').trim().split('\n'))
        .map((l) => JSON.parse(l) as { to: string; text: string });
      const jamshedSms = sms.filter((m) => m.text.includes('Роҳи сафед'));
      expect(jamshedSms).toHaveLength(1);
    } finally {
      await smtp.close();
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
