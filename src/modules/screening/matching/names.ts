/**
 * Name comparison: two names as bags of prepared parts, aligned one to one by similarity. Parts that agree
 * add their similarity, parts that were aligned but disagree count against, and parts without a counterpart
 * cost what their role says (a dropped patronymic costs almost nothing, a dropped given name a lot).
 */
import { blockingCode, isCyrillic, skeleton, splitName, stem, suffixOf, toAsciiLetters } from './normalize';
import { editDistance } from './similarity';
import type { Reason } from './reasons';

export type NameRole = 'surname' | 'given' | 'patronymic' | 'any';

export interface NamePart {
  readonly text: string;
  readonly role: NameRole;
}

export interface Token {
  /** Interning id: equal ids are the same part in the same role. */
  readonly id: number;
  readonly ascii: string;
  readonly skel: string;
  readonly stem: string;
  readonly code: string;
  /** What `stem` removed (`ov`, `zoda`, `i`; empty for none). */
  readonly ending: string;
  readonly cyrillic: boolean;
  readonly role: NameRole;
  /** Weight of the part when aligned. */
  readonly weight: number;
  /** Cost of the part when the other name has nothing for it. */
  readonly missing: number;
}

export type PreparedName = readonly Token[];

type BaseToken = Pick<Token, 'ascii' | 'skel' | 'stem' | 'code' | 'ending' | 'cyrillic'>;

const ROLE_WEIGHTS: Readonly<Record<NameRole, { weight: number; missing: number }>> = {
  surname: { weight: 1, missing: 0.6 },
  given: { weight: 1, missing: 0.6 },
  patronymic: { weight: 0.6, missing: 0.05 },
  any: { weight: 1, missing: 0.1 },
};
/** A second given name (or a second word of any role) weighs less and may be dropped. */
const EXTRA_WORD = { weight: 0.5, missing: 0.1 };

const cache = new Map<string, BaseToken>();
const tokenCache = new Map<string, Token>();
let generation = 0;

export function prepareWord(word: string): BaseToken {
  let base = cache.get(word);
  if (!base) {
    const skel = skeleton(word);
    const stemmed = stem(skel);
    base = { ascii: toAsciiLetters(word), skel, stem: stemmed, code: blockingCode(stemmed), ending: skel.slice(stemmed.length), cyrillic: isCyrillic(word) };
    if (cache.size > 500_000) cache.clear();
    cache.set(word, base);
  }
  return base;
}

/** Prepare the parts of a name (surname, given names, patronymic; or one full name of role `any`). */
export function prepareName(parts: readonly NamePart[]): PreparedName {
  const tokens: Token[] = [];
  for (const part of parts) {
    const words = splitName(part.text);
    words.forEach((word, index) => {
      const key = `${part.role}|${index === 0 ? 1 : 0}|${word}`;
      let token = tokenCache.get(key);
      if (!token) {
        const base = prepareWord(word);
        const weights = index === 0 ? ROLE_WEIGHTS[part.role] : EXTRA_WORD;
        token = { id: tokenCache.size + 1 + generation * 2_000_000, ...base, role: part.role, ...weights };
        if (tokenCache.size >= 2_000_000) {
          tokenCache.clear();
          generation += 1;
        }
        tokenCache.set(key, token);
      }
      if (token.skel.length > 0) tokens.push(token);
    });
  }
  return tokens;
}

export type PairKind = 'equal' | 'transliterated' | 'suffix' | 'edit' | 'different' | 'initial';

export interface PairSimilarity {
  readonly sim: number;
  readonly kind: PairKind;
  readonly distance: number;
}

/** Aligned parts at or above this similarity agree; below it they are a conflict. */
export const AGREE = 0.8;

const PART_ORDER: Readonly<Record<NameRole, number>> = { surname: 0, given: 1, patronymic: 2, any: 3 };

/**
 * Similarity of two name parts. Equal skeletons are equal names in two systems. Equal stems are one name with
 * another ending (-ов, -зода, -ӣ): full weight for surnames and patronymics, little for given names, which
 * take no endings (Murod and Murodov are two names). Otherwise only one edit (two in long names) still
 * agrees; anything further is a different name, however similar it sounds (Karimov, Karomatov).
 */
export function compareTokens(a: Token, b: Token): PairSimilarity {
  if (a === b) return EQUAL;
  if (a.ascii === b.ascii) return EQUAL;
  if (a.skel === b.skel) return TRANSLITERATED;
  if (Math.abs(a.skel.length - b.skel.length) > 2 && Math.abs(a.stem.length - b.stem.length) > 2 && a.skel.length > 1 && b.skel.length > 1) return DIFFERENT;
  if (a.ascii.length === 1 || b.ascii.length === 1) {
    return { sim: a.ascii.charAt(0) === b.ascii.charAt(0) ? 0.82 : 0, kind: 'initial', distance: 9 };
  }
  const endingA = a.ending;
  const endingB = b.ending;
  if (a.stem === b.stem && a.stem.length >= 3) {
    const given = a.role === 'given' || b.role === 'given';
    const bare = endingA === '' || endingB === '';
    return { sim: given ? 0.75 : bare ? 0.9 : 0.95, kind: 'suffix', distance: 0 };
  }
  // Whole words, and stems apart from their endings (a typo and another ending at once: Ibroihmov, Ibrohimzoda).
  // A typo is made in one script: the letters as written (ascii) may be one edit apart where the skeletons,
  // after their rewrites, are two.
  const skelSim = editSimilarity(a.skel, b.skel);
  const asciiSim = a.cyrillic === b.cyrillic ? editSimilarity(a.ascii, b.ascii) : NO_EDIT;
  const whole = asciiSim.sim > skelSim.sim ? asciiSim : skelSim;
  const stems = endingA === endingB ? whole : editSimilarity(a.stem, b.stem);
  const stemSim = endingA === endingB || a.role === 'given' || b.role === 'given' ? stems.sim : stems.sim - 0.05;
  if (stemSim > whole.sim && stemSim >= AGREE) return { sim: stemSim, kind: 'edit', distance: stems.distance };
  if (whole.sim >= AGREE) return { sim: whole.sim, kind: 'edit', distance: whole.distance };
  return DIFFERENT;
}

const DIFFERENT: PairSimilarity = { sim: 0, kind: 'different', distance: 9 };
const EQUAL: PairSimilarity = { sim: 1, kind: 'equal', distance: 0 };
const TRANSLITERATED: PairSimilarity = { sim: 1, kind: 'transliterated', distance: 0 };

const NO_EDIT = { sim: 0, distance: 9 };

function editSimilarity(x: string, y: string): { sim: number; distance: number } {
  if (Math.abs(x.length - y.length) > 2) return NO_EDIT;
  const distance = editDistance(x, y, 2);
  const shorter = Math.min(x.length, y.length);
  if (distance === 0) return { sim: 1, distance };
  if (distance === 1 && shorter >= 4) return { sim: 0.9, distance };
  // Three-letter names one edit apart (Ali, Abli) agree, weakly: Ali and Vali are two names as often as one.
  if (distance === 1 && shorter === 3) return { sim: 0.84, distance };
  if (distance === 2 && shorter >= 7) return { sim: 0.82, distance };
  return { sim: 0, distance };
}

export interface NameComparison {
  readonly score: number;
  readonly agreeing: number;
  readonly reasons: Reason[];
}

const MAX_PARTS = 12;
const simMatrix = new Float64Array(MAX_PARTS * MAX_PARTS);
const pairMatrix: (PairSimilarity | undefined)[] = new Array(MAX_PARTS * MAX_PARTS);
const usedA = new Uint8Array(MAX_PARTS);
const usedB = new Uint8Array(MAX_PARTS);
const suffixMatrix = new Uint8Array(MAX_PARTS * MAX_PARTS);

interface Pair {
  readonly i: number;
  readonly j: number;
  readonly s: PairSimilarity;
}

/** One greedy step: the most similar pair of parts not yet used on either side (marked used now), as its matrix cell. */
function takeBest(n: number, m: number): number {
  let best = -1;
  let cell = 0;
  for (let i = 0; i < n; i += 1) {
    if (usedA[i]) continue;
    for (let j = 0; j < m; j += 1) {
      if (usedB[j]) continue;
      const v = simMatrix[i * MAX_PARTS + j] as number;
      if (v > best) {
        best = v;
        cell = i * MAX_PARTS + j;
      }
    }
  }
  usedA[Math.floor(cell / MAX_PARTS)] = 1;
  usedB[cell % MAX_PARTS] = 1;
  return cell;
}

/** Greedy one-to-one alignment by similarity (ties to the heavier part): exact enough for names of a few parts. */
function align(a: PreparedName, b: PreparedName): Pair[] {
  const n = Math.min(a.length, MAX_PARTS);
  const m = Math.min(b.length, MAX_PARTS);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < m; j += 1) {
      const s = compareTokens(a[i] as Token, b[j] as Token);
      pairMatrix[i * MAX_PARTS + j] = s;
      simMatrix[i * MAX_PARTS + j] = s.sim + ((a[i] as Token).weight + (b[j] as Token).weight) * 1e-6;
    }
  }
  usedA.fill(0, 0, n);
  usedB.fill(0, 0, m);
  const chosen: Pair[] = [];
  for (let k = Math.min(n, m); k > 0; k -= 1) {
    const cell = takeBest(n, m);
    chosen.push({ i: Math.floor(cell / MAX_PARTS), j: cell % MAX_PARTS, s: pairMatrix[cell] as PairSimilarity });
  }
  return chosen;
}

function roleOf(a: Token, b: Token): NameRole {
  return a.role !== 'any' ? a.role : b.role;
}

function pairReason(a: Token, b: Token, s: PairSimilarity): Reason {
  const part = roleOf(a, b);
  if (s.sim < AGREE) return { code: 'name_differs', part };
  switch (s.kind) {
    case 'equal':
      return { code: 'name_equal', part };
    case 'transliterated':
      return { code: 'name_transliterated', part };
    case 'suffix':
      return { code: 'name_suffix', part, from: suffixOf(a.skel) || '∅', to: suffixOf(b.skel) || '∅' };
    case 'initial':
      return { code: 'name_initial', part };
    default:
      return { code: 'name_edit', part, distance: s.distance };
  }
}

/** The weighted agreement of the aligned parts, in [0, 1], with the caps that keep weak evidence weak. */
function cappedScore(num: number, den: number, agreeing: number, endings: number, partsA: number, partsB: number): number {
  let score = den === 0 ? 0 : num / den;
  // One agreeing word is weak evidence when either name has more.
  if (agreeing < 2 && (partsA > 1 || partsB > 1)) score = Math.min(score, 0.7);
  // Two parts that agree only through their endings (Murodov Rashid, Rashidzoda Murod) are two people as often as one.
  if (endings >= 2) score = Math.min(score, 0.86);
  return Math.min(1, Math.max(0, score));
}

/** Compare two prepared names; the score is in [0, 1] and the reasons say part by part why. */
export function compareNames(a: PreparedName, b: PreparedName, withReasons = true): NameComparison {
  if (a.length === 0 || b.length === 0) return { score: 0, agreeing: 0, reasons: [] };
  const pairs = align(a, b);
  let num = 0;
  let den = 0;
  let agreeing = 0;
  const reasons: Reason[] = [];
  let endings = 0;
  for (const { i, j, s } of pairs) {
    const ta = a[i] as Token;
    const tb = b[j] as Token;
    const weight = (ta.weight + tb.weight) / 2;
    den += weight;
    if (s.sim >= AGREE) {
      num += weight * s.sim;
      agreeing += 1;
      if (s.kind === 'suffix') endings += 1;
    }
    if (withReasons) reasons.push(pairReason(ta, tb, s));
  }
  for (let i = 0; i < a.length; i += 1) {
    if (pairs.some((p) => p.i === i)) continue;
    den += (a[i] as Token).missing;
    if (withReasons) reasons.push({ code: 'name_missing', part: (a[i] as Token).role });
  }
  for (let j = 0; j < b.length; j += 1) {
    if (pairs.some((p) => p.j === j)) continue;
    den += (b[j] as Token).missing;
    if (withReasons) reasons.push({ code: 'name_extra', part: (b[j] as Token).role });
  }
  const score = cappedScore(num, den, agreeing, endings, a.length, b.length);
  if (withReasons) {
    reasons.sort((x, y) => PART_ORDER[x.part ?? 'any'] - PART_ORDER[y.part ?? 'any']);
    if (hasSwappedOrder(a, b, pairs)) reasons.push({ code: 'order_swapped' });
  }
  return { score, agreeing, reasons };
}

function hasSwappedOrder(a: PreparedName, b: PreparedName, pairs: readonly Pair[]): boolean {
  return pairs.some(
    ({ i, j, s }) =>
      s.sim >= AGREE &&
      (((a[i] as Token).role === 'surname' && (b[j] as Token).role === 'given') || ((a[i] as Token).role === 'given' && (b[j] as Token).role === 'surname')),
  );
}

/**
 * The score of `compareNames` without reasons and without allocating: the hot path of screening, where most
 * compared pairs are no match at all.
 */
export function scoreNames(a: PreparedName, b: PreparedName): number {
  const n = Math.min(a.length, MAX_PARTS);
  const m = Math.min(b.length, MAX_PARTS);
  if (n === 0 || m === 0) return 0;
  for (let i = 0; i < n; i += 1) {
    const ta = a[i] as Token;
    for (let j = 0; j < m; j += 1) {
      const tb = b[j] as Token;
      const s = compareTokens(ta, tb);
      simMatrix[i * MAX_PARTS + j] = s.sim + (ta.weight + tb.weight) * 1e-6;
      suffixMatrix[i * MAX_PARTS + j] = s.kind === 'suffix' ? 1 : 0;
    }
  }
  usedA.fill(0, 0, n);
  usedB.fill(0, 0, m);
  let num = 0;
  let den = 0;
  let agreeing = 0;
  let endings = 0;
  for (let k = Math.min(n, m); k > 0; k -= 1) {
    const cell = takeBest(n, m);
    const bi = Math.floor(cell / MAX_PARTS);
    const bj = cell % MAX_PARTS;
    const weight = ((a[bi] as Token).weight + (b[bj] as Token).weight) / 2;
    const sim = (simMatrix[cell] as number) - ((a[bi] as Token).weight + (b[bj] as Token).weight) * 1e-6;
    den += weight;
    if (sim >= AGREE) {
      num += weight * sim;
      agreeing += 1;
      endings += suffixMatrix[bi * MAX_PARTS + bj] as number;
    }
  }
  for (let i = 0; i < a.length; i += 1) if (i >= n || !usedA[i]) den += (a[i] as Token).missing;
  for (let j = 0; j < b.length; j += 1) if (j >= m || !usedB[j]) den += (b[j] as Token).missing;
  return cappedScore(num, den, agreeing, endings, a.length, b.length);
}

/** A full name of unknown structure (a list entry, a name in any order). */
export function prepareFullName(name: string): PreparedName {
  return prepareName([{ text: name, role: 'any' }]);
}
