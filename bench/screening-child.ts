/**
 * One measurement of the screening benchmark, run in its own process so that its peak memory is its own.
 * Modes: `batch` (the product's batch screening, as `corridor screen` runs it), `baseline` (exact comparison
 * after ICAO transliteration), `single` (one person at a time against the whole list, latencies).
 * Prints one JSON line on stdout.
 */
import { createWriteStream } from 'node:fs';
import { TABLES, transliterate } from '../src/modules/people';
import { loadListFile, screenFiles, matching } from '../src/modules/screening';
import { readCsvFile } from '../src/modules/screening/batch/csv';
import { PEOPLE_COLUMNS, parsePeopleRow, readHeader } from '../src/modules/screening/batch/rows';
import { personFromRow } from '../src/modules/screening/batch/run-batch';

const [mode, listPath, peoplePath, outPath] = process.argv.slice(2) as [string, string, string, string];

function icaoKey(name: string): string {
  const latin = /[\u0400-\u04ff]/.test(name) ? transliterate(transliterate(name, TABLES.tajikToRussian), TABLES.icao9303) : name;
  return latin
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

async function baseline() {
  const started = performance.now();
  const index = new Map<string, string[]>();
  let header = true;
  for await (const { fields } of readCsvFile(listPath)) {
    if (header) {
      header = false;
      continue;
    }
    const key = `${icaoKey(fields[1] ?? '')}|${fields[2] ?? ''}`;
    const ids = index.get(key);
    if (ids) ids.push(fields[0] as string);
    else index.set(key, [fields[0] as string]);
  }
  const out = createWriteStream(outPath);
  out.write('person_id,list_id,score,decision,reason\n');
  let columns: ReturnType<typeof readHeader>['columns'];
  let people = 0;
  let matches = 0;
  for await (const { line, fields } of readCsvFile(peoplePath)) {
    if (!columns) {
      columns = readHeader(fields, PEOPLE_COLUMNS).columns;
      continue;
    }
    const row = parsePeopleRow(line, fields, columns).row;
    if (!row) continue;
    people += 1;
    const date = matching.formatPartialDate(row.birth);
    const names = [`${row.surname} ${row.givenNames}`, `${row.surname} ${row.givenNames} ${row.patronymic ?? ''}`];
    if (row.cyrillic)
      names.push(`${row.cyrillic.surname} ${row.cyrillic.givenNames}`, `${row.cyrillic.surname} ${row.cyrillic.givenNames} ${row.cyrillic.patronymic ?? ''}`);
    const found = new Set(names.flatMap((n) => index.get(`${icaoKey(n)}|${date}`) ?? []));
    for (const id of found) {
      matches += 1;
      out.write(`${row.id},${id},1,match,exact\n`);
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { people, matches, seconds: (performance.now() - started) / 1000 };
}

async function single() {
  const loadStarted = performance.now();
  const index = await loadListFile(listPath);
  const indexSeconds = (performance.now() - loadStarted) / 1000;
  const sample = [];
  let columns: ReturnType<typeof readHeader>['columns'];
  for await (const { line, fields } of readCsvFile(peoplePath)) {
    if (!columns) {
      columns = readHeader(fields, PEOPLE_COLUMNS).columns;
      continue;
    }
    const row = parsePeopleRow(line, fields, columns).row;
    if (row) sample.push(row);
    if (sample.length >= 20_000) break;
  }
  const rounds = [];
  for (let round = 0; round < 3; round += 1) {
    const times: number[] = [];
    for (const row of sample) {
      const started = performance.now();
      index.screen(personFromRow(row));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
    rounds.push({ p50: at(0.5), p99: at(0.99), max: at(1) });
  }
  return { entries: index.size, indexSeconds, screened: sample.length, rounds };
}

async function main() {
  let result: unknown;
  if (mode === 'batch') result = await screenFiles({ listPath, peoplePath, outPath });
  else if (mode === 'baseline') result = await baseline();
  else if (mode === 'single') result = await single();
  else throw new Error(`unknown mode ${mode}`);
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const usage = process.cpuUsage();
  // CPU seconds beside wall seconds: on a shared machine the wall clock also counts others' work.
  const cpuSeconds = (usage.user + usage.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ mode, peakMiB, cpuSeconds, ...(result as object) })}\n`);
}

await main();
