/**
 * Normalization of names for matching across scripts and transliteration systems. Every name part becomes a
 * `skeleton`: lower-case ASCII in which the spellings that the systems in use produce for one Cyrillic letter
 * collapse to one (Tajik national `j`, ICAO `dzh` and GOST `dzh` for ҷ/дж; `h`, `kh`, `x` for ҳ/х; `q` and `k`
 * for қ/к; `gh` and `g` for ғ/г; `y`, `i`, `j` for й; `ye` and `e` for е), with doubled letters single. The
 * skeleton is for comparing, never for printing.
 */

/**
 * Any Cyrillic letter (Tajik, Russian, Ukrainian, Belarusian, Kazakh, Serbian...) straight to the skeleton's
 * symbols, letter by letter, so Cyrillic never passes through Latin digraphs (сх is s+h, not ш).
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  ґ: 'g',
  ѓ: 'g',
  д: 'd',
  ђ: 'd',
  е: 'e',
  ё: 'yo',
  є: 'ye',
  ж: 'J',
  з: 'z',
  ѕ: 'dz',
  и: 'i',
  ӣ: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  ј: 'y',
  к: 'k',
  қ: 'k',
  ќ: 'k',
  л: 'l',
  љ: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  њ: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'C',
  у: 'u',
  ӯ: 'u',
  ү: 'u',
  ұ: 'u',
  ў: 'u',
  ф: 'f',
  х: 'h',
  ҳ: 'h',
  һ: 'h',
  ц: 'Q',
  ч: 'C',
  ҷ: 'J',
  џ: 'J',
  ш: 'S',
  щ: 'S',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ә: 'a',
  ю: 'yu',
  я: 'ya',
};

/** Latin letters with marks whose plain form would lose a sound (GOST 7.79 System A, Turkic and Slavic Latin). */
const MARKED: Readonly<Record<string, string>> = {
  č: 'ch',
  ć: 'ch',
  ç: 'ch',
  š: 'sh',
  ś: 'sh',
  ş: 'sh',
  ș: 'sh',
  ž: 'zh',
  ź: 'z',
  ż: 'z',
  ŝ: 'sh',
  û: 'yu',
  â: 'ya',
  ǧ: 'g',
  ğ: 'g',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ʹ: '',
  ʺ: '',
  '`': '',
  "'": '',
  '’': '',
  ʼ: '',
  ʻ: '',
};

/**
 * Rewrites in order. Sounds written with two letters become one internal symbol (upper case, never produced
 * by the input): S for ш/sh, C for ч/ch, Q for ц/ts, J for ҷ/дж/ж (j, dzh, zh), so a one-letter typo in
 * Cyrillic stays one edit in the skeleton.
 */
const LATIN_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // ICAO writes ъ as "ie": Нӯъмон is Nuiemon there and Numon in Tajik passports.
  [/([aeiou])ie(?=[^aeiouy])/g, '$1'],
  [/shch|shh|sch/g, 'S'],
  [/dzh|dj|zh/g, 'J'],
  [/tch|ch/g, 'C'],
  [/sh/g, 'S'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q|ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/cz|ts/g, 'Q'],
  // A bare j before a vowel is ҷ (Tajik passports: Jamshed, Rajab); elsewhere it is й (GOST B: Husejn).
  [/j(?=[aeiou])/g, 'J'],
  [/j/g, 'y'],
];

/** Vowel rules for all scripts: й, ю, я, ё, е written y, i, j, ye, yo, e by the systems. */
const VOWEL_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  // Russian дж is Tajik ҷ.
  [/dJ/g, 'J'],
  // y or i before a vowel is y (Yusuf, Iusuf); any other y is i (Husein, Huseyn, Husejn).
  [/[yi]+(?=[aeiou])/g, 'y'],
  [/y(?![aeiou])/g, 'i'],
  [/ye/g, 'e'],
  // ё: yo in Tajik passports and GOST B, e in ICAO 9303 (Ёқуб: Yoqub, Ekub).
  [/yo/g, 'e'],
  [/ou/g, 'u'],
];

const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'dos',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'binti',
  'mr',
  'mrs',
  'ms',
  'dr',
  'monsieur',
  'madame',
  'mme',
  'sir',
  'prof',
]);

function foldLatin(char: string): string {
  const marked = MARKED[char];
  if (marked !== undefined) return marked;
  const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (/^[a-z]+$/.test(plain)) return plain;
  // Letters of scripts without a table here (Arabic, Hebrew, Greek, ...) stay as they are: two spellings in the
  // same script still compare letter by letter.
  return /^\p{L}$/u.test(char) && !/[a-z]/.test(plain) ? char : '';
}

/** Lower-case ASCII letters of a name part in any script (Cyrillic by the skeleton's symbols, lower-cased). */
export function toAsciiLetters(part: string): string {
  let out = '';
  for (const char of part.normalize('NFC').toLowerCase()) {
    const cyrillic = CYRILLIC[char];
    out += cyrillic === undefined ? foldLatin(char) : cyrillic.toLowerCase();
  }
  return out;
}

function rewriteLatin(run: string): string {
  let text = run;
  for (const [pattern, replacement] of LATIN_REWRITES) text = text.replace(pattern, replacement);
  return text;
}

function collapseDoubles(text: string): string {
  let out = '';
  for (const char of text) if (out.charAt(out.length - 1) !== char) out += char;
  return out;
}

/** The matching skeleton of one name part (see the module comment). */
export function skeleton(part: string): string {
  let text = '';
  let latin = '';
  for (const char of part.normalize('NFC').toLowerCase()) {
    const cyrillic = CYRILLIC[char];
    if (cyrillic === undefined) {
      latin += foldLatin(char);
      continue;
    }
    text += rewriteLatin(latin) + cyrillic;
    latin = '';
  }
  text += rewriteLatin(latin);
  for (const [pattern, replacement] of VOWEL_REWRITES) text = text.replace(pattern, replacement);
  return collapseDoubles(text);
}

/**
 * Surname and patronymic endings that change between documents and after surname reforms: -ov/-ova/-ev/-eva,
 * -zoda/-zade, -i (Tajik -ӣ), -ovich/-ovna, -ogli/-kizi (in skeleton symbols: C is ch). Longest first; the stem
 * keeps at least three letters.
 */
const SUFFIXES = [
  'ovich',
  'evich',
  'ovna',
  'evna',
  'ichna',
  'ogli',
  'ugli',
  'kizi',
  'zoda',
  'zade',
  'zada',
  'ova',
  'eva',
  'ina',
  'ich',
  'ov',
  'ev',
  'iy',
  'yi',
  'i',
];

export function stem(skel: string): string {
  for (const suffix of SUFFIXES) {
    if (skel.length - suffix.length >= 3 && skel.endsWith(suffix)) {
      // Tajik -ӣ ends surnames (Rahmoni, Boqi of Boqiev); three-letter names keep it (Ali, Vali).
      if (suffix === 'i' && skel.length < 4) continue;
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
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[\s,.\-‐–—_/()]+/)
    .filter((part) => part.length > 0)
    .filter((part) => !PARTICLES.has(part.toLowerCase()));
}

export function isCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}
