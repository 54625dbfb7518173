/**
 * The batch screening of DESIGN.md section 8: a watch list against a population, both CSV files, writing
 * MATCHES (`person_id,list_id,score,decision,reason`). The list is read and indexed in memory; the people are
 * streamed. Any malformed row stops the run before anything is written, naming the row and the column.
 */
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { DomainError, type FieldError } from '../../../platform/errors';
import { ListIndex, formatReasons, personRecord, entryRecord, type ScreeningPolicy, DEFAULT_POLICY } from '../matching';
import { CsvFormatError, readCsvFile, toCsvLine } from './csv';
import { LIST_COLUMNS, PEOPLE_COLUMNS, parseListRow, parsePeopleRow, readHeader, type PeopleRow } from './rows';

export interface BatchProgress {
  readonly phase: 'list' | 'people';
  readonly done: number;
  readonly total: number;
}

export interface BatchSummary {
  readonly listEntries: number;
  readonly people: number;
  readonly pairsCompared: number;
  readonly matches: number;
  readonly reviews: number;
  readonly peopleWithAlerts: number;
  readonly seconds: number;
  readonly indexSeconds: number;
}

const MAX_REPORTED_ERRORS = 50;

function invalid(code: 'screening_list.invalid' | 'screening_people.invalid', errors: FieldError[]): DomainError {
  const first = errors[0];
  return new DomainError(code, {
    detail: `${errors.length}${errors.length >= MAX_REPORTED_ERRORS ? '+' : ''} malformed rows; first: ${first?.path}: ${first?.message}`,
    fields: errors,
  });
}

/** Read and index a LIST file; throws `screening_list.invalid` with row-level errors and builds nothing then. */
export async function loadListFile(path: string, onProgress?: (p: BatchProgress) => void, policy: ScreeningPolicy = DEFAULT_POLICY): Promise<ListIndex> {
  const index = new ListIndex(policy);
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  let columns: ReturnType<typeof readHeader>['columns'];
  try {
    for await (const { line, fields } of readCsvFile(path)) {
      if (!columns) {
        const header = readHeader(fields, LIST_COLUMNS);
        if (!header.columns) throw invalid('screening_list.invalid', header.errors);
        columns = header.columns;
        continue;
      }
      const parsed = parseListRow(line, fields, columns);
      if (parsed.row && ids.has(parsed.row.id))
        parsed.errors.push({ path: `row ${line}: id`, code: 'duplicate', message: `id "${parsed.row.id}" appears twice` });
      if (parsed.errors.length > 0 || !parsed.row) {
        errors.push(...parsed.errors);
        if (errors.length >= MAX_REPORTED_ERRORS) break;
        continue;
      }
      ids.add(parsed.row.id);
      if (errors.length === 0) index.add({ id: parsed.row.id, ...entryRecord(parsed.row) });
      if (index.size % 50_000 === 0) onProgress?.({ phase: 'list', done: index.size, total: 0 });
    }
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw invalid('screening_list.invalid', [{ path: `row ${error.line}`, code: 'quote', message: 'a quoted field is not closed' }]);
    throw error;
  }
  if (!columns) throw invalid('screening_list.invalid', [{ path: 'header', code: 'required', message: 'the file is empty' }]);
  if (errors.length > 0) throw invalid('screening_list.invalid', errors);
  return index.build();
}

export function personFromRow(row: PeopleRow) {
  return personRecord({
    forms: [{ surname: row.surname, givenNames: row.givenNames, patronymic: row.patronymic }, ...(row.cyrillic ? [row.cyrillic] : [])],
    birth: row.birth,
    gender: row.gender,
    passportNumber: row.passportNumber,
  });
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines += 1;
  }
  return Math.max(0, lines - 1);
}

export interface ScreenFilesInput {
  readonly listPath: string;
  readonly peoplePath: string;
  readonly outPath: string;
  readonly policy?: ScreeningPolicy;
  readonly onProgress?: (p: BatchProgress) => void;
}

export async function screenFiles(input: ScreenFilesInput): Promise<BatchSummary> {
  const started = performance.now();
  const index = await loadListFile(input.listPath, input.onProgress, input.policy);
  const indexSeconds = (performance.now() - started) / 1000;
  const total = await countLines(input.peoplePath);
  const partial = `${input.outPath}.partial`;
  const out = createWriteStream(partial);
  const summary = { listEntries: index.size, people: 0, pairsCompared: 0, matches: 0, reviews: 0, peopleWithAlerts: 0 };
  let buffer: string[] = ['person_id,list_id,score,decision,reason'];
  const flush = async () => {
    const chunk = `${buffer.join('\n')}\n`;
    buffer = [];
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  try {
    await screenPeople(
      input.peoplePath,
      index,
      summary,
      async (line) => {
        buffer.push(line);
        if (buffer.length >= 2000) await flush();
      },
      (done) => input.onProgress?.({ phase: 'people', done, total }),
    );
    if (buffer.length > 0) await flush();
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    renameSync(partial, input.outPath);
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
  return { ...summary, seconds: (performance.now() - started) / 1000, indexSeconds };
}

type Counters = { people: number; pairsCompared: number; matches: number; reviews: number; peopleWithAlerts: number };

async function screenPeople(path: string, index: ListIndex, counters: Counters, write: (line: string) => Promise<void>, progress: (done: number) => void) {
  let columns: ReturnType<typeof readHeader>['columns'];
  const ids = new Set<string>();
  try {
    for await (const { line, fields } of readCsvFile(path)) {
      if (!columns) {
        const header = readHeader(fields, PEOPLE_COLUMNS);
        if (!header.columns) throw invalid('screening_people.invalid', header.errors);
        columns = header.columns;
        continue;
      }
      const parsed = parsePeopleRow(line, fields, columns);
      if (parsed.row && ids.has(parsed.row.id))
        parsed.errors.push({ path: `row ${line}: id`, code: 'duplicate', message: `id "${parsed.row.id}" appears twice` });
      if (!parsed.row || parsed.errors.length > 0) throw invalid('screening_people.invalid', parsed.errors);
      ids.add(parsed.row.id);
      const { hits, compared } = index.screen(personFromRow(parsed.row));
      counters.people += 1;
      counters.pairsCompared += compared;
      if (hits.length > 0) counters.peopleWithAlerts += 1;
      for (const hit of hits) {
        if (hit.verdict.decision === 'match') counters.matches += 1;
        else counters.reviews += 1;
        await write(toCsvLine([parsed.row.id, hit.entry.id, hit.verdict.score.toFixed(4), hit.verdict.decision ?? '', formatReasons(hit.verdict.reasons)]));
      }
      if (counters.people % 5000 === 0) progress(counters.people);
    }
  } catch (error) {
    if (error instanceof CsvFormatError)
      throw invalid('screening_people.invalid', [{ path: `row ${error.line}`, code: 'quote', message: 'a quoted field is not closed' }]);
    throw error;
  }
  if (!columns) throw invalid('screening_people.invalid', [{ path: 'header', code: 'required', message: 'the file is empty' }]);
  progress(counters.people);
}
