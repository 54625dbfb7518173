import { decodeBase45 } from './base45';
import { cborDecoder, decodeCoseSign1, MalformedError, sigStructure, type CoseSign1 } from './cose';
import { toHex, type CryptoPort, type MaybePromise } from './port';
import { CLAIM_KEY, HCERT_PREFIX, type TrustedIssuer, type VerificationResult, type VerifiedCredential } from './model';

/**
 * The verifier core (DESIGN.md section 6): from the text in a QR code to `valid` with the disclosed claims, or
 * exactly one reason. Checks run in this order, and the first that fails is the answer:
 * malformed → unknown_issuer → bad_signature → issuer_not_trusted_at_signing_time → revoked → not_yet_valid → expired.
 */
export interface TrustStore {
  /** Issuers by kid (hex of the 8 bytes). */
  readonly issuers: ReadonlyMap<string, TrustedIssuer>;
}

export interface RevocationSet {
  /** Hex SHA-256 prefixes (16 bytes) of revoked credential ids. */
  readonly hashes: ReadonlySet<string>;
}

export function unprefix(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed.startsWith(HCERT_PREFIX) ? trimmed.slice(HCERT_PREFIX.length) : undefined;
}

/**
 * The port answers synchronously on Node and with promises in the browser. These helpers pass a plain value
 * straight through, so the Node verifier does not pay for a promise and a microtask at every step.
 */
function mapMaybe<T, U>(value: MaybePromise<T>, then: (value: T) => U, otherwise: () => U): MaybePromise<U> {
  if (value instanceof Promise) return value.then(then, otherwise);
  return then(value);
}

/** Text → COSE bytes (prefix, Base45, zlib); throws (or rejects with) MalformedError naming the step that failed. */
export function decodeToCose(text: string, port: CryptoPort): MaybePromise<Uint8Array> {
  const base45 = unprefix(text);
  if (base45 === undefined) throw new MalformedError('prefix');
  const compressed = decodeBase45(base45);
  if (!compressed) throw new MalformedError('base45');
  const zlib = () => {
    throw new MalformedError('zlib');
  };
  let inflated: MaybePromise<Uint8Array>;
  try {
    inflated = port.inflate(compressed);
  } catch {
    return zlib();
  }
  return mapMaybe(inflated, (bytes) => bytes, zlib);
}

export interface CwtClaims {
  readonly iss: string | undefined;
  readonly iat: number | undefined;
  readonly nbf: number | undefined;
  readonly exp: number | undefined;
  readonly cti: Uint8Array | undefined;
  readonly hcert: Map<unknown, unknown> | undefined;
}

export function decodeCwt(payload: Uint8Array): CwtClaims {
  let map: unknown;
  try {
    map = cborDecoder.decode(payload);
  } catch {
    throw new MalformedError('cwt: not CBOR');
  }
  if (!(map instanceof Map)) throw new MalformedError('cwt: not a map');
  const num = (key: number) => {
    const v = map.get(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new MalformedError(`cwt: claim ${key} is not a number`);
    return v;
  };
  const iss = map.get(1);
  const cti = map.get(7);
  const hcert = map.get(-260);
  return {
    iss: typeof iss === 'string' ? iss : undefined,
    iat: num(6),
    nbf: num(5),
    exp: num(4),
    cti: cti instanceof Uint8Array ? cti : undefined,
    hcert: hcert instanceof Map ? hcert : undefined,
  };
}

/** CBOR maps (decoded as Map) to plain JSON-like values, for display and comparison. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[String(k)] = toPlain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return toHex(value);
  return value;
}

/** Whether the COSE signature verifies with the issuer's key; false (never a throw) for anything that does not. */
export function checkSignature(cose: CoseSign1, issuer: TrustedIssuer, port: CryptoPort): MaybePromise<boolean> {
  if (cose.alg === undefined) return false;
  try {
    return mapMaybe(
      port.verify(cose.alg, issuer, sigStructure(cose.protectedBytes, cose.payload), cose.signature),
      (ok) => ok,
      () => false,
    );
  } catch {
    return false;
  }
}

const utf8 = new TextEncoder();

/** The revocation-list form of a credential id: hex of the first 16 bytes of SHA-256 over its UTF-8. */
export function credentialIdHash(id: string, port: CryptoPort): MaybePromise<string> {
  return mapMaybe(
    port.sha256(utf8.encode(id)),
    (digest) => toHex(digest.subarray(0, 16)),
    () => {
      throw new Error('sha256 failed');
    },
  );
}

function readClaim(hcert: Map<unknown, unknown> | undefined): { id: string; type: string; version: number; claims: Record<string, unknown> } {
  const claim = hcert?.get(CLAIM_KEY);
  if (!(claim instanceof Map)) throw new MalformedError('claim: missing');
  const id = claim.get('id');
  const type = claim.get('t');
  const version = claim.get('v');
  const claims = claim.get('c');
  if (typeof id !== 'string' || typeof type !== 'string' || typeof version !== 'number' || !(claims instanceof Map)) {
    throw new MalformedError('claim: incomplete');
  }
  return { id, type, version, claims: toPlain(claims) as Record<string, unknown> };
}

const inWindow = (at: number, issuer: TrustedIssuer) =>
  at >= issuer.validFrom && at < issuer.validUntil && (issuer.suspendedAt === null || at < issuer.suspendedAt);

/** Verify a credential's text against a trust list and a revocation list at `now` (seconds are compared). */
export async function verifyCredentialText(
  text: string,
  trust: TrustStore,
  revocations: RevocationSet,
  now: Date,
  port: CryptoPort,
): Promise<VerificationResult> {
  let cose: CoseSign1;
  let cwt: CwtClaims;
  try {
    const coseBytes = decodeToCose(text, port);
    cose = decodeCoseSign1(coseBytes instanceof Promise ? await coseBytes : coseBytes);
    cwt = decodeCwt(cose.payload);
  } catch (error) {
    if (error instanceof MalformedError) return { status: 'malformed', detail: error.message };
    throw error;
  }
  const kid = cose.kid ? toHex(cose.kid) : undefined;
  const issuer = kid ? trust.issuers.get(kid) : undefined;
  if (!issuer) return { status: 'unknown_issuer', kid };
  const signed = checkSignature(cose, issuer, port);
  if (!(signed instanceof Promise ? await signed : signed)) return { status: 'bad_signature', kid };
  let body: ReturnType<typeof readClaim>;
  try {
    body = readClaim(cwt.hcert);
    if (cwt.iat === undefined || cwt.exp === undefined) throw new MalformedError('cwt: iat and exp are required');
  } catch (error) {
    if (error instanceof MalformedError) return { status: 'malformed', detail: error.message };
    throw error;
  }
  // Key usage: a key trusted for one credential type is unknown as an issuer of any other.
  if (issuer.types && !issuer.types.includes(body.type)) return { status: 'unknown_issuer', kid };
  if (!inWindow(cwt.iat, issuer)) return { status: 'issuer_not_trusted_at_signing_time', kid };
  const idHash = credentialIdHash(body.id, port);
  if (revocations.hashes.has(idHash instanceof Promise ? await idHash : idHash)) return { status: 'revoked', kid, id: body.id };
  const at = Math.floor(now.getTime() / 1000);
  if (at < (cwt.nbf ?? cwt.iat)) return { status: 'not_yet_valid', kid, id: body.id };
  if (at > cwt.exp) return { status: 'expired', kid, id: body.id };
  const credential: VerifiedCredential = {
    id: body.id,
    type: body.type,
    version: body.version,
    claims: body.claims,
    issuedAt: new Date(cwt.iat * 1000).toISOString(),
    validFrom: new Date((cwt.nbf ?? cwt.iat) * 1000).toISOString(),
    validUntil: new Date(cwt.exp * 1000).toISOString(),
    issuer: { kid: issuer.kid, name: issuer.name, country: cwt.iss ?? issuer.country },
  };
  return { status: 'valid', credential };
}
