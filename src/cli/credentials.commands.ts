import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config';
import {
  isPng,
  kidOfCertificate,
  loadPublishedTrust,
  openTrustMaterial,
  readQrFromPng,
  runConformance,
  verifyCredential,
  type SignedList,
  type TrustMaterial,
} from '../modules/credentials';
import { CliError, createProgress } from './cli-error';
import { withDatabase } from './database';

/** `corridor cert …`: verify a credential, fetch the trust material, run the DCC conformance vectors. */
interface TrustFile {
  readonly format: 'corridor-trust-material/1';
  readonly fetchedAt: string;
  readonly source: string;
  readonly trustList: SignedList;
  readonly revocations: SignedList;
}

function readCredentialInput(input: string): string {
  if (input === '-') return readFileSync(0, 'utf8').trim();
  if (!input.startsWith('HC1:') && existsSync(input)) {
    const bytes = readFileSync(input);
    if (isPng(bytes)) {
      const text = readQrFromPng(bytes);
      if (!text) throw new CliError(`no QR code found in ${input}`);
      return text;
    }
    return bytes.toString('utf8').trim();
  }
  return input.trim();
}

async function trustFromFile(path: string): Promise<TrustMaterial> {
  let file: TrustFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as TrustFile;
  } catch {
    throw new CliError(`cannot read trust material from ${path}`);
  }
  if (file.format !== 'corridor-trust-material/1') throw new CliError(`${path} is not a file written by "corridor cert trust-list fetch"`);
  return openTrustMaterial(file.trustList, file.revocations).catch((error: Error) => {
    throw new CliError(`trust material in ${path} does not verify: ${error.message}`);
  });
}

async function fetchJson(url: string): Promise<SignedList> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new CliError(`cannot reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new CliError(`${url} answered ${response.status}`);
  return (await response.json()) as SignedList;
}

export function registerCredentialsCommands(program: Command): void {
  const cert = program.command('cert').description('credentials: verify, trust lists, conformance');

  cert
    .command('verify')
    .description('verify a credential given as text (HC1:…), a text file, a PNG of its QR code, or - for stdin')
    .argument('<code-or-png>', 'the credential text, or a file holding it or its QR code')
    .option('--trust-list <file>', 'trust material saved by "cert trust-list fetch" (default: the configured database)')
    .option('--at <instant>', 'verify as of this ISO instant instead of now')
    .action(async (input: string, options: { trustList?: string; at?: string }) => {
      const code = readCredentialInput(input);
      const at = options.at ? new Date(options.at) : new Date();
      if (Number.isNaN(at.getTime())) throw new CliError(`--at: not an instant: ${options.at}`, 2);
      const material = options.trustList ? await trustFromFile(options.trustList) : await withDatabase(({ db }) => loadPublishedTrust(db));
      if (!material) throw new CliError('no trust list has been published in this database');
      const result = await verifyCredential(code, material.trust, material.revocations, at);
      if (result.status !== 'valid') {
        console.log(result.status);
        process.exitCode = 1;
        return;
      }
      const { credential } = result;
      console.log('valid');
      console.log(`type: ${credential.type} v${credential.version}`);
      for (const [key, value] of Object.entries(credential.claims)) console.log(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
      console.log(`issued: ${credential.issuedAt}`);
      console.log(`valid until: ${credential.validUntil}`);
      console.log(`issuer: ${credential.issuer.name} (${credential.issuer.country}, kid ${credential.issuer.kid})`);
    });

  const trustList = cert.command('trust-list').description('the signed trust list and revocation list');
  trustList
    .command('fetch')
    .description('download the signed trust list and revocation list, check their signatures, and save them for offline use')
    .option('--url <url>', 'the Corridor server (default: PUBLIC_URL)')
    .option('--out <file>', 'where to save them', 'corridor-trust.json')
    .action(async (options: { url?: string; out: string }) => {
      const base = (options.url ?? loadConfig().publicUrl).replace(/\/$/, '');
      const [trust, revocations] = [await fetchJson(`${base}/api/credentials/trust-list`), await fetchJson(`${base}/api/credentials/revocations`)];
      // A root pinned by an earlier fetch must sign the new lists too.
      const pinned = existsSync(options.out) ? Buffer.from((JSON.parse(readFileSync(options.out, 'utf8')) as TrustFile).trustList.root, 'base64') : undefined;
      const material = await openTrustMaterial(trust, revocations, pinned).catch((error: Error) => {
        throw new CliError(`the lists from ${base} do not verify: ${error.message}`);
      });
      const file: TrustFile = { format: 'corridor-trust-material/1', fetchedAt: new Date().toISOString(), source: base, trustList: trust, revocations };
      writeFileSync(options.out, `${JSON.stringify(file, null, 2)}\n`);
      console.log(
        `trust list #${material.trustList.sequence} (${material.trustList.issuers.length} issuers), revocation list #${material.revocationList.sequence} (${material.revocationList.hashes.length} revoked), root ${kidOfCertificate(Buffer.from(trust.root, 'base64'))}; saved to ${options.out}`,
      );
    });

  cert
    .command('conformance')
    .description('run the verifier core over the EU DCC test vectors (dgc-testdata layout); prints "N passed, N failed"')
    .argument('<dir>', 'the directory of the vectors, e.g. ../shared/testdata/dcc')
    .action(async (dir: string) => {
      if (!existsSync(dir)) throw new CliError(`no such directory: ${dir}`, 2);
      let progress: ReturnType<typeof createProgress> | undefined;
      const outcomes = await runConformance(dir, (done, total) => {
        progress ??= createProgress('vectors', total);
        progress.update(done);
      });
      progress?.finish();
      const failed = outcomes.filter((o) => o.expected !== o.actual && !o.disputed);
      const disputed = outcomes.filter((o) => o.expected !== o.actual && o.disputed);
      for (const o of failed) console.log(`FAIL ${o.file} ${o.step}: expected ${o.expected}, got ${o.actual}${o.note ? ` (${o.note})` : ''}`);
      for (const o of disputed) console.log(`SKIP ${o.file} ${o.step}: ${o.disputed}`);
      const files = new Set(outcomes.map((o) => o.file)).size;
      console.log(`${files} vectors, ${outcomes.length} stated expectations`);
      console.log(
        `${outcomes.length - failed.length - disputed.length} passed, ${failed.length} failed${disputed.length ? `, ${disputed.length} skipped` : ''}`,
      );
      if (failed.length > 0) process.exitCode = 1;
    });
}
