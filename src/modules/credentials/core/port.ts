/**
 * What the credential core needs from its platform: zlib, SHA-256 and signature checks. Node implements it
 * with `node:zlib` and `node:crypto` (synchronous, reused key objects); the browser with DecompressionStream
 * and WebCrypto. The core awaits whatever comes back, so either works.
 */
export type MaybePromise<T> = T | Promise<T>;

export interface PublicKeyRef {
  /** DER of the signer's X.509 certificate (the key is taken from it). */
  readonly certificate: Uint8Array;
}

export interface CryptoPort {
  /** zlib (RFC 1950) inflate; throws on data that is not a complete zlib stream. */
  inflate(data: Uint8Array): MaybePromise<Uint8Array>;
  sha256(data: Uint8Array): MaybePromise<Uint8Array>;
  /** Check a COSE signature (ES256 raw r‖s, or PS256) over `data`; false for a wrong signature or key type. */
  verify(alg: number, key: PublicKeyRef, data: Uint8Array, signature: Uint8Array): MaybePromise<boolean>;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) out += HEX[bytes[i] as number] as string;
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
