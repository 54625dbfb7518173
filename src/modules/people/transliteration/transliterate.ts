import tajikNationalLatin from './tajik-national-latin.json' with { type: 'json' };
import tajikToRussian from './tajik-to-russian.json' with { type: 'json' };

/** A transliteration system as data: lower-case source letters to target strings; letters not listed stay. */
export interface TransliterationTable {
  readonly id: string;
  readonly mapping: Readonly<Record<string, string>>;
}

export const TABLES = {
  tajikToRussian: tajikToRussian as TransliterationTable,
  tajikNationalLatin: tajikNationalLatin as TransliterationTable,
} as const;

/** Transliterate letter by letter, keeping the case of each source letter (a capital maps to a capitalized string). */
export function transliterate(text: string, table: TransliterationTable): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const lower = char.toLowerCase();
    const mapped = table.mapping[lower];
    if (mapped === undefined) {
      out += char;
    } else if (char !== lower) {
      out += mapped.charAt(0).toUpperCase() + mapped.slice(1);
    } else {
      out += mapped;
    }
  }
  return out;
}

/** The MRZ form of a name part: capital Latin letters, spaces kept, anything else dropped. */
export function toMrzLatin(text: string, table: TransliterationTable = TABLES.tajikNationalLatin): string {
  return transliterate(text, table)
    .toUpperCase()
    .replace(/[^A-Z '-]/g, '')
    .trim();
}
