import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

/** Server-side messages (notifications, documents) from the same catalogs as the web app: i18n/<lang>/<ns>.json. */
export const LANGUAGES = ['tg', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const I18N_DIR = fileURLToPath(new URL('../../../i18n', import.meta.url));

type Entry = string | { message: string; description: string };

let catalogs: Map<Language, Map<string, string>> | undefined;

function load(): Map<Language, Map<string, string>> {
  const all = new Map<Language, Map<string, string>>();
  for (const language of LANGUAGES) {
    const catalog = new Map<string, string>();
    for (const file of readdirSync(join(I18N_DIR, language))) {
      const entries = JSON.parse(readFileSync(join(I18N_DIR, language, file), 'utf8')) as Record<string, Entry>;
      for (const [key, value] of Object.entries(entries)) catalog.set(key, typeof value === 'string' ? value : value.message);
    }
    all.set(language, catalog);
  }
  return all;
}

const compiled = new Map<string, IntlMessageFormat>();

/** Format message `key` in `language` with ICU `values`; a missing key is a programming error. */
export function formatMessage(language: Language, key: string, values: Record<string, string | number> = {}): string {
  catalogs ??= load();
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const source = catalogs.get(language)?.get(key);
    if (source === undefined) throw new Error(`missing message ${key} in ${language}`);
    format = new IntlMessageFormat(source, language === 'tg' ? 'tg' : language);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function hasMessage(language: Language, key: string): boolean {
  catalogs ??= load();
  return catalogs.get(language)?.has(key) ?? false;
}

/** A calendar date as words in the language ("5 декабри 2026", "5 декабря 2026 г.", "5 December 2026"). */
export function formatDateIn(language: Language, isoDate: string): string {
  if (language === 'tg') {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    return formatMessage('tg', 'common.date.tg', { day, month: formatMessage('tg', `common.month.${month}`), year: String(year) });
  }
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}
