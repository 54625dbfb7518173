/**
 * Russian registration numbers of an employer, with their check digits (Federal Tax Service rules):
 * INN (taxpayer number, 10 digits for an organization, 12 for an individual entrepreneur), OGRN (13 digits,
 * organization) and OGRNIP (15 digits, individual entrepreneur), and KPP (registration reason code, which
 * has no check digit: its format is checked).
 */

function digits(value: string): number[] {
  return [...value].map((c) => c.charCodeAt(0) - 48);
}

function weightedCheck(ds: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * (ds[i] ?? 0), 0);
  return (sum % 11) % 10;
}

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn) || inn.startsWith('00')) return false;
  const ds = digits(inn);
  if (ds.length === 10) return weightedCheck(ds, INN10) === ds[9];
  return weightedCheck(ds, INN12_11) === ds[10] && weightedCheck(ds, INN12_12) === ds[11];
}

/** OGRN (13 digits): the first 12 as a number, mod 11, mod 10. OGRNIP (15 digits): the first 14, mod 13, mod 10. */
export function isValidOgrn(ogrn: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(ogrn)) return false;
  const body = BigInt(ogrn.slice(0, -1));
  const modulus = ogrn.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(ogrn.slice(-1));
}

/** KPP: 4-digit tax office code, 2-character reason code (digits or Latin capitals), 3-digit serial. */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[0-9A-Z]{2}\d{3}$/.test(kpp) && kpp.slice(0, 2) !== '00';
}

export type LegalForm = 'organization' | 'sole_proprietor';

export interface RegistrationIssue {
  readonly path: string;
  readonly code: 'format' | 'check_digit' | 'mismatch' | 'required' | 'not_allowed';
  readonly message: string;
}

/** Every problem with a set of registration numbers, each with its field and a precise reason. */
export function checkRegistration(input: { legalForm: LegalForm; inn: string; ogrn: string; kpp?: string | null }): RegistrationIssue[] {
  const issues: RegistrationIssue[] = [];
  const org = input.legalForm === 'organization';
  const innLength = org ? 10 : 12;
  const ogrnLength = org ? 13 : 15;
  if (!new RegExp(`^\\d{${innLength}}$`).test(input.inn)) {
    issues.push({ path: 'body.inn', code: 'format', message: `an INN of ${org ? 'an organization' : 'an individual entrepreneur'} has ${innLength} digits` });
  } else if (!isValidInn(input.inn)) {
    issues.push({ path: 'body.inn', code: 'check_digit', message: 'the INN check digit does not match' });
  }
  if (!new RegExp(`^\\d{${ogrnLength}}$`).test(input.ogrn)) {
    issues.push({ path: 'body.ogrn', code: 'format', message: `${org ? 'an OGRN' : 'an OGRNIP'} has ${ogrnLength} digits` });
  } else if (!isValidOgrn(input.ogrn)) {
    issues.push({ path: 'body.ogrn', code: 'check_digit', message: `the ${org ? 'OGRN' : 'OGRNIP'} check digit does not match` });
  } else if (org ? !'15'.includes(input.ogrn[0] ?? '') : input.ogrn[0] !== '3') {
    issues.push({ path: 'body.ogrn', code: 'format', message: org ? 'an OGRN starts with 1 or 5' : 'an OGRNIP starts with 3' });
  }
  if (org) {
    if (!input.kpp) issues.push({ path: 'body.kpp', code: 'required', message: 'an organization has a KPP' });
    else if (!isValidKpp(input.kpp)) issues.push({ path: 'body.kpp', code: 'format', message: 'a KPP is 4 digits, 2 digits or capitals, 3 digits' });
  } else if (input.kpp) {
    issues.push({ path: 'body.kpp', code: 'not_allowed', message: 'an individual entrepreneur has no KPP' });
  }
  return issues;
}

/** The check digits for a body of digits (tests and demo data build valid numbers with these). */
export function completeInn10(first9: string): string {
  return `${first9}${weightedCheck(digits(first9), INN10)}`;
}

export function completeInn12(first10: string): string {
  const eleven = `${first10}${weightedCheck(digits(first10), INN12_11)}`;
  return `${eleven}${weightedCheck(digits(eleven), INN12_12)}`;
}

export function completeOgrn(body: string): string {
  const modulus = body.length === 12 ? 11n : 13n;
  return `${body}${(BigInt(body) % modulus) % 10n}`;
}
