import { certificateSpki } from './der';
import { COSE_ALG_ES256, decodeCoseSign1, MalformedError } from './cose';
import { checkSignature, type RevocationSet, type TrustStore } from './verify';
import { fromBase64, toBase64, toHex, type CryptoPort } from './port';
import type { TrustedIssuer } from './model';

/**
 * The trust list and the revocation list travel as signed envelopes: a COSE_Sign1 (ES256) by the health
 * authority's root key over the list's JSON, with the root certificate beside it. A verifier pins the root
 * the first time (or is given it) and refuses a list signed by any other.
 */
export interface SignedList {
  readonly format: 'corridor-signed-list/1';
  /** Base64 DER of the root certificate that signed the list. */
  readonly root: string;
  /** Base64 of the COSE_Sign1 whose payload is the list's UTF-8 JSON. */
  readonly cose: string;
}

export interface TrustListDocument {
  readonly kind: 'trust_list';
  readonly version: 1;
  readonly sequence: number;
  readonly issuedAt: string;
  readonly issuers: ReadonlyArray<{
    kid: string;
    name: string;
    country: string;
    certificate: string;
    validFrom: string;
    validUntil: string;
    suspendedAt: string | null;
    /** Credential types the key may sign (key usage); absent in lists published before key usage existed. */
    types?: string[];
  }>;
}

export interface RevocationListDocument {
  readonly kind: 'revocation_list';
  readonly version: 1;
  readonly sequence: number;
  readonly issuedAt: string;
  readonly hashes: readonly string[];
}

export class SignedListError extends Error {}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Check the envelope's signature (and the pinned root, when given) and return the list it carries. */
export async function openSignedList<T extends TrustListDocument | RevocationListDocument>(
  envelope: SignedList,
  kind: T['kind'],
  port: CryptoPort,
  pinnedRoot?: Uint8Array,
): Promise<T> {
  if (envelope?.format !== 'corridor-signed-list/1') throw new SignedListError('not a Corridor signed list');
  const root = fromBase64(envelope.root);
  if (pinnedRoot && !sameBytes(root, pinnedRoot)) throw new SignedListError('signed by a root other than the pinned one');
  certificateSpki(root);
  let cose;
  try {
    cose = decodeCoseSign1(fromBase64(envelope.cose));
  } catch (error) {
    if (error instanceof MalformedError) throw new SignedListError(error.message);
    throw error;
  }
  if (cose.alg !== COSE_ALG_ES256) throw new SignedListError('unsupported algorithm');
  const ok = await checkSignature(cose, { certificate: root, kid: '', name: '', country: '', validFrom: 0, validUntil: 0, suspendedAt: null }, port);
  if (!ok) throw new SignedListError('bad signature');
  const document = JSON.parse(new TextDecoder().decode(cose.payload)) as T;
  if (document.kind !== kind || document.version !== 1) throw new SignedListError(`not a ${kind}`);
  return document;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export function trustStoreFrom(document: TrustListDocument): TrustStore {
  const issuers = new Map<string, TrustedIssuer>();
  for (const i of document.issuers) {
    issuers.set(i.kid, {
      kid: i.kid,
      name: i.name,
      country: i.country,
      certificate: fromBase64(i.certificate),
      validFrom: seconds(i.validFrom),
      validUntil: seconds(i.validUntil),
      suspendedAt: i.suspendedAt ? seconds(i.suspendedAt) : null,
      ...(i.types ? { types: i.types } : {}),
    });
  }
  return { issuers };
}

export function revocationSetFrom(document: RevocationListDocument): RevocationSet {
  return { hashes: new Set(document.hashes) };
}

/** kid = the first 8 bytes of SHA-256 over the signer certificate's DER, in hex. */
export async function kidOf(certificate: Uint8Array, port: CryptoPort): Promise<string> {
  return toHex((await port.sha256(certificate)).subarray(0, 8));
}

export { toBase64 };
