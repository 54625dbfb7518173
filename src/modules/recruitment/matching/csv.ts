import type { MatchCandidate, MatchQuota, MatchResult, MatchVacancy, MatchInstance } from './matching.types';

/** A CSV problem with the line it was found on (1-based, the header is line 1). */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

/** RFC 4180 fields: commas, double quotes around fields, "" for a quote inside. */
function splitLine(line: string, file: string, lineNo: number): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CsvError(file, lineNo, 'unterminated quoted field');
  out.push(field);
  return out;
}

function* rows(
  text: string,
  file: string,
  columns: readonly string[],
  optional: readonly string[] = [],
): Generator<{ line: number; get: (name: string) => string }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitLine(lines[0] ?? '', file, 1).map((h) => h.trim());
  for (let k = 0; k < columns.length; k += 1) {
    if (header[k] !== columns[k])
      throw new CsvError(file, 1, `expected column ${k + 1} to be "${columns[k]}", found "${header[k] ?? ''}" (header: ${columns.join(',')})`);
  }
  const known = new Set([...columns, ...optional]);
  const unknown = header.find((h) => !known.has(h));
  if (unknown !== undefined) throw new CsvError(file, 1, `unknown column "${unknown}"`);
  const index = new Map(header.map((h, i) => [h, i]));
  for (let i = 1; i < lines.length; i += 1) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const fields = splitLine(raw, file, i + 1);
    if (fields.length !== header.length) throw new CsvError(file, i + 1, `expected ${header.length} fields, found ${fields.length}`);
    yield { line: i + 1, get: (name) => (fields[index.get(name) ?? -1] ?? '').trim() };
  }
}

function int(value: string, file: string, line: number, column: string, min = 0): number {
  if (!/^-?\d+$/.test(value)) throw new CsvError(file, line, `${column} must be an integer, found "${value}"`);
  const n = Number(value);
  if (n < min || !Number.isSafeInteger(n)) throw new CsvError(file, line, `${column} must be at least ${min}, found ${value}`);
  return n;
}

function occupation(value: string, file: string, line: number): string {
  if (!/^\d{4}$/.test(value)) throw new CsvError(file, line, `occupation must be an ISCO-08 4-digit code, found "${value}"`);
  return value;
}

function region(value: string, file: string, line: number, column: string): string {
  if (!/^RU-[A-Z]{2,3}$/.test(value)) throw new CsvError(file, line, `${column} must be an ISO 3166-2:RU code, found "${value}"`);
  return value;
}

function uniqueId(seen: Set<string>, id: string, file: string, line: number): string {
  if (!id) throw new CsvError(file, line, 'id is empty');
  if (seen.has(id)) throw new CsvError(file, line, `duplicate id "${id}"`);
  seen.add(id);
  return id;
}

export const CANDIDATE_COLUMNS = ['id', 'occupation', 'skill_level', 'russian_level', 'experience_years', 'waiting_days', 'preferred_regions'] as const;
export const VACANCY_COLUMNS = ['id', 'employer_id', 'occupation', 'region', 'seats', 'min_skill_level', 'min_russian_level', 'min_experience_years'] as const;
export const QUOTA_COLUMNS = ['region', 'occupation', 'remaining'] as const;

export function parseCandidatesCsv(text: string, file = 'candidates'): MatchCandidate[] {
  const seen = new Set<string>();
  const out: MatchCandidate[] = [];
  for (const { line, get } of rows(text, file, CANDIDATE_COLUMNS)) {
    const prefs =
      get('preferred_regions') === ''
        ? []
        : get('preferred_regions')
            .split(';')
            .map((r) => region(r.trim(), file, line, 'preferred_regions'));
    if (prefs.length > 3) throw new CsvError(file, line, `at most three preferred regions, found ${prefs.length}`);
    if (new Set(prefs).size !== prefs.length) throw new CsvError(file, line, 'a preferred region is repeated');
    out.push({
      id: uniqueId(seen, get('id'), file, line),
      occupation: occupation(get('occupation'), file, line),
      skillLevel: int(get('skill_level'), file, line, 'skill_level'),
      russianLevel: int(get('russian_level'), file, line, 'russian_level'),
      experienceYears: int(get('experience_years'), file, line, 'experience_years'),
      waitingDays: int(get('waiting_days'), file, line, 'waiting_days'),
      preferredRegions: prefs,
    });
  }
  return out;
}

export function parseVacanciesCsv(text: string, file = 'vacancies'): MatchVacancy[] {
  const seen = new Set<string>();
  const out: MatchVacancy[] = [];
  for (const { line, get } of rows(text, file, VACANCY_COLUMNS)) {
    if (!get('employer_id')) throw new CsvError(file, line, 'employer_id is empty');
    out.push({
      id: uniqueId(seen, get('id'), file, line),
      employerId: get('employer_id'),
      occupation: occupation(get('occupation'), file, line),
      region: region(get('region'), file, line, 'region'),
      seats: int(get('seats'), file, line, 'seats', 1),
      minSkillLevel: int(get('min_skill_level'), file, line, 'min_skill_level'),
      minRussianLevel: int(get('min_russian_level'), file, line, 'min_russian_level'),
      minExperienceYears: int(get('min_experience_years'), file, line, 'min_experience_years'),
    });
  }
  return out;
}

export function parseQuotasCsv(text: string, file = 'quotas'): MatchQuota[] {
  const seen = new Set<string>();
  const out: MatchQuota[] = [];
  for (const { line, get } of rows(text, file, QUOTA_COLUMNS)) {
    const quota = {
      region: region(get('region'), file, line, 'region'),
      occupation: occupation(get('occupation'), file, line),
      remaining: int(get('remaining'), file, line, 'remaining'),
    };
    uniqueId(seen, `${quota.region}|${quota.occupation}`, file, line);
    out.push(quota);
  }
  return out;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A: `candidate_id,vacancy_id,weight`, one row per assignment, by vacancy then weight. */
export function formatAssignmentsCsv(instance: MatchInstance, result: MatchResult): string {
  const lines = ['candidate_id,vacancy_id,weight'];
  for (const a of result.assignments) {
    lines.push(`${csvField(instance.candidates[a.candidate]?.id ?? '')},${csvField(instance.vacancies[a.vacancy]?.id ?? '')},${a.weight}`);
  }
  return `${lines.join('\n')}\n`;
}
