import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Tag } from 'cbor-x';
import { decodeBase45 } from './core/base45';
import { cborDecoder, decodeCoseSign1 } from './core/cose';
import { toHex } from './core/port';
import { checkSignature, decodeCwt, unprefix } from './core/verify';
import type { TrustedIssuer } from './core/model';
import { nodeCryptoPort } from './node-crypto-port';

/**
 * Runs the verifier core over the EU DCC test vectors (`dgc-testdata` layout, see its ABOUT.md): each of the
 * steps a vector states an expectation for is run on the vector's own inputs and compared with it. Schema and
 * key-usage expectations are out of scope (they are DCC-specific).
 */
export const CONFORMANCE_STEPS = ['UNPREFIX', 'B45DECODE', 'COMPRESSION', 'VERIFY', 'DECODE', 'EXPIRATIONCHECK'] as const;
export type ConformanceStep = (typeof CONFORMANCE_STEPS)[number];

interface Vector {
  JSON?: unknown;
  CBOR?: string;
  COSE?: string;
  COMPRESSED?: string;
  BASE45?: string;
  PREFIX?: string;
  TESTCTX?: { CERTIFICATE?: string; VALIDATIONCLOCK?: string };
  EXPECTEDRESULTS?: Record<string, unknown>;
}

export interface StepOutcome {
  readonly file: string;
  readonly step: ConformanceStep;
  readonly expected: boolean;
  readonly actual: boolean;
  /** Set when the expectation cannot be judged: the vector contradicts itself, or upstream lists it as disputed. */
  readonly disputed?: string;
  readonly note?: string;
}

export function listVectorFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json') || name === 'QR') out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Instants as the vectors write them: fractions up to 9 digits, Z, ±hh:mm, ±hhmm, or no zone (taken as UTC). */
export function parseValidationClock(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0').slice(0, 3)));
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

function normalize(value: unknown): unknown {
  if (value instanceof Tag) return normalize(value.value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), normalize(v)]));
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Uint8Array) return toHex(value);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b || Date.parse(a) === Date.parse(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

const hex = (h: string | undefined) => (h === undefined ? undefined : Buffer.from(h, 'hex'));
const same = (a: Uint8Array, b: Uint8Array | undefined) => b === undefined || Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

function coseOf(v: Vector): Uint8Array | undefined {
  if (v.COSE) return hex(v.COSE);
  const b45 = v.PREFIX ? unprefix(v.PREFIX) : v.BASE45;
  const compressed = b45 === undefined ? undefined : decodeBase45(b45);
  try {
    return compressed ? (nodeCryptoPort.inflate(compressed) as Uint8Array) : undefined;
  } catch {
    return undefined;
  }
}

class DisputedVector extends Error {}

/** A vector whose own JSON and CBOR fields disagree cannot have its DECODE expectation met by any decoder. */
function isSelfContradictory(v: Vector): boolean {
  if (v.JSON === undefined || v.CBOR === undefined) return false;
  try {
    let payload = cborDecoder.decode(Buffer.from(v.CBOR, 'hex')) as unknown;
    if (payload instanceof Map && payload.has(-260)) payload = (payload.get(-260) as Map<unknown, unknown>).get(1);
    return !deepEqual(normalize(payload), normalize(v.JSON));
  } catch {
    return false;
  }
}

const STEP_RUNNERS: Record<ConformanceStep, (v: Vector) => Promise<boolean>> = {
  UNPREFIX: async (v) => {
    const out = v.PREFIX === undefined ? undefined : unprefix(v.PREFIX);
    return out !== undefined && (v.BASE45 === undefined || out === v.BASE45);
  },
  B45DECODE: async (v) => {
    const input = v.BASE45 ?? (v.PREFIX ? unprefix(v.PREFIX) : undefined);
    const out = input === undefined ? undefined : decodeBase45(input);
    return out !== undefined && same(out, hex(v.COMPRESSED));
  },
  COMPRESSION: async (v) => {
    const input = hex(v.COMPRESSED) ?? (v.BASE45 ? decodeBase45(v.BASE45) : undefined);
    if (!input) return false;
    try {
      return same((await nodeCryptoPort.inflate(input)) as Uint8Array, hex(v.COSE));
    } catch {
      return false;
    }
  },
  VERIFY: async (v) => {
    const bytes = coseOf(v);
    const certificate = v.TESTCTX?.CERTIFICATE ? Buffer.from(v.TESTCTX.CERTIFICATE, 'base64') : undefined;
    if (!bytes || !certificate) return false;
    const cose = decodeCoseSign1(bytes);
    const trusted: TrustedIssuer = {
      kid: toHex((await nodeCryptoPort.sha256(certificate)).subarray(0, 8)),
      certificate,
      name: '',
      country: '',
      validFrom: 0,
      validUntil: Infinity,
      suspendedAt: null,
    };
    // The key is found only through the kid (protected first, the unprotected one only when there is none).
    if (!cose.kid || toHex(cose.kid) !== trusted.kid) return false;
    decodeCwt(cose.payload);
    return checkSignature(cose, trusted, nodeCryptoPort);
  },
  DECODE: async (v) => {
    const bytes = coseOf(v);
    if (isSelfContradictory(v)) throw new DisputedVector('its JSON and CBOR fields describe different payloads');
    if (!bytes) return false;
    const cwt = decodeCwt(decodeCoseSign1(bytes).payload);
    const payload = cwt.hcert?.get(1);
    if (payload === undefined) return false;
    return v.JSON === undefined || deepEqual(normalize(payload), normalize(v.JSON));
  },
  EXPIRATIONCHECK: async (v) => {
    const bytes = coseOf(v);
    const clock = v.TESTCTX?.VALIDATIONCLOCK ? parseValidationClock(v.TESTCTX.VALIDATIONCLOCK) : undefined;
    if (!bytes || clock === undefined) return false;
    const cwt = decodeCwt(decodeCoseSign1(bytes).payload);
    if (cwt.iat === undefined || cwt.exp === undefined) return false;
    const at = clock / 1000;
    return cwt.iat <= at && at <= cwt.exp;
  },
};

const UPSTREAM_TEST_STEP: Readonly<Record<string, ConformanceStep>> = {
  test_verification_check: 'VERIFY',
  test_cose_json: 'DECODE',
  test_expiration_check: 'EXPIRATIONCHECK',
  test_compression: 'COMPRESSION',
};

/** `tests/known_issues.csv` of the vectors: expectations upstream itself marks as disputed, with the issue link. */
export function loadKnownIssues(root: string): Map<string, string> {
  const issues = new Map<string, string>();
  const path = join(root, 'tests', 'known_issues.csv');
  if (!existsSync(path)) return issues;
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [test, country, set, reason] = line.trim().split(',');
    const step = test ? UPSTREAM_TEST_STEP[test] : undefined;
    if (step && country) issues.set(`${step}:${country}:${set ?? ''}`, `listed upstream as a known issue: ${reason}`);
  }
  return issues;
}

export async function runVector(path: string, root: string, knownIssues: ReadonlyMap<string, string> = new Map()): Promise<StepOutcome[]> {
  const file = relative(root, path);
  let vector: Vector;
  try {
    vector = JSON.parse(readFileSync(path, 'utf8')) as Vector;
  } catch {
    return [];
  }
  const expected = vector.EXPECTEDRESULTS;
  if (!expected || typeof expected !== 'object') return [];
  const outcomes: StepOutcome[] = [];
  for (const step of CONFORMANCE_STEPS) {
    const want = expected[`EXPECTED${step}`];
    if (typeof want !== 'boolean') continue;
    let actual: boolean;
    let note: string | undefined;
    let disputed =
      knownIssues.get(
        `${step}:${file.split('/')[0]}:${file
          .split('/')
          .pop()
          ?.replace(/\.json$/, '')}`,
      ) ?? knownIssues.get(`${step}:${file.split('/')[0]}:`);
    try {
      actual = await STEP_RUNNERS[step](vector);
    } catch (error) {
      actual = false;
      if (error instanceof DisputedVector) disputed = error.message;
      else note = (error as Error).message;
    }
    // A disputed expectation only matters when the result differs from it.
    const dispute = actual !== want ? disputed : undefined;
    outcomes.push({ file, step, expected: want, actual, ...(dispute ? { disputed: dispute } : {}), ...(note ? { note } : {}) });
  }
  return outcomes;
}

export async function runConformance(dir: string, onProgress?: (done: number, total: number) => void): Promise<StepOutcome[]> {
  const files = listVectorFiles(dir);
  const outcomes: StepOutcome[] = [];
  const knownIssues = loadKnownIssues(dir);
  for (const [i, file] of files.entries()) {
    outcomes.push(...(await runVector(file, dir, knownIssues)));
    onProgress?.(i + 1, files.length);
  }
  return outcomes;
}
