import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['tg', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type EnglishEntry = { message: string; description: string };

/**
 * Catalogs live in /i18n/<lang>/<namespace>.json, shared with the server. English entries carry a note for
 * translators; Tajik and Russian entries are the translated strings. Keys are full ids (`journey.case.my_title`).
 */
const files = import.meta.glob<Record<string, string | EnglishEntry>>('../../../i18n/*/*.json', { eager: true, import: 'default' });

function catalog(language: Language): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [path, entries] of Object.entries(files)) {
    if (!path.includes(`/i18n/${language}/`)) continue;
    for (const [key, value] of Object.entries(entries)) merged[key] = typeof value === 'string' ? value : value.message;
  }
  return merged;
}

const STORAGE_KEY = 'corridor.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'tg';
}

export async function setupI18n(): Promise<void> {
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: false,
      resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalog(l) }])),
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Locale for Intl formatting; Tajik falls back to Russian conventions where the runtime lacks tg data. */
export function intlLocale(language: string): string {
  return language === 'tg' ? 'tg-TJ' : language === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * A calendar date (YYYY-MM-DD) or an instant, as "13 December 2026". Browsers ship no Tajik date data, so
 * Tajik uses month names from the catalog ("13 декабри 2026").
 */
export function formatDate(iso: string, language: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  const zone = iso.length === 10 ? 'UTC' : undefined;
  if (language === 'tg') {
    const parts = new Intl.DateTimeFormat('en-CA', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: zone }).formatToParts(date);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return i18next.t('common.date.tg', { day: get('day'), month: i18next.t(`common.month.${get('month')}`), year: String(get('year')) });
  }
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(date);
}

/** Today's date on this device (the person's own calendar), as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
