import { COSE_ALG_ES256, COSE_ALG_PS256 } from '../../../../src/modules/credentials/core/cose';
import { certificateSpki } from '../../../../src/modules/credentials/core/der';
import type { CryptoPort, PublicKeyRef } from '../../../../src/modules/credentials/core/port';

/**
 * The credential core's port in the browser: DecompressionStream for zlib and WebCrypto for SHA-256 and
 * signatures. Keys are imported once per trusted certificate.
 */
const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
const keys = new WeakMap<PublicKeyRef, Promise<CryptoKey | undefined>>();

async function importKey(ref: PublicKeyRef, alg: number): Promise<CryptoKey | undefined> {
  const spki = copy(certificateSpki(ref.certificate));
  if (alg === COSE_ALG_PS256) return crypto.subtle.importKey('spki', spki, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  for (const namedCurve of ['P-256', 'P-384', 'P-521']) {
    try {
      return await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve }, false, ['verify']);
    } catch {
      // try the next curve
    }
  }
  return undefined;
}

function keyFor(ref: PublicKeyRef, alg: number): Promise<CryptoKey | undefined> {
  let key = keys.get(ref);
  if (!key) {
    key = importKey(ref, alg).catch(() => undefined);
    keys.set(ref, key);
  }
  return key;
}

export const browserCryptoPort: CryptoPort = {
  async inflate(data) {
    const stream = new Blob([copy(data)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  async sha256(data) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', copy(data)));
  },
  async verify(alg, ref, data, signature) {
    if (alg !== COSE_ALG_ES256 && alg !== COSE_ALG_PS256) return false;
    const key = await keyFor(ref, alg);
    if (!key) return false;
    const expected = alg === COSE_ALG_ES256 ? 'ECDSA' : 'RSA-PSS';
    if (key.algorithm.name !== expected) return false;
    const params = alg === COSE_ALG_ES256 ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSA-PSS', saltLength: 32 };
    return crypto.subtle.verify(params, key, copy(signature), copy(data));
  },
};
