/**
 * Base45 (RFC 9285), the alphabet QR codes carry in alphanumeric mode. Pure, so the browser verifier uses it too.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

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
    const c = VALUE.get(text[g * 3] as string);
    const d = VALUE.get(text[g * 3 + 1] as string);
    const e = VALUE.get(text[g * 3 + 2] as string);
    if (c === undefined || d === undefined || e === undefined) return undefined;
    const n = c + d * 45 + e * 2025;
    if (n > 0xffff) return undefined;
    out[g * 2] = n >> 8;
    out[g * 2 + 1] = n & 0xff;
  }
  if (rest === 2) {
    const c = VALUE.get(text[groups * 3] as string);
    const d = VALUE.get(text[groups * 3 + 1] as string);
    if (c === undefined || d === undefined) return undefined;
    const n = c + d * 45;
    if (n > 0xff) return undefined;
    out[groups * 2] = n;
  }
  return out;
}
