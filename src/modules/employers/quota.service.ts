import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import { inTransaction, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import type { QuotaView } from './employer.schema';
import { isOccupation, isRegion } from './reference';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'quota.set': { year: number; region: string; occupation: string; total: number };
  }
}

/** Set the seats of a region × occupation × year; never below what approved requests already use. */
export async function setQuota(db: Db, context: ActionContext, input: { year: number; region: string; occupation: string; total: number }): Promise<QuotaView> {
  const fields: FieldError[] = [];
  if (!isRegion(input.region)) fields.push({ path: 'body.region', code: 'unknown_region', message: 'not an ISO 3166-2:RU region code' });
  if (!isOccupation(input.occupation)) fields.push({ path: 'body.occupation', code: 'unknown_occupation', message: 'not an ISCO-08 unit group' });
  if (fields.length > 0) throw new DomainError('quota.invalid', { fields });
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('quotas')
      .select('used')
      .where('year', '=', input.year)
      .where('region', '=', input.region)
      .where('occupation', '=', input.occupation)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.used > input.total) {
      throw new DomainError('quota.below_used.conflict', { detail: `${existing.used} seats are already used`, extensions: { used: existing.used } });
    }
    await trx
      .insertInto('quotas')
      .values({ year: input.year, region: input.region, occupation: input.occupation, total: input.total })
      .onConflict((oc) => oc.columns(['year', 'region', 'occupation']).doUpdateSet({ total: input.total, updated_at: new Date() }))
      .execute();
    await audit(trx, context, { type: 'quota.set', entityType: 'quota', entityId: `${input.year}:${input.region}:${input.occupation}`, data: { ...input } });
    const [quota] = await listQuotas(trx, { year: input.year, region: input.region, occupation: input.occupation });
    return quota as QuotaView;
  });
}

/**
 * Take seats from a quota in one guarded UPDATE: the row lock serializes concurrent approvals and the
 * condition is evaluated again on the locked row, so the sum of approvals can never pass the total.
 */
export async function consumeQuota(trx: Tx, input: { year: number; region: string; occupation: string; seats: number }): Promise<void> {
  const updated = await trx
    .updateTable('quotas')
    .set({ used: sql`used + ${input.seats}`, updated_at: new Date() })
    .where('year', '=', input.year)
    .where('region', '=', input.region)
    .where('occupation', '=', input.occupation)
    .where(sql<boolean>`used + ${input.seats} <= total`)
    .returning(['used', 'total'])
    .executeTakeFirst();
  if (!updated) {
    const row = await trx
      .selectFrom('quotas')
      .select(['used', 'total'])
      .where('year', '=', input.year)
      .where('region', '=', input.region)
      .where('occupation', '=', input.occupation)
      .executeTakeFirst();
    throw new DomainError('labour_request.quota_exhausted.conflict', {
      detail: row ? `the quota has ${row.total - row.used} of ${row.total} seats left` : 'there is no quota for this region, occupation and year',
      extensions: { remaining: row ? row.total - row.used : 0, requested: input.seats, ...input },
    });
  }
}

/** Seats filled by signed contracts per `year|region|occupation`; the recruitment module, which owns contracts, provides it. */
export type ContractedCounter = (db: Queryable) => Promise<ReadonlyMap<string, number>>;
let contractedCounter: ContractedCounter = async () => new Map();

export function registerContractedCounter(counter: ContractedCounter): void {
  contractedCounter = counter;
}

export async function listQuotas(db: Queryable, filter: { year?: number; region?: string; occupation?: string } = {}): Promise<QuotaView[]> {
  let query = db.selectFrom('quotas as q').select(['q.year', 'q.region', 'q.occupation', 'q.total', 'q.used']);
  if (filter.year) query = query.where('q.year', '=', filter.year);
  if (filter.region) query = query.where('q.region', '=', filter.region);
  if (filter.occupation) query = query.where('q.occupation', '=', filter.occupation);
  const rows = await query.orderBy('q.year', 'desc').orderBy('q.region').orderBy('q.occupation').limit(2000).execute();
  const filled = await contractedCounter(db);
  return rows.map((r) => ({ ...r, occupation: r.occupation.trim(), contracted: filled.get(`${r.year}|${r.region}|${r.occupation.trim()}`) ?? 0 }));
}
