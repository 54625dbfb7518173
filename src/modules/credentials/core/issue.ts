import { encodeBase45 } from './base45';
import { COSE_ALG_ES256, cborEncoder, encodeCoseSign1, encodeProtectedHeader, sigStructure } from './cose';
import { CLAIM_KEY, HCERT_PREFIX } from './model';

/**
 * Building a credential's text: the CWT claims, the COSE_Sign1 around them, zlib, Base45 and the prefix.
 * Signing and compression come from the caller (Node on the server).
 */
export interface CredentialBody {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly issuerCountry: string;
  /** Unix seconds. */
  readonly issuedAt: number;
  readonly validFrom: number;
  readonly validUntil: number;
}

function uuidBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, '');
  return new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
}

export function encodeCwt(body: CredentialBody): Uint8Array {
  const claim = { v: body.version, t: body.type, id: body.id, c: body.claims };
  return cborEncoder.encode(
    new Map<number, unknown>([
      [1, body.issuerCountry],
      [4, body.validUntil],
      [5, body.validFrom],
      [6, body.issuedAt],
      [7, uuidBytes(body.id)],
      [-260, new Map([[CLAIM_KEY, claim]])],
    ]),
  );
}

export interface Signer {
  readonly kid: Uint8Array;
  /** ES256 over the data, as raw r‖s (64 bytes). */
  sign(data: Uint8Array): Uint8Array;
}

export function signCose(payload: Uint8Array, signer: Signer): Uint8Array {
  const protectedBytes = encodeProtectedHeader(COSE_ALG_ES256, signer.kid);
  return encodeCoseSign1(protectedBytes, payload, signer.sign(sigStructure(protectedBytes, payload)));
}

export function encodeCredentialText(body: CredentialBody, signer: Signer, deflate: (data: Uint8Array) => Uint8Array): string {
  return HCERT_PREFIX + encodeBase45(deflate(signCose(encodeCwt(body), signer)));
}
