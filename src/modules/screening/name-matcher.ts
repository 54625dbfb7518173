/** The people module's name matcher (duplicates, registration), implemented with the matching engine. */
import type { MatchablePerson, NameMatcher } from '../people';
import { compareNames, compareRecords, parsePartialDate, personRecord, preparePersonNames, UNKNOWN_DATE, type MatchRecord } from './matching';
import { forEachKey } from './matching/blocking';

function toRecord(person: MatchablePerson): MatchRecord {
  const { names } = person;
  return personRecord({
    forms: [{ surname: names.latin.surname, givenNames: names.latin.givenNames }, names.origin, names.destination],
    birth: parsePartialDate(person.birthDate) ?? UNKNOWN_DATE,
    gender: person.gender === 'X' ? null : person.gender,
    passportNumber: person.passportNumber ?? null,
  });
}

export function createNameMatcher(): NameMatcher {
  return {
    keysOf(person) {
      const record = toRecord(person);
      const keys = new Set<number>();
      for (const name of record.names) forEachKey(name, record.birth.year, (key) => keys.add(key | 0));
      return [...keys];
    },
    compare(a, b) {
      const verdict = compareRecords(toRecord(a), toRecord(b));
      return { score: verdict.score, decision: verdict.decision, reasons: verdict.reasons };
    },
    nameAgreement(latin, origin) {
      const [a] = preparePersonNames([{ surname: latin.surname, givenNames: latin.givenNames }]);
      const [b] = preparePersonNames([{ surname: origin.surname, givenNames: origin.givenNames }]);
      return a && b ? compareNames(a, b, false).score : 0;
    },
  };
}
