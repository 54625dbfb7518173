/**
 * Base45 (RFC 9285), the alphabet QR codes carry in alphanumeric mode. Pure, so the browser verifier uses it too.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Character code → value (-1 outside the alphabet): a table lookup per character, no string allocation. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) VALUE[ALPHABET.charCodeAt(i)] = i;
const valueAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 128 ? (VALUE[code] as number) : -1;
};

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
  const rest = text.length % 3;
  if (rest === 1) return undefined;
  const out = new Uint8Array(groups * 2 + (rest === 2 ? 1 : 0));
  for (let g = 0; g < groups; g += 1) {
    const c = valueAt(text, g * 3);
    const d = valueAt(text, g * 3 + 1);
    const e = valueAt(text, g * 3 + 2);
    if (c < 0 || d < 0 || e < 0) return undefined;
    const n = c + d * 45 + e * 2025;
    if (n > 0xffff) return undefined;
    out[g * 2] = n >> 8;
    out[g * 2 + 1] = n & 0xff;
  }
  if (rest === 2) {
    const c = valueAt(text, groups * 3);
    const d = valueAt(text, groups * 3 + 1);
    if (c < 0 || d < 0) return undefined;
    const n = c + d * 45;
    if (n > 0xff) return undefined;
    out[groups * 2] = n;
  }
  return out;
}
