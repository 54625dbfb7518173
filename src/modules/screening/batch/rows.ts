/**
 * The batch contracts of DESIGN.md section 8: LIST (`id,name,birth_date` then optional
 * `gender,passport_number,nationality`) and PEOPLE (`id,surname,given_names,birth_date` then optional
 * `patronymic,name_cyrillic,gender,passport_number`). Each row is checked field by field; an error names the
 * row (its line in the file) and the column.
 */
import type { FieldError } from '../../../platform/errors';
import { parsePartialDate, type PartialDate } from '../matching';

export const LIST_COLUMNS = { required: ['id', 'name', 'birth_date'], optional: ['gender', 'passport_number', 'nationality'] } as const;
export const PEOPLE_COLUMNS = {
  required: ['id', 'surname', 'given_names', 'birth_date'],
  optional: ['patronymic', 'name_cyrillic', 'gender', 'passport_number'],
} as const;

export type Columns = ReadonlyMap<string, number>;

/** Check the header row: required columns first, in order; optional ones after, in any order; nothing else. */
export function readHeader(
  fields: readonly string[],
  spec: { required: readonly string[]; optional: readonly string[] },
): { columns?: Columns; errors: FieldError[] } {
  const names = fields.map((f) => f.trim().toLowerCase());
  const errors: FieldError[] = [];
  spec.required.forEach((column, i) => {
    if (names[i] !== column) errors.push({ path: `header: column ${i + 1}`, code: 'required', message: `expected "${column}", found "${names[i] ?? ''}"` });
  });
  names.slice(spec.required.length).forEach((column, i) => {
    if (!spec.optional.includes(column)) {
      errors.push({
        path: `header: column ${spec.required.length + i + 1}`,
        code: 'unknown',
        message: `unknown column "${column}" (optional: ${spec.optional.join(', ')})`,
      });
    }
  });
  if (new Set(names).size !== names.length) errors.push({ path: 'header', code: 'duplicate', message: 'a column appears twice' });
  return errors.length > 0 ? { errors } : { columns: new Map(names.map((n, i) => [n, i])), errors };
}

function cell(fields: readonly string[], columns: Columns, name: string): string {
  const index = columns.get(name);
  return index === undefined ? '' : (fields[index] ?? '').trim();
}

const err = (line: number, column: string, code: string, message: string): FieldError => ({ path: `row ${line}: ${column}`, code, message });

function checkCommon(line: number, fields: readonly string[], columns: Columns, errors: FieldError[]) {
  if (fields.length !== columns.size) errors.push(err(line, 'row', 'column_count', `has ${fields.length} fields, the header has ${columns.size}`));
  const id = cell(fields, columns, 'id');
  if (!id) errors.push(err(line, 'id', 'required', 'the id is empty'));
  else if (id.length > 100) errors.push(err(line, 'id', 'too_long', 'the id is longer than 100 characters'));
  const birthText = cell(fields, columns, 'birth_date');
  const birth = parsePartialDate(birthText);
  if (!birth) errors.push(err(line, 'birth_date', 'format', `"${birthText.slice(0, 20)}" is not YYYY-MM-DD, YYYY-MM, YYYY or empty`));
  const genderText = cell(fields, columns, 'gender').toUpperCase();
  if (genderText && !['M', 'F', 'X'].includes(genderText)) errors.push(err(line, 'gender', 'format', 'gender is M, F, X or empty'));
  const passport = cell(fields, columns, 'passport_number').toUpperCase().replace(/\s+/g, '');
  if (passport && !/^[A-Z0-9]{1,20}$/.test(passport)) errors.push(err(line, 'passport_number', 'format', 'a passport number is 1–20 letters and digits'));
  const gender = genderText === 'M' || genderText === 'F' ? genderText : null;
  return { id, birth: birth ?? { year: 0, month: 0, day: 0 }, gender: gender as 'M' | 'F' | null, passport: passport || null };
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

export interface ListRow {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly birth: PartialDate;
  readonly gender: 'M' | 'F' | null;
  readonly passportNumber: string | null;
  readonly nationality: string | null;
}

export function parseListRow(line: number, fields: readonly string[], columns: Columns): { row?: ListRow; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const common = checkCommon(line, fields, columns, errors);
  const name = cell(fields, columns, 'name').replace(/\s+/g, ' ');
  if (!name || !hasLetter(name)) errors.push(err(line, 'name', 'required', 'the name has no letters'));
  else if (name.length > 300) errors.push(err(line, 'name', 'too_long', 'the name is longer than 300 characters'));
  const nationality = cell(fields, columns, 'nationality').toUpperCase();
  if (nationality && !/^[A-Z]{2,3}$/.test(nationality)) errors.push(err(line, 'nationality', 'format', 'nationality is a 2- or 3-letter country code'));
  if (errors.length > 0) return { errors };
  return {
    row: {
      id: common.id,
      name,
      birthDate: cell(fields, columns, 'birth_date'),
      birth: common.birth,
      gender: common.gender,
      passportNumber: common.passport,
      nationality: nationality || null,
    },
    errors,
  };
}

export interface PeopleRow {
  readonly id: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly patronymic: string | null;
  /** `surname given [patronymic]` in Cyrillic, split into its parts. */
  readonly cyrillic: { surname: string; givenNames: string; patronymic: string | null } | null;
  readonly birth: PartialDate;
  readonly gender: 'M' | 'F' | null;
  readonly passportNumber: string | null;
}

export function parsePeopleRow(line: number, fields: readonly string[], columns: Columns): { row?: PeopleRow; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const common = checkCommon(line, fields, columns, errors);
  const surname = cell(fields, columns, 'surname');
  const givenNames = cell(fields, columns, 'given_names');
  if (!hasLetter(surname)) errors.push(err(line, 'surname', 'required', 'the surname has no letters'));
  if (!hasLetter(givenNames)) errors.push(err(line, 'given_names', 'required', 'the given names have no letters'));
  for (const [column, value] of [
    ['surname', surname],
    ['given_names', givenNames],
  ] as const) {
    if (value.length > 200) errors.push(err(line, column, 'too_long', 'longer than 200 characters'));
  }
  const cyrillicText = cell(fields, columns, 'name_cyrillic').replace(/\s+/g, ' ');
  const words = cyrillicText ? cyrillicText.split(' ') : [];
  if (cyrillicText && words.length < 2) errors.push(err(line, 'name_cyrillic', 'format', 'name_cyrillic is "surname given-names [patronymic]"'));
  if (errors.length > 0) return { errors };
  return {
    row: {
      id: common.id,
      surname,
      givenNames,
      patronymic: cell(fields, columns, 'patronymic') || null,
      cyrillic: words.length >= 2 ? { surname: words[0] as string, givenNames: words[1] as string, patronymic: words.slice(2).join(' ') || null } : null,
      birth: common.birth,
      gender: common.gender,
      passportNumber: common.passport,
    },
    errors,
  };
}
