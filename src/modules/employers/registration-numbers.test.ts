import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkRegistration, completeInn10, completeInn12, completeOgrn, isValidInn, isValidKpp, isValidOgrn } from './registration-numbers';

describe('isValidInn', () => {
  // Published numbers of well-known companies (Sberbank, Yandex, Gazprom) and the Tax Service's sample personal INN.
  test.each(['7707083893', '7736207543', '7736050003', '500100732259'])('accepts the published INN %s', (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  test.each(['7707083894', '7736207540', '500100732258', '500100732269', '770708389', '77070838931', 'abcdefghij'])('refuses %s', (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });

  test('a completed INN is valid and changing any one digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const inn = completeInn10(body);
        expect(isValidInn(inn)).toBe(true);
        const digit = (Number(inn[position]) + delta) % 10;
        const changed = `${inn.slice(0, position)}${digit}${inn.slice(position + 1)}`;
        // A changed digit changes the weighted sum mod 11 (no weight is a multiple of 11); only the final
        // mod-10 step folds a remainder of 10 onto 0, so a change can go unnoticed only when the check digit is 0.
        if (isValidInn(changed)) expect(inn[9]).toBe('0');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{9}$/), (body) => {
        expect(isValidInn(completeInn12(body))).toBe(true);
      }),
    );
  });
});

describe('isValidOgrn', () => {
  test.each(['1027700132195', '1027700229193', '1027700070518', '304500116000157'])('accepts the published OGRN/OGRNIP %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
  });

  test.each(['1027700132194', '304500116000158', '102770013219', 'x027700132195'])('refuses %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(false);
  });

  test('a completed OGRN or OGRNIP is valid; a changed last digit is not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^1\d{11}$/), fc.stringMatching(/^3\d{13}$/)), fc.integer({ min: 1, max: 9 }), (body, delta) => {
        const ogrn = completeOgrn(body);
        expect(isValidOgrn(ogrn)).toBe(true);
        expect(isValidOgrn(`${ogrn.slice(0, -1)}${(Number(ogrn.slice(-1)) + delta) % 10}`)).toBe(false);
      }),
    );
  });
});

describe('checkRegistration', () => {
  test('accepts an organization with INN, OGRN and KPP', () => {
    expect(checkRegistration({ legalForm: 'organization', inn: '7707083893', ogrn: '1027700132195', kpp: '773601001' })).toEqual([]);
    expect(isValidKpp('7736AB001')).toBe(true);
  });

  test('names each wrong field with its reason', () => {
    const issues = checkRegistration({ legalForm: 'organization', inn: '7707083894', ogrn: '102770013219', kpp: null });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['body.inn', 'check_digit'],
      ['body.ogrn', 'format'],
      ['body.kpp', 'required'],
    ]);
  });

  test('an individual entrepreneur has a 12-digit INN, an OGRNIP and no KPP', () => {
    expect(checkRegistration({ legalForm: 'sole_proprietor', inn: '500100732259', ogrn: '304500116000157' })).toEqual([]);
    expect(checkRegistration({ legalForm: 'sole_proprietor', inn: '7707083893', ogrn: '1027700132195', kpp: '773601001' }).map((i) => i.code)).toEqual([
      'format',
      'format',
      'not_allowed',
    ]);
  });
});
