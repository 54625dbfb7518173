import { sql, type Selectable } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Queryable, Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import type { NewProcedureVersion, ProcedureView } from './medical.schema';
import type { ProcedureTable } from './medical.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'procedure.drafted': { code: string; version: number };
    'procedure.approved': { code: string; version: number; retired: number };
  }
}

type ProcedureRow = Selectable<ProcedureTable>;

export function toProcedureView(row: ProcedureRow): ProcedureView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    tests: row.tests.map((t) => ({ code: t.code, disqualifying: [...t.disqualifying] })),
    validityMonths: row.validity_months,
    renewalWindowDays: row.renewal_window_days,
    status: row.status,
    approvedAt: row.approved_at?.toISOString() ?? null,
  };
}

export async function listProcedures(db: Queryable): Promise<ProcedureView[]> {
  const rows = await db.selectFrom('medical_procedures').selectAll().orderBy('code').orderBy('version', 'desc').execute();
  return rows.map(toProcedureView);
}

/** The procedure in force: the newest approved version (of any code: the corridor has one procedure). */
export async function findCurrentProcedure(db: Queryable) {
  const row = await db.selectFrom('medical_procedures').selectAll().where('status', '=', 'approved').orderBy('approved_at', 'desc').limit(1).executeTakeFirst();
  return row;
}

/** Draft the next version of a procedure (health authority). Versions are immutable once approved. */
export async function draftProcedureVersion(trx: Tx, context: ActionContext, input: NewProcedureVersion): Promise<ProcedureView> {
  await sql`select pg_advisory_xact_lock(hashtext(${`procedure:${input.code}`}))`.execute(trx);
  const last = await trx
    .selectFrom('medical_procedures')
    .select('version')
    .where('code', '=', input.code)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  const row = await trx
    .insertInto('medical_procedures')
    .values({
      code: input.code,
      version,
      title: input.title,
      tests: JSON.stringify(input.tests),
      validity_months: input.validityMonths,
      renewal_window_days: input.renewalWindowDays,
      status: 'draft',
      approved_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, { type: 'procedure.drafted', entityType: 'procedure', entityId: row.id, data: { code: input.code, version } });
  return toProcedureView(row);
}

/** Approve a draft: it is in force from now on; earlier approved versions of the code are retired. */
export async function approveProcedure(trx: Tx, context: ActionContext, id: string): Promise<ProcedureView> {
  const row = await trx.selectFrom('medical_procedures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('procedure.not_found');
  if (row.status !== 'draft') throw new DomainError('procedure.conflict', { detail: 'only a draft can be approved' });
  const retired = await trx
    .updateTable('medical_procedures')
    .set({ status: 'retired' })
    .where('code', '=', row.code)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  const approved = await trx
    .updateTable('medical_procedures')
    .set({ status: 'approved', approved_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    type: 'procedure.approved',
    entityType: 'procedure',
    entityId: id,
    data: { code: row.code, version: row.version, retired: Number(retired.numUpdatedRows) },
  });
  return toProcedureView(approved);
}
