import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkDigit, formatMrz, parseMrz, splitMrzLines } from './mrz';

/** The specimen passport of ICAO Doc 9303 Part 4 (Anna Maria Eriksson, Utopia). */
const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TODAY = new Date('2026-11-28T00:00:00Z');

describe('checkDigit', () => {
  test.each([
    ['L898902C3', '6'],
    ['740812', '2'],
    ['120415', '9'],
    ['ZE184226B<<<<<', '1'],
    ['L898902C3674081221204159ZE184226B<<<<<1', '0'],
    ['<<<<<<<<<<<<<<', '0'],
    ['520727', '3'],
  ])('%s → %s', (text, digit) => expect(checkDigit(text)).toBe(digit));
});

describe('parseMrz', () => {
  test('reads the Doc 9303 specimen with every check digit right', () => {
    const result = parseMrz(SPECIMEN.join('\n'), TODAY);
    expect(result).toEqual({
      ok: true,
      mrz: {
        documentCode: 'P',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        nameTruncated: false,
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        personalNumber: 'ZE184226B',
      },
    });
  });

  test('accepts a pasted block with spaces, lower case and one 88-character line', () => {
    expect(parseMrz(` ${SPECIMEN[0]?.toLowerCase()} \r\n ${SPECIMEN[1]?.slice(0, 20)} ${SPECIMEN[1]?.slice(20)}`, TODAY).ok).toBe(true);
    expect(splitMrzLines(SPECIMEN.join(''))).toEqual(SPECIMEN);
  });

  test.each([
    ['documentNumber', 'L898902C37UTO7408122F1204159ZE184226B<<<<<10'],
    ['birthDate', 'L898902C36UTO7408123F1204159ZE184226B<<<<<10'],
    ['expiryDate', 'L898902C36UTO7408122F1204158ZE184226B<<<<<10'],
    ['personalNumber', 'L898902C36UTO7408122F1204159ZE184226B<<<<<20'],
    ['composite', 'L898902C36UTO7408122F1204159ZE184226B<<<<<11'],
  ])('names the field whose check digit is wrong: %s', (field, line2) => {
    const result = parseMrz(`${SPECIMEN[0]}\n${line2}`, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(`mrz.${field}`);
    if (!result.ok) expect(result.errors.find((e) => e.path === `mrz.${field}`)?.code).toBe('check_digit');
  });

  test('reports line count, length and characters on the line', () => {
    const one = parseMrz(SPECIMEN[0] ?? '', TODAY);
    expect(one.ok === false && one.errors[0]).toMatchObject({ path: 'mrz.lines', code: 'line_count' });
    const short = parseMrz(`${SPECIMEN[0]}\n${SPECIMEN[1]?.slice(0, 40)}`, TODAY);
    expect(short.ok === false && short.errors[0]).toMatchObject({ path: 'mrz.line2', code: 'length' });
    const bad = parseMrz(`${SPECIMEN[0]?.replace('ANNA', 'AN-A')}\n${SPECIMEN[1]}`, TODAY);
    expect(bad.ok === false && bad.errors[0]).toMatchObject({ path: 'mrz.line1', code: 'character' });
    const visa = parseMrz(`V${SPECIMEN[0]?.slice(1)}\n${SPECIMEN[1]}`, TODAY);
    expect(visa.ok === false && visa.errors[0]).toMatchObject({ path: 'mrz.documentCode', code: 'not_passport' });
  });

  test('refuses a birth date that is not a calendar date even with a right check digit', () => {
    const [l1, l2] = formatMrz({
      issuingState: 'TJK',
      surname: 'RAHMONOV',
      givenNames: 'JAMSHED',
      documentNumber: '400012345',
      nationality: 'TJK',
      birthDate: '1990-04-12',
      sex: 'M',
      expiryDate: '2030-01-01',
    });
    const broken = `${l2.slice(0, 13)}901312${checkDigit('901312')}${l2.slice(20, 43)}`;
    const composite = broken.slice(0, 10) + broken.slice(13, 20) + broken.slice(21, 43);
    const result = parseMrz(`${l1}\n${broken}${checkDigit(composite)}`, TODAY);
    expect(result.ok === false && result.errors.map((e) => `${e.path}:${e.code}`)).toEqual(['mrz.birthDate:date']);
  });

  test('a personal number of fillers may have a filler check digit', () => {
    const [l1, l2] = formatMrz({
      issuingState: 'TJK',
      surname: 'QURBONOV',
      givenNames: 'ALISHER',
      documentNumber: '400098765',
      nationality: 'TJK',
      birthDate: '1996-02-29',
      sex: 'M',
      expiryDate: '2031-06-30',
    });
    expect(l2.charAt(42)).toBe('<');
    expect(parseMrz(`${l1}\n${l2}`, TODAY)).toMatchObject({ ok: true, mrz: { surname: 'QURBONOV', givenNames: 'ALISHER', birthDate: '1996-02-29' } });
  });
});

const letters = fc.stringMatching(/^[A-Z]{2,12}$/);
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const date = (from: number, to: number) =>
  fc.date({ min: new Date(`${from}-01-01T00:00:00Z`), max: new Date(`${to}-12-31T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('parseMrz properties', () => {
  const fields = fc.record({
    issuingState: fc.constantFrom('TJK', 'RUS', 'UZB', 'D'),
    surname: letters,
    givenNames: fc.array(letters, { minLength: 1, maxLength: 2 }).map((g) => g.join(' ')),
    documentNumber: digits(9),
    nationality: fc.constantFrom('TJK', 'RUS', 'UZB'),
    birthDate: date(1930, 2010),
    sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
    expiryDate: date(2000, 2060),
    personalNumber: fc.option(digits(14), { nil: undefined }),
  });

  test('a formatted MRZ parses back to its fields', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const result = parseMrz(formatMrz(f).join('\n'), TODAY);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.mrz).toMatchObject({
            surname: f.surname,
            givenNames: f.givenNames,
            documentNumber: f.documentNumber,
            birthDate: f.birthDate,
            sex: f.sex,
            expiryDate: f.expiryDate,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('any single changed digit in line 2 is caught by a check digit', () => {
    fc.assert(
      fc.property(fields, fc.nat(43), fc.integer({ min: 1, max: 9 }), (f, position, delta) => {
        const [l1, l2] = formatMrz(f);
        const char = l2.charAt(position);
        fc.pre(/\d/.test(char));
        const changed = `${l2.slice(0, position)}${(Number(char) + delta) % 10}${l2.slice(position + 1)}`;
        expect(parseMrz(`${l1}\n${changed}`, TODAY).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
