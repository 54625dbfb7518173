import { constants, createHash, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { COSE_ALG_ES256, COSE_ALG_PS256 } from './core/cose';
import type { CryptoPort, PublicKeyRef } from './core/port';

/**
 * The credential core's port on Node: synchronous zlib and node:crypto with one parsed key object per
 * trusted certificate (parsing a certificate per verification would cost several times the signature check).
 */
const CURVE_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };
const keys = new WeakMap<PublicKeyRef, KeyObject>();

export function publicKeyOf(ref: PublicKeyRef): KeyObject {
  let key = keys.get(ref);
  if (!key) {
    key = new X509Certificate(ref.certificate).publicKey;
    keys.set(ref, key);
  }
  return key;
}

export function publicKeyFromSpki(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}

export function verifyWithKey(alg: number, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (alg === COSE_ALG_ES256) {
    // ES256 is SHA-256 with ECDSA; a few issuers (the ES vectors) sign it with a P-384 key, which verifies the same way.
    if (key.asymmetricKeyType !== 'ec' || signature.length !== 2 * (CURVE_BYTES[String(key.asymmetricKeyDetails?.namedCurve)] ?? 0)) return false;
    return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }
  if (alg === COSE_ALG_PS256) {
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return false;
    return verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
  }
  return false;
}

export const nodeCryptoPort: CryptoPort = {
  inflate: (data) => inflateSync(data, { maxOutputLength: 1 << 20 }),
  sha256: (data) => createHash('sha256').update(data).digest(),
  verify: (alg, ref, data, signature) => verifyWithKey(alg, publicKeyOf(ref), data, signature),
};
