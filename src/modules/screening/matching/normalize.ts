/**
 * Normalization of names for matching across scripts and transliteration systems. Every name part becomes a
 * `skeleton`: lower-case ASCII in which the spellings that the systems in use produce for one Cyrillic letter
 * collapse to one (Tajik national `j`, ICAO `dzh` and GOST `dzh` for ҷ/дж; `h`, `kh`, `x` for ҳ/х; `q` and `k`
 * for қ/к; `gh` and `g` for ғ/г; `y`, `i`, `j` for й; `ye` and `e` for е), with doubled letters single. The
 * skeleton is for comparing, never for printing.
 */

/** Any Cyrillic letter (Tajik, Russian, Ukrainian, Belarusian, Kazakh, Serbian...) to Latin, for matching only. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', ґ: 'g', ѓ: 'g', д: 'd', ђ: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', ѕ: 'dz',
  и: 'i', ӣ: 'i', і: 'i', ї: 'yi', й: 'y', ј: 'y', к: 'k', қ: 'k', ќ: 'k', л: 'l', љ: 'l', м: 'm', н: 'n', ң: 'n', њ: 'n',
  о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ch', у: 'u', ӯ: 'u', ү: 'u', ұ: 'u', ў: 'u', ф: 'f', х: 'kh', ҳ: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ҷ: 'j', џ: 'j', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ә: 'a', ю: 'yu', я: 'ya',
};

/** Latin letters with marks whose plain form would lose a sound (GOST 7.79 System A, Turkic and Slavic Latin). */
const MARKED: Readonly<Record<string, string>> = {
  č: 'ch', ć: 'ch', ç: 'ch', š: 'sh', ś: 'sh', ş: 'sh', ș: 'sh', ž: 'zh', ź: 'z', ż: 'z', ŝ: 'sh', û: 'yu', â: 'ya', ǧ: 'g',
  ğ: 'g', ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ʹ: '', ʺ: '', '`': '', "'": '', '’': '', 'ʼ': '', 'ʻ': '',
};

/**
 * Rewrites in order. Sounds written with two letters become one internal symbol (upper case, never produced
 * by the input): S for ш/sh, C for ч/ch, Q for ц/ts, J for ҷ/дж/ж (j, dzh, zh), so a one-letter typo in
 * Cyrillic stays one edit in the skeleton.
 */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // ICAO writes ъ as "ie": Раъно is Raieno there and Rano in Tajik passports.
  [/([aeiou])ie(?=[^aeiou]|$)/g, '$1'],
  [/shch|shh|sch/g, 'S'],
  [/dzh|dj|zh/g, 'J'],
  [/tch|ch/g, 'C'],
  [/sh/g, 'S'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q|ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/cz|tz|ts/g, 'Q'],
  // A bare j before a vowel is ҷ (Tajik passports: Jamshed); elsewhere it is й (GOST B: Husejn).
  [/(^|[^aeiou])j(?=[aeiou])/g, '$1J'],
  [/j/g, 'y'],
  // й, ю, я, ё, е in the systems: y or i before a vowel at the start or after a vowel is y; after a vowel
  // and before a consonant it is i (Husein, Huseyn, Husejn).
  [/(^|[aeiou])[yi]+(?=[aeiou])/g, '$1y'],
  [/([aeiou])y(?![aeiou])/g, '$1i'],
  [/ye/g, 'e'],
  // ё: yo in Tajik passports and GOST B, e in ICAO 9303 (Ёқуб: Yoqub, Ekub).
  [/yo/g, 'e'],
  [/ou/g, 'u'],
];

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'dos', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'binti', 'mr', 'mrs', 'ms', 'dr', 'monsieur', 'madame', 'mme', 'sir', 'prof']);

/** Lower-case ASCII letters of a name part in any script, before the phonetic rewrites. */
export function toAsciiLetters(part: string): string {
  let out = '';
  for (const char of part.normalize('NFC').toLowerCase()) {
    const cyrillic = CYRILLIC[char];
    if (cyrillic !== undefined) {
      out += cyrillic;
      continue;
    }
    const marked = MARKED[char];
    if (marked !== undefined) {
      out += marked;
      continue;
    }
    const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (/^[a-z]+$/.test(plain)) out += plain;
  }
  return out;
}

function collapseDoubles(text: string): string {
  let out = '';
  for (const char of text) if (out.charAt(out.length - 1) !== char) out += char;
  return out;
}

/** The matching skeleton of one name part (see the module comment). */
export function skeleton(part: string): string {
  let text = toAsciiLetters(part);
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  return collapseDoubles(text);
}

/**
 * Surname and patronymic endings that change between documents and after surname reforms: -ov/-ova/-ev/-eva,
 * -zoda/-zade, -i (Tajik -ӣ), -ovich/-ovna, -ogli/-kizi. Longest first; the stem keeps at least three letters.
 */
const SUFFIXES = ['ovich', 'evich', 'ovna', 'evna', 'ichna', 'ogli', 'ugli', 'kizi', 'zoda', 'zade', 'zada', 'ova', 'eva', 'ina', 'ich', 'ov', 'ev', 'iy', 'yi', 'i'];

export function stem(skel: string): string {
  for (const suffix of SUFFIXES) {
    if (skel.length - suffix.length >= 3 && skel.endsWith(suffix)) {
      // Tajik -ӣ only ends a surname of five letters or more (Rahmoni); Ali, Zaki, Vali keep it.
      if (suffix === 'i' && skel.length < 5) continue;
      return skel.slice(0, -suffix.length);
    }
  }
  return skel;
}

/** The removed ending, for reasons ("-ov → -zoda"). */
export function suffixOf(skel: string): string {
  return skel.slice(stem(skel).length);
}

/** Blocking code of a name part: first letter of the stem, then its consonants, at most five letters. */
export function blockingCode(stemmed: string): string {
  if (stemmed.length === 0) return '';
  const rest = stemmed.slice(1).replace(/[aeiouy]/g, '');
  return collapseDoubles(stemmed.charAt(0) + rest).slice(0, 5);
}

/** Split a full name into parts on spaces, hyphens, commas and dots; honorifics and particles are dropped. */
export function splitName(name: string): string[] {
  return name
    .split(/[\s,.\-‐–—_/()]+/)
    .filter((part) => part.length > 0)
    .filter((part) => !PARTICLES.has(toAsciiLetters(part)));
}

export function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}
