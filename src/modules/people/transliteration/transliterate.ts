import gost779b from './gost-7.79-b.json' with { type: 'json' };
import icao9303 from './icao-9303.json' with { type: 'json' };
import tajikNationalLatin from './tajik-national-latin.json' with { type: 'json' };
import tajikToRussian from './tajik-to-russian.json' with { type: 'json' };

/**
 * A transliteration system as data: lower-case source letters to target strings; letters not listed stay.
 * `before` holds context rules: the letter is written differently when the next letter is one of those listed
 * (GOST 7.79 System B writes ц as `c` before е, и, ы, й and as `cz` elsewhere).
 */
export interface TransliterationTable {
  readonly id: string;
  readonly mapping: Readonly<Record<string, string>>;
  readonly before?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const TABLES = {
  tajikToRussian: tajikToRussian as TransliterationTable,
  tajikNationalLatin: tajikNationalLatin as TransliterationTable,
  icao9303: icao9303 as TransliterationTable,
  gost779b: gost779b as TransliterationTable,
} as const;

export type TableName = keyof typeof TABLES;

function isUpper(char: string | undefined): boolean {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

function withCase(mapped: string, char: string, previous: string | undefined, next: string | undefined): string {
  if (!isUpper(char) || mapped.length === 0) return mapped;
  // Inside an all-capital word the whole digraph is capital (ЩЕГЛОВ → SHCHEGLOV); otherwise only its first letter (Щеглов → Shcheglov).
  return isUpper(next) || (isUpper(previous) && !isLetter(next)) ? mapped.toUpperCase() : mapped.charAt(0).toUpperCase() + mapped.slice(1);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && char.toLowerCase() !== char.toUpperCase();
}

/** Transliterate letter by letter, keeping the case of each source letter. */
export function transliterate(text: string, table: TransliterationTable): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] as string;
    const lower = char.toLowerCase();
    const next = chars[i + 1];
    const contextual = next === undefined ? undefined : table.before?.[lower]?.[next.toLowerCase()];
    const mapped = contextual ?? table.mapping[lower];
    out += mapped === undefined ? char : withCase(mapped, char, chars[i - 1], next);
  }
  return out;
}

/** The MRZ form of a name part: capital Latin letters, spaces kept, anything else dropped. */
export function toMrzLatin(text: string, table: TransliterationTable = TABLES.tajikNationalLatin): string {
  return transliterate(text, table)
    .toUpperCase()
    .replace(/[^A-Z '-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Tajik Cyrillic name in the Latin of Russian documents: the Russian form first, then ICAO 9303. */
export function tajikToIcaoLatin(text: string): string {
  return transliterate(transliterate(text, TABLES.tajikToRussian), TABLES.icao9303);
}
