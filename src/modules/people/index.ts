/** People: persons, their passports (ICAO 9303 MRZ), their names in three forms, duplicate detection (DESIGN.md section 7). */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
export { NewPerson, PersonNames, PersonSummary, ScriptName, PersonDetail, DuplicateCandidate, Registration } from './person.schema';
export { findPersonSummaries, toPersonSummary, personSummaryJson, parsePersonSummaryJson, findPersonIdentity, findPassportNumbers } from './person.repository';
export { deriveNames, formatName } from './person.names';
export {
  transliterate,
  toMrzLatin,
  tajikToIcaoLatin,
  TABLES,
  TABLES as TRANSLITERATION_TABLES,
  type TransliterationTable,
} from './transliteration/transliterate';
export { parseMrz, formatMrz, checkDigit, type Mrz, type MrzFields } from './passport/mrz';
export { registerNameMatcher, registerRegistrationHook, type NameMatcher, type MatchablePerson, type PersonComparison } from './person.extensions';
export { createPerson } from './person.service';
export { registerApplicant } from './registration.service';
export { peoplePermissions } from './people.permissions';
import { peopleRoutes as routes } from './people.routes';
import './people.permissions';

export function peopleRoutes(db: Db): RouteDefinition[] {
  return routes(db);
}
