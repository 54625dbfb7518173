/**
 * A minimal DER reader and writer: enough to build X.509 certificates (issuer roots and signer certificates)
 * and to find the public key inside one, in Node and in the browser alike.
 */
export interface DerNode {
  readonly tag: number;
  /** Offset of the whole element (tag byte) and of its content inside the buffer. */
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export function readDer(buf: Uint8Array, offset = 0): DerNode {
  const tag = buf[offset];
  if (tag === undefined) throw new RangeError('der: truncated');
  let pos = offset + 1;
  let length = buf[pos++];
  if (length === undefined) throw new RangeError('der: truncated');
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('der: unsupported length');
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const b = buf[pos++];
      if (b === undefined) throw new RangeError('der: truncated');
      length = length * 256 + b;
    }
  }
  const end = pos + length;
  if (end > buf.length) throw new RangeError('der: truncated');
  return { tag, start: offset, contentStart: pos, end };
}

export function derChildren(buf: Uint8Array, node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  for (let pos = node.contentStart; pos < node.end; ) {
    const child = readDer(buf, pos);
    children.push(child);
    pos = child.end;
  }
  return children;
}

/** The SubjectPublicKeyInfo of an X.509 certificate, as DER bytes. */
export function certificateSpki(cert: Uint8Array): Uint8Array {
  const certificate = readDer(cert);
  const [tbsNode] = derChildren(cert, certificate);
  if (!tbsNode || tbsNode.tag !== 0x30) throw new RangeError('x509: no tbsCertificate');
  const tbs = derChildren(cert, tbsNode);
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const spki = fields[5];
  if (!spki || spki.tag !== 0x30) throw new RangeError('x509: no subjectPublicKeyInfo');
  return cert.subarray(spki.start, spki.end);
}

// ---- writer ----

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export function der(tag: number, ...content: Uint8Array[]): Uint8Array {
  const total = content.reduce((sum, c) => sum + c.length, 0);
  const header = [tag, ...lengthBytes(total)];
  const out = new Uint8Array(header.length + total);
  out.set(header, 0);
  let pos = header.length;
  for (const c of content) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

export const derSequence = (...items: Uint8Array[]) => der(0x30, ...items);
export const derSet = (...items: Uint8Array[]) => der(0x31, ...items);
export const derContext = (n: number, ...items: Uint8Array[]) => der(0xa0 + n, ...items);
export const derOctets = (bytes: Uint8Array) => der(0x04, bytes);
export const derBitString = (bytes: Uint8Array) => der(0x03, new Uint8Array([0]), bytes);
export const derUtf8 = (text: string) => der(0x0c, new TextEncoder().encode(text));
export const derPrintable = (text: string) => der(0x13, new TextEncoder().encode(text));
export const derBoolean = (value: boolean) => der(0x01, new Uint8Array([value ? 0xff : 0]));

/** A non-negative INTEGER from big-endian bytes (a leading zero is added when the top bit is set). */
export function derUnsigned(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = bytes.subarray(start);
  return (trimmed[0] as number) & 0x80 ? der(0x02, new Uint8Array([0]), trimmed) : der(0x02, trimmed);
}

export function derOid(oid: string): Uint8Array {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [(parts[0] as number) * 40 + (parts[1] as number)];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let n = Math.floor(part / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
    bytes.push(...chunk);
  }
  return der(0x06, new Uint8Array(bytes));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 section 4.1.2.5). */
export function derTime(date: Date): Uint8Array {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const year = date.getUTCFullYear();
  return year < 2050 ? der(0x17, new TextEncoder().encode(`${iso.slice(2)}Z`)) : der(0x18, new TextEncoder().encode(`${iso}Z`));
}
