import { Decoder, Encoder, Tag } from 'cbor-x';

/**
 * COSE_Sign1 (RFC 9052) as HCERT uses it: decode (tag 18, optionally inside CWT tag 61, or untagged), build the
 * Sig_structure that is signed, and encode a signed message. Pure: no Node APIs, so the browser verifier uses it.
 */
export const COSE_ALG_ES256 = -7;
export const COSE_ALG_PS256 = -37;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const TAG_COSE_SIGN1 = 18;
const TAG_CWT = 61;

export const cborDecoder = new Decoder({ mapsAsObjects: false, useRecords: false });
export const cborEncoder = new Encoder({ mapsAsObjects: false, useRecords: false, tagUint8Array: false, variableMapSize: true });

export interface CoseSign1 {
  readonly protectedBytes: Uint8Array;
  readonly alg: number | undefined;
  /** The kid used for key lookup: the protected one, else the unprotected one (HCERT rule). */
  readonly kid: Uint8Array | undefined;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

export class MalformedError extends Error {}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function headerValue(header: unknown, key: number): unknown {
  return header instanceof Map ? header.get(key) : undefined;
}

/** Decode a COSE_Sign1; throws MalformedError for anything that is not one. */
export function decodeCoseSign1(bytes: Uint8Array): CoseSign1 {
  let value: unknown;
  try {
    value = cborDecoder.decode(bytes);
  } catch {
    throw new MalformedError('cose: not CBOR');
  }
  if (value instanceof Tag && value.tag === TAG_CWT) value = value.value;
  if (value instanceof Tag && value.tag === TAG_COSE_SIGN1) value = value.value;
  if (value instanceof Tag) throw new MalformedError(`cose: unexpected tag ${value.tag}`);
  if (!Array.isArray(value) || value.length !== 4) throw new MalformedError('cose: not a COSE_Sign1 array');
  const [protectedBytes, unprotected, payload, signature] = value as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) throw new MalformedError('cose: fields are not byte strings');
  if (!(unprotected instanceof Map) && !(unprotected && typeof unprotected === 'object')) throw new MalformedError('cose: unprotected header is not a map');
  let protectedHeader: unknown = new Map();
  if (protectedBytes.length > 0) {
    try {
      protectedHeader = cborDecoder.decode(protectedBytes);
    } catch {
      throw new MalformedError('cose: protected header is not CBOR');
    }
    if (!(protectedHeader instanceof Map)) throw new MalformedError('cose: protected header is not a map');
  }
  const protectedKid = headerValue(protectedHeader, HEADER_KID);
  const unprotectedKid = headerValue(unprotected, HEADER_KID);
  const kid = isBytes(protectedKid) ? protectedKid : protectedKid === undefined && isBytes(unprotectedKid) ? unprotectedKid : undefined;
  const alg = headerValue(protectedHeader, HEADER_ALG) ?? headerValue(unprotected, HEADER_ALG);
  return { protectedBytes, alg: typeof alg === 'number' ? alg : undefined, kid, payload, signature };
}

function cborHead(major: number, length: number): number[] {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  if (length < 0x10000) return [(major << 5) | 25, length >> 8, length & 0xff];
  return [(major << 5) | 26, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff];
}

/** The fixed start of every Sig_structure: an array of 4, then the text "Signature1". */
const SIG_PREFIX = new Uint8Array([0x84, 0x6a, ...new TextEncoder().encode('Signature1')]);

/** Write a CBOR byte-string head at `at`; returns the position after it. */
function writeHead(out: Uint8Array, at: number, length: number): number {
  const head = cborHead(2, length);
  out.set(head, at);
  return at + head.length;
}

const headLength = (length: number) => (length < 24 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 5);

/** Sig_structure = ["Signature1", protected, external_aad = h'', payload], CBOR-encoded. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const size = SIG_PREFIX.length + headLength(protectedBytes.length) + protectedBytes.length + 1 + headLength(payload.length) + payload.length;
  const out = new Uint8Array(size);
  out.set(SIG_PREFIX, 0);
  let at = writeHead(out, SIG_PREFIX.length, protectedBytes.length);
  out.set(protectedBytes, at);
  at += protectedBytes.length;
  out[at++] = 0x40;
  at = writeHead(out, at, payload.length);
  out.set(payload, at);
  return out;
}

export function encodeProtectedHeader(alg: number, kid: Uint8Array): Uint8Array {
  return cborEncoder.encode(
    new Map<number, unknown>([
      [HEADER_ALG, alg],
      [HEADER_KID, kid],
    ]),
  );
}

/** Encode a signed COSE_Sign1 with tag 18 and an empty unprotected header. */
export function encodeCoseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  return cborEncoder.encode(new Tag([protectedBytes, new Map(), payload, signature], TAG_COSE_SIGN1));
}
