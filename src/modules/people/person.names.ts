import type { PersonNames, ScriptName } from './person.schema';
import { TABLES, toMrzLatin, transliterate } from './transliteration/transliterate';

/**
 * Derive the destination (Russian Cyrillic) and passport Latin forms from the origin (Tajik Cyrillic) name.
 * The derived forms are stored and can be corrected by an officer; documents print what is stored.
 */
export function deriveNames(origin: ScriptName): PersonNames {
  const toRussian = (part: string) => transliterate(part, TABLES.tajikToRussian);
  return {
    origin,
    destination: {
      surname: toRussian(origin.surname),
      givenNames: toRussian(origin.givenNames),
      patronymic: origin.patronymic ? toRussian(origin.patronymic) : null,
    },
    latin: { surname: toMrzLatin(origin.surname), givenNames: toMrzLatin(origin.givenNames) },
  };
}

export function formatName(name: ScriptName): string {
  return [name.surname, name.givenNames, name.patronymic].filter(Boolean).join(' ');
}
