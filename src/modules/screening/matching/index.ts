/**
 * The name-matching engine: pure functions and an in-memory index, no database and no I/O. Used by
 * screening (watch lists), by people (duplicates) and by the batch CLI.
 */
import { parsePartialDate, UNKNOWN_DATE, type PartialDate } from './dates';
import { prepareFullName, prepareName, type PreparedName } from './names';
import type { MatchRecord } from './compare';

export { compareRecords, type Decision, type MatchRecord, type Verdict } from './compare';
export { compareDates, formatPartialDate, parsePartialDate, UNKNOWN_DATE, type DateAgreement, type PartialDate } from './dates';
export { ListIndex, type Hit, type IndexedEntry } from './list-index';
export { compareNames, prepareFullName, prepareName, type NamePart, type NameRole, type PreparedName } from './names';
export { skeleton } from './normalize';
export { DEFAULT_POLICY, type ScreeningPolicy } from './policy';
export { formatReason, formatReasons, NAME_PARTS, REASON_CODES, type Reason, type ReasonCode } from './reasons';

export interface PersonNameForm {
  readonly surname: string;
  readonly givenNames: string;
  readonly patronymic?: string | null;
}

/** A person's name forms as prepared names with roles; identical forms are prepared once. */
export function preparePersonNames(forms: readonly PersonNameForm[]): PreparedName[] {
  const seen = new Set<string>();
  const prepared: PreparedName[] = [];
  // A form without a patronymic (the passport's Latin) borrows one from another form: it is the same person's.
  const patronymic = forms.find((f) => f.patronymic)?.patronymic ?? null;
  for (const form of forms) {
    const father = form.patronymic ?? patronymic;
    const name = prepareName([
      { text: form.surname, role: 'surname' },
      { text: form.givenNames, role: 'given' },
      ...(father ? [{ text: father, role: 'patronymic' as const }] : []),
    ]);
    const key = name.map((t) => `${t.role}:${t.skel}`).join(' ');
    if (name.length > 0 && !seen.has(key)) {
      seen.add(key);
      prepared.push(name);
    }
  }
  return prepared;
}

/** A watch-list entry: a full name in any script and order, a partial birth date. */
export function entryRecord(input: { name: string; birthDate: string; gender?: 'M' | 'F' | null; passportNumber?: string | null }): MatchRecord {
  return {
    names: [prepareFullName(input.name)],
    birth: parsePartialDate(input.birthDate) ?? UNKNOWN_DATE,
    gender: input.gender ?? null,
    passportNumber: input.passportNumber ?? null,
  };
}

export function personRecord(input: {
  forms: readonly PersonNameForm[];
  birth: PartialDate;
  gender?: 'M' | 'F' | null;
  passportNumber?: string | null;
}): MatchRecord {
  return { names: preparePersonNames(input.forms), birth: input.birth, gender: input.gender ?? null, passportNumber: input.passportNumber ?? null };
}
