/**
 * Base45 (RFC 9285), the alphabet QR codes carry in alphanumeric mode. Pure, so the browser verifier uses it too.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Character code (Latin-1) → value, -1 outside the alphabet: a table lookup per character, no string allocation. */
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) VALUE[ALPHABET.charCodeAt(i)] = i;

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] as number) * 256 + (bytes[i + 1] as number);
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45) % 45]! + ALPHABET[Math.floor(n / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += ALPHABET[n % 45]! + ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/** Decode Base45 text; undefined when a character is outside the alphabet or a group is out of range. */
export function decodeBase45(text: string): Uint8Array | undefined {
  const groups = Math.floor(text.length / 3);
  const rest = text.length - groups * 3;
  if (rest === 1) return undefined;
  const out = new Uint8Array(groups * 2 + (rest === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < groups * 3; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if ((a | b | c) > 0xff) return undefined;
    const x = VALUE[a] as number;
    const y = VALUE[b] as number;
    const z = VALUE[c] as number;
    if ((x | y | z) < 0) return undefined;
    const n = x + y * 45 + z * 2025;
    if (n > 0xffff) return undefined;
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (rest === 2) {
    const a = text.charCodeAt(groups * 3);
    const b = text.charCodeAt(groups * 3 + 1);
    if ((a | b) > 0xff) return undefined;
    const x = VALUE[a] as number;
    const y = VALUE[b] as number;
    if ((x | y) < 0) return undefined;
    const n = x + y * 45;
    if (n > 0xff) return undefined;
    out[o] = n;
  }
  return out;
}
