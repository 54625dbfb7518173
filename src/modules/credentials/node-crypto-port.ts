import { constants, hash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { unzlibSync } from 'fflate';
import { COSE_ALG_ES256, COSE_ALG_PS256 } from './core/cose';
import type { CryptoPort, PublicKeyRef } from './core/port';

/**
 * The credential core's port on Node: synchronous inflate and node:crypto with one parsed key object per
 * trusted certificate (parsing a certificate per verification would cost several times the signature check).
 *
 * Inflate runs in JavaScript (fflate) into one reused buffer: a QR code's few hundred bytes inflate in a few
 * microseconds, where `node:zlib` spends several times that creating and freeing a native stream per call.
 * fflate does not check the zlib trailer, so the Adler-32 checksum is checked here; output beyond the limit
 * is refused rather than grown.
 */
const CURVE_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

/** A parsed key with what the signature checks ask of it, read once (each KeyObject getter crosses into C++). */
interface PreparedKey {
  readonly key: KeyObject;
  /** 'ec', 'rsa' or 'rsa-pss'. */
  readonly type: string | undefined;
  /** Length of an ieee-p1363 ECDSA signature for the key's curve (0 for a curve we do not take). */
  readonly signatureBytes: number;
}

const prepared = new WeakMap<PublicKeyRef, PreparedKey>();

function prepare(key: KeyObject): PreparedKey {
  const type = key.asymmetricKeyType;
  const signatureBytes = type === 'ec' ? 2 * (CURVE_BYTES[String(key.asymmetricKeyDetails?.namedCurve)] ?? 0) : 0;
  return { key, type, signatureBytes };
}

function preparedKeyOf(ref: PublicKeyRef): PreparedKey {
  let entry = prepared.get(ref);
  if (!entry) {
    entry = prepare(new X509Certificate(ref.certificate).publicKey);
    prepared.set(ref, entry);
  }
  return entry;
}

function verifyPrepared(alg: number, { key, type, signatureBytes }: PreparedKey, data: Uint8Array, signature: Uint8Array): boolean {
  if (alg === COSE_ALG_ES256) {
    // ES256 is SHA-256 with ECDSA; a few issuers (the ES vectors) sign it with a P-384 key, which verifies the same way.
    if (type !== 'ec' || signature.length !== signatureBytes) return false;
    return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }
  if (alg === COSE_ALG_PS256) {
    if (type !== 'rsa' && type !== 'rsa-pss') return false;
    return verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
  }
  return false;
}

/** The largest inflated credential or signed list accepted (a QR code holds under 3 KiB). */
export const INFLATE_LIMIT = 1 << 20;
const scratch = new Uint8Array(INFLATE_LIMIT + 1);

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 3800 bytes at most between reductions keeps both sums below 2^31 (the zlib bound is 5552 for unsigned 32-bit).
  for (let start = 0; start < bytes.length; start += 3800) {
    const end = Math.min(start + 3800, bytes.length);
    for (let i = start; i < end; i += 1) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib (RFC 1950) inflate with the trailer checked; throws on anything but one complete stream within the limit. */
export function inflateZlib(data: Uint8Array): Uint8Array {
  if (data.length < 6) throw new Error('zlib: truncated');
  const out = unzlibSync(data, { out: scratch });
  if (out.length > INFLATE_LIMIT) throw new Error('zlib: output too large');
  const at = data.length - 4;
  const expected = (((data[at] as number) << 24) | ((data[at + 1] as number) << 16) | ((data[at + 2] as number) << 8) | (data[at + 3] as number)) >>> 0;
  if (adler32(out) !== expected) throw new Error('zlib: checksum mismatch');
  // A copy: the scratch buffer is reused by the next call, possibly while this result is still in use.
  return out.slice();
}

export const nodeCryptoPort: CryptoPort = {
  inflate: inflateZlib,
  sha256: (data) => hash('sha256', data, 'buffer'),
  verify: (alg, ref, data, signature) => verifyPrepared(alg, preparedKeyOf(ref), data, signature),
};
