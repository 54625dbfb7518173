import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, test } from 'vitest';

const LANGUAGES = ['tg', 'ru', 'en'] as const;
const ROOT = 'i18n';

type Entry = string | { message: string; description: string };

function loadCatalog(language: string): Map<string, { value: Entry; file: string }> {
  const catalog = new Map<string, { value: Entry; file: string }>();
  for (const file of readdirSync(join(ROOT, language))) {
    const entries = JSON.parse(readFileSync(join(ROOT, language, file), 'utf8')) as Record<string, Entry>;
    for (const [key, value] of Object.entries(entries)) {
      if (catalog.has(key)) throw new Error(`${language}: key ${key} is in two files`);
      catalog.set(key, { value, file });
    }
  }
  return catalog;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every string literal in product code, and the prefixes of template literals such as `journey.status.${s}`. */
function scanSources(): { literals: Set<string>; prefixes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of [...sourceFiles('src'), ...sourceFiles('web/src')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"`]([a-z0-9_]+(?:\.[a-z0-9_]+)+)['"`]/g)) literals.add(m[1] as string);
    for (const m of text.matchAll(/`([a-z0-9_]+(?:\.[a-z0-9_]+)*\.)\$\{/g)) prefixes.add(m[1] as string);
  }
  return { literals, prefixes };
}

const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, loadCatalog(l)])) as Record<(typeof LANGUAGES)[number], ReturnType<typeof loadCatalog>>;
const message = (entry: Entry) => (typeof entry === 'string' ? entry : entry.message);

describe('message catalogs', () => {
  test('Tajik, Russian and English have exactly the same keys', () => {
    const en = [...catalogs.en.keys()].sort();
    expect([...catalogs.tg.keys()].sort()).toEqual(en);
    expect([...catalogs.ru.keys()].sort()).toEqual(en);
  });

  test('every English entry has a message and a note for translators; every translation is non-empty', () => {
    for (const [key, { value }] of catalogs.en) {
      expect(typeof value === 'object' && value.message.length > 0 && value.description.length > 0, key).toBe(true);
    }
    for (const language of ['tg', 'ru'] as const) {
      for (const [key, { value }] of catalogs[language]) expect(typeof value === 'string' && value.trim().length > 0, `${language} ${key}`).toBe(true);
    }
  });

  test('every message is valid ICU in its language and uses the same placeholders as English', () => {
    for (const [key, { value }] of catalogs.en) {
      const english = new IntlMessageFormat(message(value), 'en').getAst();
      const names = (ast: unknown): string[] => JSON.stringify(ast).match(/"value":"([a-zA-Z]+)","type":(1|2|3|4|5|6)\b/g)?.map((s) => s.split('"')[3] as string).sort() ?? [];
      for (const language of ['tg', 'ru'] as const) {
        const translated = catalogs[language].get(key);
        const ast = new IntlMessageFormat(message(translated?.value ?? ''), language).getAst();
        expect([...new Set(names(ast))], `${language} ${key}`).toEqual([...new Set(names(english))]);
      }
    }
  });

  test('every key is used by the code, and every key the code uses exists', () => {
    const { literals, prefixes } = scanSources();
    const keys = new Set(catalogs.en.keys());
    const unused = [...keys].filter((key) => {
      if (literals.has(key)) return false;
      if (key.startsWith('errors.') && literals.has(key.slice('errors.'.length))) return false;
      if (key === 'errors.generic') return false;
      // Keys under a dynamic prefix (`journey.status.${status}`) are used when the prefix is; a separate test
      // per enumeration checks that every member has its key.
      return ![...prefixes].some((p) => key.startsWith(p));
    });
    expect(unused).toEqual([]);
    const namespaces = new Set([...keys].map((k) => k.split('.')[0]));
    const missing = [...literals].filter((l) => namespaces.has(l.split('.')[0]) && !l.startsWith('errors.') && !keys.has(l) && /^[a-z]+\.[a-z_]+\.[a-z0-9_.]+$/.test(l) && !l.includes('.json'));
    expect(missing).toEqual([]);
  });

  test('every error code thrown by the code has a message', () => {
    const codes = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/DomainError\(\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1] as string);
    }
    const missing = [...codes].filter((code) => !catalogs.en.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });
});
