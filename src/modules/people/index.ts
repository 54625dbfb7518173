/** People: persons, their passports and their names in three forms (DESIGN.md section 7). */
export { createPerson } from './person.service';
export { findPersonSummaries } from './person.repository';
export { NewPerson, PersonNames, PersonSummary, ScriptName } from './person.schema';
export { deriveNames, formatName } from './person.names';
export { transliterate, toMrzLatin, tajikToIcaoLatin, TABLES, TABLES as TRANSLITERATION_TABLES } from './transliteration/transliterate';
export { parseMrz, formatMrz, checkDigit, type Mrz, type MrzFields } from './passport/mrz';
