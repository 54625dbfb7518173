import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { derBitString, derBoolean, derContext, derOctets, derOid, derSequence, derSet, derTime, derUnsigned, derUtf8, derPrintable, der } from './core/der';

/**
 * X.509 v3 certificates for the issuer hierarchy: a self-signed health-authority root (CA) and one signer
 * certificate per clinic signing point, issued by the root. ECDSA P-256 with SHA-256 throughout. Written with
 * the small DER encoder in `core/der.ts`; Node's X509Certificate parses and verifies what it produces.
 */
const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

export interface DistinguishedName {
  readonly country: string;
  readonly organization: string;
  readonly commonName: string;
}

function name(dn: DistinguishedName): Uint8Array {
  const rdn = (oid: string, value: Uint8Array) => derSet(derSequence(derOid(oid), value));
  return derSequence(
    rdn(OID.countryName, derPrintable(dn.country)),
    rdn(OID.organizationName, derUtf8(dn.organization)),
    rdn(OID.commonName, derUtf8(dn.commonName)),
  );
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? derSequence(derOid(oid), derBoolean(true), derOctets(value)) : derSequence(derOid(oid), derOctets(value));
}

/** keyUsage bits: digitalSignature (bit 0) for signers; keyCertSign (5) and cRLSign (6) for the root. */
function keyUsage(isCa: boolean): Uint8Array {
  return isCa ? der(0x03, new Uint8Array([1, 0x06])) : der(0x03, new Uint8Array([7, 0x80]));
}

function keyIdentifier(spki: Uint8Array): Uint8Array {
  return createHash('sha1').update(spki).digest().subarray(0, 20);
}

/** The BIT STRING content of a SubjectPublicKeyInfo (the raw public key), for key identifiers. */
function spkiOf(publicKey: KeyObject): Uint8Array {
  return publicKey.export({ type: 'spki', format: 'der' });
}

export interface CertificateRequest {
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  readonly subjectPublicKey: KeyObject;
  readonly issuerPrivateKey: KeyObject;
  readonly issuerPublicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCa: boolean;
}

export function createCertificate(request: CertificateRequest): Buffer {
  const algorithm = derSequence(derOid(OID.ecdsaWithSha256));
  const subjectSpki = spkiOf(request.subjectPublicKey);
  const extensions = [
    extension(OID.basicConstraints, true, request.isCa ? derSequence(derBoolean(true), derUnsigned(new Uint8Array([0]))) : derSequence()),
    extension(OID.keyUsage, true, keyUsage(request.isCa)),
    extension(OID.subjectKeyIdentifier, false, derOctets(keyIdentifier(subjectSpki))),
    extension(OID.authorityKeyIdentifier, false, derSequence(der(0x80, keyIdentifier(spkiOf(request.issuerPublicKey))))),
  ];
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const tbs = derSequence(
    derContext(0, derUnsigned(new Uint8Array([2]))),
    derUnsigned(serial),
    algorithm,
    name(request.issuer),
    derSequence(derTime(request.notBefore), derTime(request.notAfter)),
    name(request.subject),
    subjectSpki,
    derContext(3, derSequence(...extensions)),
  );
  const signature = sign('sha256', tbs, request.issuerPrivateKey);
  return Buffer.from(derSequence(tbs, algorithm, derBitString(signature)));
}
