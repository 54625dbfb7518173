/**
 * Watch-list import (DESIGN.md section 8): a CSV becomes a new version only if every row is well formed;
 * otherwise nothing is written and the errors name each row and column. The import enqueues the rescreen of
 * the whole pool in the same transaction.
 */
import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import { isSystemActor } from '../../platform/auth/roles';
import { inTransaction, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs/queue';
import { parseCsvText, CsvFormatError } from './batch/csv';
import { LIST_COLUMNS, parseListRow, readHeader, type ListRow } from './batch/rows';
import './screening.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'watchlist.imported': { version: number; entries: number; jobId: number | null };
  }
}

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'screening.rescreen_pool': { versionId: string };
    'screening.screen_case': { caseId: string };
  }
}

const MAX_ERRORS = 100;

/** Parse and check a whole list; every problem is reported (up to 100), nothing is half-read. */
export function parseListCsv(text: string): { rows: ListRow[]; errors: FieldError[] } {
  const rows: ListRow[] = [];
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  let columns: ReturnType<typeof readHeader>['columns'];
  try {
    for (const { line, fields } of parseCsvText(text)) {
      if (!columns) {
        const header = readHeader(fields, LIST_COLUMNS);
        if (!header.columns) return { rows: [], errors: header.errors };
        columns = header.columns;
        continue;
      }
      const parsed = parseListRow(line, fields, columns);
      if (parsed.row && ids.has(parsed.row.id))
        parsed.errors.push({ path: `row ${line}: id`, code: 'duplicate', message: `id "${parsed.row.id}" appears twice` });
      if (parsed.row && parsed.errors.length === 0) {
        ids.add(parsed.row.id);
        rows.push(parsed.row);
      }
      errors.push(...parsed.errors);
      if (errors.length >= MAX_ERRORS) break;
    }
  } catch (error) {
    if (error instanceof CsvFormatError) errors.push({ path: `row ${error.line}`, code: 'quote', message: 'a quoted field is not closed' });
    else throw error;
  }
  if (!columns) errors.push({ path: 'header', code: 'required', message: 'the file is empty' });
  else if (rows.length === 0 && errors.length === 0) errors.push({ path: 'rows', code: 'required', message: 'the list has no entries' });
  return { rows, errors };
}

export interface ImportResult {
  readonly versionId: string;
  readonly version: number;
  readonly entries: number;
  readonly jobId: number | null;
}

const LIST_LOCK = 4_271_828_001;

export async function importWatchlist(db: Db, context: ActionContext, input: { source: string; csv: string }): Promise<ImportResult> {
  const { rows, errors } = parseListCsv(input.csv);
  if (errors.length > 0) {
    throw new DomainError('watchlist.invalid', { detail: `${errors.length} problem(s); first: ${errors[0]?.path}: ${errors[0]?.message}`, fields: errors });
  }
  return inTransaction(db, (trx) => insertWatchlistVersion(trx, context, input.source, rows));
}

/** Write a checked list as the next version and enqueue the pool's rescreen, in the caller's transaction. */
export async function insertWatchlistVersion(trx: Tx, context: ActionContext, source: string, rows: readonly ListRow[]): Promise<ImportResult> {
  await sql`select pg_advisory_xact_lock(${LIST_LOCK})`.execute(trx);
  const last = await trx.selectFrom('watchlist_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  const importedBy = isSystemActor(context.actor) ? null : context.actor.userId;
  const { id: versionId } = await trx
    .insertInto('watchlist_versions')
    .values({ version, source, entry_count: rows.length, imported_by: importedBy, rescreen_job_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('watchlist_entries')
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          version_id: versionId,
          list_id: r.id,
          name: r.name,
          birth_date: r.birthDate,
          gender: r.gender,
          passport_number: r.passportNumber,
          nationality: r.nationality,
        })),
      )
      .execute();
  }
  const jobId = (await enqueue(trx, 'screening.rescreen_pool', { versionId }, { dedupeKey: `screening.rescreen_pool:${versionId}`, maxAttempts: 3 })) ?? null;
  await trx.updateTable('watchlist_versions').set({ rescreen_job_id: jobId }).where('id', '=', versionId).execute();
  await audit(trx, context, { type: 'watchlist.imported', entityType: 'watchlist', entityId: versionId, data: { version, entries: rows.length, jobId } });
  return { versionId, version, entries: rows.length, jobId };
}

export async function listVersions(db: Queryable) {
  const rows = await db
    .selectFrom('watchlist_versions as v')
    .leftJoin('jobs as j', 'j.id', 'v.rescreen_job_id')
    .select(['v.id', 'v.version', 'v.source', 'v.entry_count', 'v.imported_at', 'v.rescreen_job_id', 'j.status as job_status', 'j.progress as job_progress'])
    .orderBy('v.version', 'desc')
    .limit(50)
    .execute();
  return rows.map((r, i) => ({
    id: r.id,
    version: r.version,
    source: r.source,
    entries: r.entry_count,
    importedAt: r.imported_at.toISOString(),
    inForce: i === 0,
    rescreen: r.rescreen_job_id
      ? { jobId: r.rescreen_job_id, status: r.job_status ?? 'done', progress: (r.job_progress as { done: number; total: number } | null) ?? null }
      : null,
  }));
}
