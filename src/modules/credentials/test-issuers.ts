import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { encodeCredentialText, type CredentialBody, type Signer } from './core/issue';
import type { TrustedIssuer } from './core/model';
import { kidOfCertificate } from './issuer-key.service';
import { createCertificate } from './x509';

/**
 * A root and signer keys made in memory, for tests and benchmarks of the codec (no database): the same
 * certificate and signing code the service uses.
 */
export interface MemoryIssuer {
  readonly trusted: TrustedIssuer;
  readonly signer: Signer;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function createMemoryRoot() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dn = { country: 'TJ', organization: 'Test Health Authority', commonName: 'Test Root CA' };
  const now = new Date();
  const certificate = createCertificate({
    subject: dn,
    issuer: dn,
    subjectPublicKey: publicKey,
    issuerPrivateKey: privateKey,
    issuerPublicKey: publicKey,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    isCa: true,
  });
  return { privateKey, publicKey, certificate, dn };
}

export function createMemoryIssuer(
  root: ReturnType<typeof createMemoryRoot>,
  options: { name?: string; validFrom?: number; validUntil?: number; suspendedAt?: number | null } = {},
): MemoryIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = new Date();
  const certificate = createCertificate({
    subject: { country: 'TJ', organization: options.name ?? 'Test Clinic', commonName: 'Test signing point' },
    issuer: root.dn,
    subjectPublicKey: publicKey,
    issuerPrivateKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 2 * 365 * 86_400_000),
    isCa: false,
  });
  const kid = kidOfCertificate(certificate);
  return {
    trusted: {
      kid,
      certificate,
      name: options.name ?? 'Test Clinic',
      country: 'TJ',
      validFrom: options.validFrom ?? Math.floor(now.getTime() / 1000) - 1000 * 86_400,
      validUntil: options.validUntil ?? Math.floor(now.getTime() / 1000) + 2 * 365 * 86_400,
      suspendedAt: options.suspendedAt ?? null,
    },
    signer: { kid: Buffer.from(kid, 'hex'), sign: (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }) },
    privateKey,
    publicKey,
  };
}

export function encodeWith(issuer: Pick<MemoryIssuer, 'signer'>, body: CredentialBody): string {
  return encodeCredentialText(body, issuer.signer, (data) => deflateSync(data, { level: 9 }));
}
