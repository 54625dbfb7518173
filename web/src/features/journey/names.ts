import type { CaseDetail } from '../../app/contracts';

type Names = CaseDetail['person']['names'];

/** The stored form that fits the interface language: Tajik Cyrillic, Russian Cyrillic, or passport Latin. */
export function nameIn(names: Names, language: string): string {
  if (language === 'tg') return [names.origin.surname, names.origin.givenNames, names.origin.patronymic].filter(Boolean).join(' ');
  if (language === 'ru') return [names.destination.surname, names.destination.givenNames, names.destination.patronymic].filter(Boolean).join(' ');
  return `${names.latin.surname} ${names.latin.givenNames}`;
}
