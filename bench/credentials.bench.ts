/**
 * Credential throughput on one core: issue/s and verify/s through Corridor's codec (CWT → COSE_Sign1 ES256 →
 * zlib → Base45, and back with the full verifier: kid lookup, signature, revocation, validity), against the raw
 * node:crypto ES256 sign/s and verify/s over the very same Sig_structure bytes, and cose-js verify/s of the
 * same COSE message. Prints medians of several runs and the ratios measured in this run.
 *
 *   npm run bench:credentials
 */
import { randomUUID, sign, verify } from 'node:crypto';
import { cpus } from 'node:os';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { decodeBase45 } from '../src/modules/credentials/core/base45';
import { decodeCoseSign1, sigStructure } from '../src/modules/credentials/core/cose';
import { encodeWith, createMemoryIssuer, createMemoryRoot } from '../src/modules/credentials/test-issuers';
import { verifyCredential } from '../src/modules/credentials/credential.service';

const require = createRequire(import.meta.url);
const cose = require('cose-js') as { sign: { verifySync(message: Buffer, verifier: { key: { x: Buffer; y: Buffer } }): Buffer } };

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 700);

/** One timed round of `work` for `ms` milliseconds; operations per second. */
async function round(work: () => unknown, isAsync: boolean, ms: number): Promise<number> {
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  for (;;) {
    for (let i = 0; i < 32; i += 1) {
      if (isAsync) await work();
      else work();
    }
    n += 32;
    const now = process.hrtime.bigint();
    if (now >= deadline) return n / (Number(now - start) / 1e9);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * The contenders take turns, round after round, so a machine shared with other work slows them alike; each
 * ratio is the median of the per-round ratios.
 */
async function compare(contenders: Record<string, { work: () => unknown; isAsync?: boolean }>): Promise<Record<string, number[]>> {
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r += 1) {
    for (const [label, { work, isAsync }] of Object.entries(contenders)) rates[label]?.push(await round(work, isAsync ?? false, RUN_MS));
  }
  return rates;
}

const root = createMemoryRoot();
const issuer = createMemoryIssuer(root, { name: 'Bench Clinic' });
const trust = { issuers: new Map([[issuer.trusted.kid, issuer.trusted]]) };
const revocations = { hashes: new Set(Array.from({ length: 10_000 }, () => randomUUID().replace(/-/g, '').slice(0, 32))) };
const t = Math.floor(Date.now() / 1000);
const body = {
  id: randomUUID(),
  type: 'medical_certificate',
  version: 1,
  claims: {
    name: { latin: 'RAHMONOV JAMSHED', ru: 'Рахмонов Джамшед Саидович', tg: 'Раҳмонов Ҷамшед Саидович' },
    dob: '1990-04-12',
    passport: '400007919',
    procedure: { code: 'RU-MOH-FW', version: 1 },
    result: 'meets_requirements',
  },
  issuerCountry: 'TJ',
  issuedAt: t - 60,
  validFrom: t - 60,
  validUntil: t + 365 * 86_400,
};
const code = encodeWith(issuer, body);
const coseBytes = inflateSync(decodeBase45(code.slice(4)) as Uint8Array);
const message = decodeCoseSign1(coseBytes);
const toBeSigned = sigStructure(message.protectedBytes, message.payload);
const jwk = issuer.publicKey.export({ format: 'jwk' }) as { x: string; y: string };
const coseKey = { key: { x: Buffer.from(jwk.x, 'base64url'), y: Buffer.from(jwk.y, 'base64url') } };
const now = new Date();

// Sanity: every path accepts the same credential before anything is timed.
if ((await verifyCredential(code, trust, revocations, now)).status !== 'valid') throw new Error('bench: the credential does not verify');
if (!verify('sha256', toBeSigned, { key: issuer.publicKey, dsaEncoding: 'ieee-p1363' }, message.signature)) throw new Error('bench: raw verify failed');
cose.sign.verifySync(coseBytes, coseKey);

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores (one used), node ${process.version}`);
console.log(`credential: ${code.length} characters of QR text, ${coseBytes.length} bytes of COSE; revocation list of ${revocations.hashes.size} hashes`);
console.log(`medians of ${RUNS} interleaved rounds of ${RUN_MS} ms per contender`);
const rates = await compare({
  'Corridor issue (sign + encode)': { work: () => encodeWith(issuer, { ...body, id: randomUUID() }) },
  'node:crypto ES256 sign (same bytes)': { work: () => sign('sha256', toBeSigned, { key: issuer.privateKey, dsaEncoding: 'ieee-p1363' }) },
  'Corridor verify (decode + verify + checks)': { work: () => verifyCredential(code, trust, revocations, now), isAsync: true },
  'node:crypto ES256 verify (same bytes)': {
    work: () => verify('sha256', toBeSigned, { key: issuer.publicKey, dsaEncoding: 'ieee-p1363' }, message.signature),
  },
  'cose-js verify (same COSE message)': { work: () => cose.sign.verifySync(coseBytes, coseKey) },
});
for (const [label, values] of Object.entries(rates)) {
  console.log(`${label.padEnd(44)} ${median(values).toFixed(0).padStart(8)} /s   (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`);
}
const ratio = (a: string, b: string) => median((rates[a] ?? []).map((v, i) => v / (rates[b]?.[i] ?? 1)));
console.log('');
console.log(`Corridor issue / raw sign:      ${ratio('Corridor issue (sign + encode)', 'node:crypto ES256 sign (same bytes)').toFixed(2)}`);
console.log(
  `Corridor verify / raw verify:   ${ratio('Corridor verify (decode + verify + checks)', 'node:crypto ES256 verify (same bytes)').toFixed(2)}   (goal ≥ 0.80)`,
);
console.log(`cose-js verify / raw verify:    ${ratio('cose-js verify (same COSE message)', 'node:crypto ES256 verify (same bytes)').toFixed(3)}`);
console.log(`Corridor verify / cose-js:      ${ratio('Corridor verify (decode + verify + checks)', 'cose-js verify (same COSE message)').toFixed(1)}×`);
