import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TABLES, tajikToIcaoLatin, toMrzLatin, transliterate, type TableName } from './transliterate';

/**
 * Every letter of every table, written out here independently of the JSON data, so a changed table entry
 * fails a test. The samples of the iuliia project (read from ../shared/testdata, never copied) check whole
 * phrases for ICAO 9303 and GOST 7.79 System B.
 */
const EXPECTED: Record<TableName, Record<string, string>> = {
  icao9303: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'i',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
    ґ: 'g',
    ѓ: 'g',
    ђ: 'd',
    є: 'ie',
    ѕ: 'dz',
    і: 'i',
    ї: 'i',
    ј: 'j',
    љ: 'lj',
    њ: 'nj',
    ћ: 'c',
    ќ: 'k',
    ў: 'u',
    џ: 'dz',
  },
  gost779b: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'j',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'x',
    ц: 'cz',
    ч: 'ch',
    ш: 'sh',
    щ: 'shh',
    ъ: '``',
    ы: 'y`',
    ь: '`',
    э: 'e`',
    ю: 'yu',
    я: 'ya',
  },
  tajikNationalLatin: {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    ғ: 'gh',
    д: 'd',
    е: 'e',
    ё: 'yo',
    ж: 'zh',
    з: 'z',
    и: 'i',
    ӣ: 'i',
    й: 'y',
    к: 'k',
    қ: 'q',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ӯ: 'u',
    ф: 'f',
    х: 'kh',
    ҳ: 'h',
    ч: 'ch',
    ҷ: 'j',
    ш: 'sh',
    ъ: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    ц: 'ts',
    щ: 'shch',
    ы: 'y',
    ь: '',
  },
  tajikToRussian: { ҷ: 'дж', ҳ: 'х', қ: 'к', ғ: 'г', ӯ: 'у', ӣ: 'и' },
};

const SAMPLES = '../shared/testdata/names/iuliia-schemas';
function samples(file: string): Array<[string, string]> {
  return (JSON.parse(readFileSync(`${SAMPLES}/${file}`, 'utf8')) as { samples: Array<[string, string]> }).samples;
}

describe('transliteration tables', () => {
  for (const name of Object.keys(EXPECTED) as TableName[]) {
    test(`${name}: every letter, lower and capital, and nothing else in the table`, () => {
      const expected = EXPECTED[name];
      expect(Object.keys(TABLES[name].mapping).sort()).toEqual(Object.keys(expected).sort());
      for (const [letter, latin] of Object.entries(expected)) {
        expect(transliterate(letter, TABLES[name]), `${name} ${letter}`).toBe(latin);
        const capital = latin.length === 0 ? '' : latin.charAt(0).toUpperCase() + latin.slice(1);
        const a = transliterate('а', TABLES[name]);
        expect(transliterate(`${letter.toUpperCase()}а`, TABLES[name]), `${name} ${letter.toUpperCase()}`).toBe(`${capital}${a}`);
      }
    });
  }

  test('the Russian alphabet and the Tajik letters are all covered where they must be', () => {
    const russian = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    for (const letter of russian) {
      expect(TABLES.icao9303.mapping[letter], `icao ${letter}`).toBeDefined();
      expect(TABLES.gost779b.mapping[letter], `gost ${letter}`).toBeDefined();
    }
    const tajik = 'абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя';
    for (const letter of tajik) expect(TABLES.tajikNationalLatin.mapping[letter], `tajik ${letter}`).toBeDefined();
  });

  test('GOST 7.79 B writes ц as c before е, и, ы, й and as cz elsewhere', () => {
    expect(transliterate('Цыганов', TABLES.gost779b)).toBe('Cy`ganov');
    expect(transliterate('цирк', TABLES.gost779b)).toBe('cirk');
    expect(transliterate('Цецилия', TABLES.gost779b)).toBe('Ceciliya');
    expect(transliterate('Францев', TABLES.gost779b)).toBe('Francev');
    expect(transliterate('Кацо', TABLES.gost779b)).toBe('Kaczo');
    expect(transliterate('лицей', TABLES.gost779b)).toBe('licej');
  });

  // The shared test data sits beside the checkout; a clone elsewhere has none to read (as for the DCC vectors).
  test.runIf(existsSync(SAMPLES))('ICAO 9303 matches the reference samples', () => {
    for (const [cyrillic, latin] of samples('icao_doc_9303.json')) expect(transliterate(cyrillic, TABLES.icao9303)).toBe(latin);
  });

  test.runIf(existsSync(SAMPLES))('GOST 7.79 System B matches the reference sample', () => {
    for (const [cyrillic, latin] of samples('gost_779_alt.json')) expect(transliterate(cyrillic, TABLES.gost779b)).toBe(latin);
  });

  test('keeps capitals inside all-capital words', () => {
    expect(transliterate('ЩЕГЛОВА', TABLES.icao9303)).toBe('SHCHEGLOVA');
    expect(transliterate('ҶАМШЕД', TABLES.tajikNationalLatin)).toBe('JAMSHED');
    expect(transliterate('ЮЛИЯ', TABLES.icao9303)).toBe('IULIIA');
  });
});

describe('the three forms of a Tajik name', () => {
  test.each([
    ['Раҳмонов', 'Рахмонов', 'RAHMONOV', 'Rakhmonov'],
    ['Ҷамшед', 'Джамшед', 'JAMSHED', 'Dzhamshed'],
    ['Қурбонов', 'Курбонов', 'QURBONOV', 'Kurbonov'],
    ['Ғафуров', 'Гафуров', 'GHAFUROV', 'Gafurov'],
    ['Сӯҳроб', 'Сухроб', 'SUHROB', 'Sukhrob'],
    ['Раҳмонӣ', 'Рахмони', 'RAHMONI', 'Rakhmoni'],
    ['Холов', 'Холов', 'KHOLOV', 'Kholov'],
  ])('%s → %s, %s, %s', (tajik, russian, mrz, icao) => {
    expect(transliterate(tajik, TABLES.tajikToRussian)).toBe(russian);
    expect(toMrzLatin(tajik)).toBe(mrz);
    expect(tajikToIcaoLatin(tajik)).toBe(icao);
  });
});
