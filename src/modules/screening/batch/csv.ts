/**
 * CSV as in RFC 4180 (UTF-8, comma-separated, a header row, fields quoted with double quotes when they hold
 * commas, quotes or line breaks). Reading is streaming, so a million-row file never sits in memory whole.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface CsvRow {
  /** 1-based line number of the row's first line in the file (the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/** Split one record; undefined when a quoted field is still open at the end (the record continues on the next line). */
export function splitCsvRecord(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let startOfField = true;
  while (i < text.length) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && startOfField) {
      quoted = true;
      startOfField = false;
      i += 1;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      startOfField = true;
      i += 1;
      continue;
    }
    field += char;
    startOfField = false;
    i += 1;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsvLine(values: readonly (string | number)[]): string {
  return values.map((v) => quoteCsvField(String(v))).join(',');
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Rows of CSV text (header included as the first row). */
export function* parseCsvText(text: string): Generator<CsvRow> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  yield* assemble(lines);
}

function* assemble(lines: Iterable<string>): Generator<CsvRow> {
  let pending: string | undefined;
  let startLine = 0;
  let lineNo = 0;
  for (const raw of lines) {
    lineNo += 1;
    const text = pending === undefined ? raw : `${pending}\n${raw}`;
    if (pending === undefined) startLine = lineNo;
    const fields = splitCsvRecord(text);
    if (fields === undefined) {
      pending = text;
      continue;
    }
    pending = undefined;
    if (text.trim() === '') continue;
    yield { line: startLine, fields };
  }
  if (pending !== undefined) throw new CsvFormatError(startLine, 'a quoted field is not closed');
}

/** Stream the rows of a CSV file. */
export async function* readCsvFile(path: string): AsyncGenerator<CsvRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let pending: string | undefined;
  let startLine = 0;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    const text = pending === undefined ? line : `${pending}\n${line}`;
    if (pending === undefined) startLine = lineNo;
    const fields = splitCsvRecord(text);
    if (fields === undefined) {
      pending = text;
      continue;
    }
    pending = undefined;
    if (text.trim() === '') continue;
    yield { line: startLine, fields };
  }
  if (pending !== undefined) throw new CsvFormatError(startLine, 'a quoted field is not closed');
}
