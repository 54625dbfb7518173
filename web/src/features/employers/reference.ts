import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { ReferenceLists } from './types';

/** The reference lists (occupations, regions, sectors), fetched once per session. */
export function useReference() {
  return useQuery({ queryKey: ['reference', 'recruitment'], queryFn: () => api<ReferenceLists>('GET', '/api/reference/recruitment'), staleTime: Infinity });
}

/** Names of reference entries in the interface language (Tajik falls back to Russian, then English). */
export function useReferenceNames() {
  const { i18n } = useTranslation();
  const { data } = useReference();
  const lang = i18n.language;
  const occupations = new Map(data?.occupations.map((o) => [o.code, o]) ?? []);
  const regions = new Map(data?.regions.map((r) => [r.code, r]) ?? []);
  const sectors = new Map(data?.sectors.map((s) => [s.code, s]) ?? []);
  return {
    data,
    occupation: (code: string) => {
      const o = occupations.get(code);
      if (!o) return code;
      return (lang === 'tg' ? (o.tg ?? o.ru) : lang === 'ru' ? o.ru : undefined) ?? o.en;
    },
    region: (code: string) => {
      const r = regions.get(code);
      return r ? (lang === 'en' ? r.en : r.ru) : code;
    },
    sector: (code: string) => {
      const s = sectors.get(code);
      return s ? (lang === 'tg' ? s.tg : lang === 'ru' ? s.ru : s.en) : code;
    },
  };
}

/** The occupations most asked for in the corridor, offered first in occupation choices. */
export const COMMON_OCCUPATIONS: readonly string[] = [
  '7112',
  '7114',
  '7115',
  '7122',
  '7123',
  '7126',
  '7131',
  '7212',
  '7231',
  '7411',
  '8322',
  '8332',
  '8342',
  '8343',
  '9211',
  '9212',
  '9312',
  '9313',
  '9329',
  '9333',
  '5120',
  '9112',
  '9412',
];

export function formatRub(value: number, language: string): string {
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU').format(value)} ₽`;
}
