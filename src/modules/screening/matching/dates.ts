/** Birth dates that may be partial (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or empty) and how two of them agree. */
export interface PartialDate {
  /** 0 when unknown. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const UNKNOWN_DATE: PartialDate = { year: 0, month: 0, day: 0 };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parse a partial date; undefined when the text is not one (empty text is the unknown date). */
export function parsePartialDate(text: string): PartialDate | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return UNKNOWN_DATE;
  const m = PATTERN.exec(trimmed);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 0;
  const day = m[3] ? Number(m[3]) : 0;
  if (year < 1850 || year > 2100 || (m[2] && (month < 1 || month > 12))) return undefined;
  if (m[3]) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  }
  return { year, month, day };
}

export function formatPartialDate(date: PartialDate): string {
  if (date.year === 0) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return date.month === 0 ? String(date.year) : date.day === 0 ? `${date.year}-${pad(date.month)}` : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export type DateAgreement = 'exact' | 'swapped' | 'day_differs' | 'month' | 'year' | 'unknown' | 'conflict';

/** Symmetric: how two partial dates agree, from `exact` down to `conflict`. */
export function compareDates(a: PartialDate, b: PartialDate): DateAgreement {
  if (a.year === 0 || b.year === 0) return 'unknown';
  if (a.year !== b.year) return 'conflict';
  if (a.month === 0 || b.month === 0) return 'year';
  if (a.day === 0 || b.day === 0) {
    if (a.month === b.month) return 'month';
    const full = a.day === 0 ? b : a;
    const partial = a.day === 0 ? a : b;
    return full.day === partial.month ? 'year' : 'conflict';
  }
  if (a.month === b.month) return a.day === b.day ? 'exact' : 'day_differs';
  if (a.day === b.month && a.month === b.day) return 'swapped';
  return 'conflict';
}
