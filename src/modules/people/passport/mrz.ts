/**
 * ICAO Doc 9303 Part 4: the machine-readable zone of a passport (TD3), two lines of 44 characters.
 * Parsing checks every check digit (document number, birth date, expiry, personal number, composite), the
 * filler character `<`, the character set and the dates, and reports each problem on its field.
 */
import type { FieldError } from '../../../platform/errors';

export const MRZ_LINE_LENGTH = 44;

export interface Mrz {
  readonly documentCode: string;
  readonly issuingState: string;
  readonly surname: string;
  readonly givenNames: string;
  /** The name field was full: the name may have been cut short. */
  readonly nameTruncated: boolean;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly expiryDate: string;
  readonly personalNumber: string;
}

export type MrzResult = { readonly ok: true; readonly mrz: Mrz } | { readonly ok: false; readonly errors: readonly FieldError[] };

const WEIGHTS = [7, 3, 1] as const;

function charValue(char: string): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** The 7-3-1 check digit of Doc 9303 Part 3 section 4.9. */
export function checkDigit(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) sum += charValue(text.charAt(i)) * (WEIGHTS[i % 3] as number);
  return String(sum % 10);
}

/** Accepts two lines, or one pasted block of 88 characters; trims, removes spaces inside, upper-cases. */
export function splitMrzLines(input: string): string[] {
  const lines = input
    .toUpperCase()
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line.length > 0);
  if (lines.length === 1 && lines[0]?.length === 2 * MRZ_LINE_LENGTH) return [lines[0].slice(0, MRZ_LINE_LENGTH), lines[0].slice(MRZ_LINE_LENGTH)];
  return lines;
}

function fieldError(path: string, code: string, message: string): FieldError {
  return { path: `mrz.${path}`, code, message };
}

/** YYMMDD to YYYY-MM-DD; birth dates are in the past, expiry dates in this century. */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: Date = new Date()): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const currentYear = today.getUTCFullYear();
  let year = 2000 + yy;
  if (kind === 'birth' && year > currentYear) year -= 100;
  const iso = `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function parseNames(field: string): { surname: string; givenNames: string; truncated: boolean } {
  const trimmed = field.replace(/<+$/, '');
  const separator = trimmed.indexOf('<<');
  const primary = separator < 0 ? trimmed : trimmed.slice(0, separator);
  const secondary = separator < 0 ? '' : trimmed.slice(separator + 2);
  const words = (s: string) => s.split('<').filter(Boolean).join(' ');
  return { surname: words(primary), givenNames: words(secondary), truncated: !field.endsWith('<') };
}

function checkField(errors: FieldError[], path: string, value: string, digit: string, allowFillerDigit = false): void {
  if (allowFillerDigit && digit === '<' && /^<*$/.test(value)) return;
  if (!/^\d$/.test(digit)) errors.push(fieldError(path, 'check_digit_missing', `the check digit of ${path} must be a digit`));
  else if (checkDigit(value) !== digit)
    errors.push(fieldError(path, 'check_digit', `the check digit of ${path} does not match (expected ${checkDigit(value)})`));
}

function checkShape(lines: string[]): FieldError[] {
  if (lines.length !== 2) return [fieldError('lines', 'line_count', `a passport MRZ has 2 lines, got ${lines.length}`)];
  const errors: FieldError[] = [];
  lines.forEach((line, i) => {
    if (line.length !== MRZ_LINE_LENGTH)
      errors.push(fieldError(`line${i + 1}`, 'length', `line ${i + 1} has ${line.length} characters, not ${MRZ_LINE_LENGTH}`));
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad)
      errors.push(fieldError(`line${i + 1}`, 'character', `line ${i + 1} has "${bad[0]}" at position ${bad.index + 1}; only A–Z, 0–9 and < are allowed`));
  });
  if (errors.length === 0 && !lines[0]?.startsWith('P')) errors.push(fieldError('documentCode', 'not_passport', 'a passport MRZ starts with P'));
  return errors;
}

export function parseMrz(input: string, today: Date = new Date()): MrzResult {
  const lines = splitMrzLines(input);
  const shapeErrors = checkShape(lines);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const [l1, l2] = lines as [string, string];
  const errors: FieldError[] = [];
  const issuingState = l1.slice(2, 5);
  if (!/^[A-Z][A-Z<]{2}$/.test(issuingState)) errors.push(fieldError('issuingState', 'format', 'the issuing state is three letters'));
  const names = parseNames(l1.slice(5));
  if (!names.surname) errors.push(fieldError('surname', 'required', 'the name field has no surname'));
  const documentNumber = l2.slice(0, 9);
  checkField(errors, 'documentNumber', documentNumber, l2.charAt(9));
  if (/^<+$/.test(documentNumber)) errors.push(fieldError('documentNumber', 'required', 'the document number is empty'));
  const nationality = l2.slice(10, 13);
  if (!/^[A-Z][A-Z<]{2}$/.test(nationality)) errors.push(fieldError('nationality', 'format', 'the nationality is three letters'));
  const birthRaw = l2.slice(13, 19);
  checkField(errors, 'birthDate', birthRaw, l2.charAt(19));
  const birthDate = mrzDate(birthRaw, 'birth', today);
  if (!birthDate) errors.push(fieldError('birthDate', 'date', 'the birth date is not a calendar date (YYMMDD)'));
  const sexChar = l2.charAt(20);
  if (!/^[MF<]$/.test(sexChar)) errors.push(fieldError('sex', 'format', 'sex is M, F or <'));
  const expiryRaw = l2.slice(21, 27);
  checkField(errors, 'expiryDate', expiryRaw, l2.charAt(27));
  const expiryDate = mrzDate(expiryRaw, 'expiry', today);
  if (!expiryDate) errors.push(fieldError('expiryDate', 'date', 'the expiry date is not a calendar date (YYMMDD)'));
  const personalRaw = l2.slice(28, 42);
  checkField(errors, 'personalNumber', personalRaw, l2.charAt(42), true);
  const composite = l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43);
  checkField(errors, 'composite', composite, l2.charAt(43));
  if (errors.length > 0 || !birthDate || !expiryDate) return { ok: false, errors };
  return {
    ok: true,
    mrz: {
      documentCode: l1.slice(0, 2).replace(/<+$/, ''),
      issuingState: issuingState.replace(/<+$/, ''),
      surname: names.surname,
      givenNames: names.givenNames,
      nameTruncated: names.truncated,
      documentNumber: documentNumber.replace(/<+$/, ''),
      nationality: nationality.replace(/<+$/, ''),
      birthDate,
      sex: sexChar === '<' ? 'X' : (sexChar as 'M' | 'F'),
      expiryDate,
      personalNumber: personalRaw.replace(/<+$/, ''),
    },
  };
}

export interface MrzFields {
  readonly issuingState: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly expiryDate: string;
  readonly personalNumber?: string;
}

const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length);
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** Compose a TD3 MRZ from its fields (demo passports, tests). Names are capital Latin letters and spaces. */
export function formatMrz(fields: MrzFields): [string, string] {
  const nameField = `${fields.surname.replace(/[ -]/g, '<')}<<${fields.givenNames.replace(/[ -]/g, '<')}`;
  const line1 = pad(`P<${pad(fields.issuingState, 3)}${nameField}`, MRZ_LINE_LENGTH);
  const doc = pad(fields.documentNumber, 9);
  const birth = yymmdd(fields.birthDate);
  const expiry = yymmdd(fields.expiryDate);
  const personal = pad(fields.personalNumber ?? '', 14);
  const personalCheck = /^<*$/.test(personal) ? '<' : checkDigit(personal);
  const sex = fields.sex === 'X' ? '<' : fields.sex;
  const head = `${doc}${checkDigit(doc)}${pad(fields.nationality, 3)}${birth}${checkDigit(birth)}${sex}${expiry}${checkDigit(expiry)}${personal}${personalCheck}`;
  const composite = head.slice(0, 10) + head.slice(13, 20) + head.slice(21, 43);
  return [line1, `${head}${checkDigit(composite)}`];
}
