/**
 * Blocking keys: instead of comparing every person with every list entry, both sides are keyed, and only
 * pairs that share a key are compared. A key is an unordered pair of name parts' blocking codes (so order,
 * dropped patronymics and extra names do not matter) with the birth year (0 when the list has none). Each
 * code also enters with every one-letter deletion of it, so a typo on either side still shares a key.
 * A record with a full birth date also has a key per single name part (its code as it is) with that date, so
 * a name mangled in all but one part is still compared with entries born on the same day.
 */
import type { PreparedName } from './names';

const codeIds = new Map<string, number>();
const variantCache = new Map<string, Int32Array>();

function codeId(code: string): number {
  let id = codeIds.get(code);
  if (id === undefined) {
    id = codeIds.size + 1;
    codeIds.set(code, id);
  }
  return id;
}

/** The code itself first, then its one-letter deletions (codes of three letters or more). */
export function codeVariants(code: string): Int32Array {
  let variants = variantCache.get(code);
  if (!variants) {
    const set = new Set<string>([code]);
    if (code.length >= 3) for (let i = 0; i < code.length; i += 1) set.add(code.slice(0, i) + code.slice(i + 1));
    variants = Int32Array.from([...set].map(codeId));
    variantCache.set(code, variants);
  }
  return variants;
}

/** A 32-bit hash of a code pair and a year (murmur3 finalizer steps). */
export function pairKey(a: number, b: number, year: number): number {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ hi, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ (year * 2654435761), 0x27d4eb2f);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Calls `emit` with every key of a name for one year (0: no year); a key may be emitted more than once. */
export function forEachKey(name: PreparedName, year: number, emit: (key: number) => void): void {
  for (let i = 0; i < name.length; i += 1) {
    const ci = (name[i] as PreparedName[number]).code;
    if (ci.length === 0) continue;
    const vi = codeVariants(ci);
    for (let j = i + 1; j < name.length; j += 1) {
      const cj = (name[j] as PreparedName[number]).code;
      if (cj.length === 0) continue;
      const vj = codeVariants(cj);
      const ai = vi[0] as number;
      const aj = vj[0] as number;
      for (let k = 0; k < vi.length; k += 1) emit(pairKey(vi[k] as number, aj, year));
      for (let k = 1; k < vj.length; k += 1) emit(pairKey(ai, vj[k] as number, year));
    }
  }
}

/** A full birth date as one number (0 when any part is unknown). */
export function dateNumber(year: number, month: number, day: number): number {
  return year > 0 && month > 0 && day > 0 ? year * 10_000 + month * 100 + day : 0;
}

/** Calls `emit` with the single-part keys of a name for one full birth date (see above). */
export function forEachDateKey(name: PreparedName, date: number, emit: (key: number) => void): void {
  if (date === 0) return;
  for (let i = 0; i < name.length; i += 1) {
    const code = (name[i] as PreparedName[number]).code;
    // Codes of one or two letters (initials, short names) would put most people born that day in one block.
    if (code.length >= 3) emit(pairKey(codeId(code), 0, date));
  }
}
