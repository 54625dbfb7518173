import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TABLES, tajikToIcaoLatin, toMrzLatin, transliterate } from '../../people';
import {
  compareDates,
  compareNames,
  compareRecords,
  entryRecord,
  formatReasons,
  ListIndex,
  parsePartialDate,
  personRecord,
  prepareFullName,
  skeleton,
  type PartialDate,
} from '.';
import { tajikSurname } from '../evaluation/generate';
import { FEMALE_NAMES, MALE_NAMES } from '../evaluation/tajik-name-stock';

const date = (text: string) => parsePartialDate(text) as PartialDate;
const jamshed = personRecord({ forms: [{ surname: 'Раҳмонов', givenNames: 'Ҷамшед', patronymic: 'Саидович' }], birth: date('1990-04-12'), gender: 'M' });
const screen = (name: string, birthDate: string) => compareRecords(jamshed, entryRecord({ name, birthDate }));

describe('skeleton', () => {
  test.each([
    ['Раҳмонов', 'Рахмонов', 'RAHMONOV', 'RAKHMONOV', 'Raxmonov'],
    ['Ҷамшед', 'Джамшед', 'JAMSHED', 'DZHAMSHED', 'Dzhamshed'],
    ['Қурбонов', 'Курбонов', 'QURBONOV', 'KURBONOV', 'Kurbonov'],
    ['Ғафуров', 'Гафуров', 'GHAFUROV', 'GAFUROV', 'Gafurov'],
    ['Ёқуб', 'Ёкуб', 'YOQUB', 'EKUB', 'Yokub'],
    ['Ҳусейн', 'Хусейн', 'HUSEYN', 'KHUSEIN', 'Xusejn'],
    ['Раъно', 'Раъно', 'RANO', 'RAIENO', 'Ra``no'],
    ['Раҷаб', 'Раджаб', 'RAJAB', 'RADZHAB', 'Radzhab'],
  ])('one skeleton for %s in every script and system', (...forms) => {
    expect(new Set(forms.map(skeleton)).size).toBe(1);
  });
});

describe('compareRecords', () => {
  test('the same man in Russian papers, ICAO Latin and after a surname reform', () => {
    expect(screen('Рахмонов Джамшед Саидович', '1990-04-12').decision).toBe('match');
    expect(screen('RAKHMONOV DZHAMSHED', '1990-04-12').decision).toBe('match');
    // A reformed surname is found; it is a match when the patronymic agrees too, otherwise a review (a
    // same-day namesake whose surname differs by its ending is common on a list of 800,000).
    expect(screen('Jamshed Rahmonzoda Saidovich', '1990-04-12').decision).toBe('match');
    const reformed = screen('Jamshed Rahmonzoda', '1990-04-12');
    expect(reformed.decision).toBe('review');
    expect(formatReasons(reformed.reasons)).toContain('surname equal but for the ending (-ov / -zoda)');
  });

  test('a match needs closely agreeing names: a typo in the surname without the patronymic, or a swapped date with one, is a review', () => {
    expect(screen('Rahmnov Jamshed Saidovich', '1990-04-12').decision).toBe('match');
    expect(screen('Rahmnov Jamshed', '1990-04-12').decision).toBe('review');
    expect(screen('Rahmonov Jamshed Saidovich', '1990-12-04').decision).toBe('match');
    expect(screen('Rahmonov Jamshed', '1990-12-04').decision).toBe('review');
  });

  test('says why, part by part', () => {
    const verdict = screen('Rahmonov Jamshid', '1990-12-04');
    expect(formatReasons(verdict.reasons)).toBe(
      'surname equal; given name one edit apart; patronymic missing on the other record; birth date day/month swapped',
    );
  });

  test('a list entry with only a birth year, or a day that differs, is a review at most', () => {
    expect(screen('Рахмонов Джамшед', '1990').decision).toBe('review');
    expect(screen('Рахмонов Джамшед', '').decision).toBe('review');
    expect(screen('Рахмонов Джамшед', '1990-04-13').decision).toBe('review');
  });

  test('a namesake born in another year is nothing', () => {
    expect(screen('Рахмонов Джамшед Саидович', '1991-04-12').decision).toBeUndefined();
  });

  test('another given name, another surname stem or another father is not a match', () => {
    expect(screen('Karimov Jamshed', '1990-04-12').decision).toBeUndefined();
    expect(screen('Rahmonov Jamol', '1990-04-12').decision).toBeUndefined();
    expect(screen('Rahmonov Jamshed Karimovich', '1990-04-12').decision).not.toBe('match');
  });

  test('a given name that only shares an ending with a surname is not a match (Murodov Rashid, Rashidzoda Murod)', () => {
    const rashid = personRecord({ forms: [{ surname: 'Рашидзода', givenNames: 'Мурод' }], birth: date('1975-03-03') });
    expect(compareRecords(rashid, entryRecord({ name: 'MURODOV RASHID', birthDate: '1975-03-03' })).decision).not.toBe('match');
  });
});

describe('compareDates', () => {
  test.each([
    ['1990-04-12', '1990-04-12', 'exact'],
    ['1990-04-12', '1990-12-04', 'swapped'],
    ['1990-04-12', '1990-04-13', 'day_differs'],
    ['1990-04-12', '1990-04', 'month'],
    ['1990-04-12', '1990', 'year'],
    ['1990-04-12', '', 'unknown'],
    ['1990-04-12', '1991-04-12', 'conflict'],
    ['1990-04-12', '1990-05-20', 'conflict'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(compareDates(date(a), date(b))).toBe(expected);
    expect(compareDates(date(b), date(a))).toBe(expected);
  });

  test('refuses what is not a date', () => {
    for (const text of ['1990-02-30', '90-04-12', '1990-13', 'abcd', '1990-4-12']) expect(parsePartialDate(text)).toBeUndefined();
  });
});

/** Real Tajik names with real endings (random letter soup has spellings no system tells apart, such as сҳ and ш in Latin). */
const surname = fc
  .tuple(fc.constantFrom(...MALE_NAMES), fc.constantFrom('ов' as const, 'зода' as const, 'ӣ' as const, 'none' as const), fc.constantFrom<'M' | 'F'>('M', 'F'))
  .map(([stem, ending, gender]) => tajikSurname(stem, ending === 'ов' ? 'ov' : ending === 'зода' ? 'zoda' : ending === 'ӣ' ? 'i' : 'none', gender));
const tajikName = fc
  .tuple(
    surname,
    fc.constantFrom(...MALE_NAMES, ...FEMALE_NAMES),
    fc.option(
      fc.constantFrom(...MALE_NAMES).map((f) => `${f}ович`),
      { nil: undefined },
    ),
  )
  .map((parts) => parts.filter(Boolean).join(' '));
const anyName = fc.oneof(
  tajikName,
  fc.string({ maxLength: 30 }),
  fc.array(fc.constantFrom('Ali', 'Vali', 'Rahmon', 'Rahmonov', 'Jamshed', 'Said', 'Olaf', 'Scholz'), { maxLength: 4 }).map((w) => w.join(' ')),
);

describe('compareNames properties', () => {
  test('the score is in [0, 1] and symmetric', () => {
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        const ab = compareNames(prepareFullName(a), prepareFullName(b)).score;
        const ba = compareNames(prepareFullName(b), prepareFullName(a)).score;
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(ab).toBeCloseTo(ba, 9);
      }),
      { numRuns: 500 },
    );
  });

  test('a name compared with itself written in another script or system scores at least 0.9 (1 for all but ICAO ъ and йё)', () => {
    const systems = [
      (t: string) => transliterate(t, TABLES.tajikToRussian),
      (t: string) => toMrzLatin(t),
      (t: string) => tajikToIcaoLatin(t),
      (t: string) => transliterate(transliterate(t, TABLES.tajikToRussian), TABLES.gost779b),
    ];
    fc.assert(
      fc.property(tajikName, fc.constantFrom(...systems), (name, system) => {
        const score = compareNames(prepareFullName(name), prepareFullName(system(name))).score;
        if (/ъ|йё/.test(name)) expect(score).toBeGreaterThanOrEqual(0.9);
        else expect(score).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  test('the record comparison is symmetric in decision and score', () => {
    fc.assert(
      fc.property(tajikName, tajikName, fc.constantFrom('1990-04-12', '1990-12-04', '1990', ''), (a, b, birth) => {
        const x = entryRecord({ name: a, birthDate: '1990-04-12' });
        const y = entryRecord({ name: b, birthDate: birth });
        const xy = compareRecords(x, y);
        const yx = compareRecords(y, x);
        expect(xy.decision).toBe(yx.decision);
        expect(xy.score).toBeCloseTo(yx.score, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ListIndex', () => {
  test('compares an entry born the same day (or with day and month swapped) whose name agrees in one part only', () => {
    const index = new ListIndex();
    index.add({ id: 'L1', ...entryRecord({ name: 'Гафурзода Джамшед', birthDate: '1990-04-12' }) });
    index.add({ id: 'L2', ...entryRecord({ name: 'Гафурзода Джамшед', birthDate: '1990-12-04' }) });
    index.add({ id: 'L3', ...entryRecord({ name: 'Гафурзода Джамшед', birthDate: '1990-04-13' }) });
    index.add({ id: 'L4', ...entryRecord({ name: 'Гафурзода Джамшед', birthDate: '1990' }) });
    index.build();
    const found = index.candidates(jamshed).map((owner) => index.entries[owner]?.id);
    expect(found.sort()).toEqual(['L1', 'L2']);
  });

  test('finds entries through blocking keys despite a typo, another order and a dropped patronymic', () => {
    const index = new ListIndex();
    index.add({ id: 'L1', ...entryRecord({ name: 'ДЖАМШЕД РАХМНОВ', birthDate: '1990-04-12' }) });
    index.add({ id: 'L2', ...entryRecord({ name: 'Karimov Jamshed', birthDate: '1990-04-12' }) });
    index.add({ id: 'L3', ...entryRecord({ name: 'Rahmonov Jamshed', birthDate: '1985' }) });
    index.build();
    const { hits, compared } = index.screen(jamshed);
    expect(hits.map((h) => [h.entry.id, h.verdict.decision])).toEqual([['L1', 'review']]);
    expect(compared).toBeLessThan(3);
  });
});
