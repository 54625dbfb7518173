import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Issuer private keys at rest: PKCS#8 DER sealed with AES-256-GCM under the key-encryption key from
 * configuration. Layout: 12-byte IV ‖ 16-byte tag ‖ ciphertext; the key's id is bound as associated data, so a
 * sealed key copied onto another row does not open.
 */
const VERSION = Buffer.from([1]);

export function sealPrivateKey(privateKey: KeyObject, keyEncryptionKey: string, keyId: string): Buffer {
  const kek = Buffer.from(keyEncryptionKey, 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(keyId));
  const plain = privateKey.export({ type: 'pkcs8', format: 'der' });
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([VERSION, iv, cipher.getAuthTag(), body]);
}

export function openPrivateKey(sealed: Uint8Array, keyEncryptionKey: string, keyId: string): KeyObject {
  const buf = Buffer.from(sealed);
  if (buf[0] !== 1) throw new Error('sealed key: unknown version');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyEncryptionKey, 'base64'), buf.subarray(1, 13));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(buf.subarray(13, 29));
  const plain = Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]);
  return createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
}
