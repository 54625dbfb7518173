import { audit, type ActionContext } from '../../platform/audit/audit';
import { inTransaction, type Db, type Queryable } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { banKey, isRegion, isSector, reference } from './reference';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'sector_ban.edited': { region: string; sector: string; banned: boolean };
  }
}

/** Is the sector barred in the region: the agency's latest edit if any, else the shipped baseline. */
export async function isSectorBanned(db: Queryable, region: string, sector: string): Promise<boolean> {
  const edit = await db.selectFrom('sector_ban_edits').select('banned').where('region', '=', region).where('sector', '=', sector).executeTakeFirst();
  return edit ? edit.banned : reference().baselineBans.has(banKey(region, sector));
}

export interface SectorBan {
  readonly region: string;
  readonly sector: string;
  readonly source: 'reference' | 'agency';
  readonly reason: string | null;
}

/** The bans in force: the baseline plus the agency's additions, minus what it lifted. */
export async function listSectorBans(db: Queryable): Promise<SectorBan[]> {
  const edits = await db.selectFrom('sector_ban_edits').selectAll().execute();
  const overridden = new Map(edits.map((e) => [banKey(e.region, e.sector), e]));
  const bans: SectorBan[] = [];
  for (const key of reference().baselineBans) {
    if (overridden.has(key)) continue;
    const [region, sector] = key.split('|') as [string, string];
    bans.push({ region, sector, source: 'reference', reason: null });
  }
  for (const e of edits) if (e.banned) bans.push({ region: e.region, sector: e.sector, source: 'agency', reason: e.reason });
  return bans.sort((a, b) => a.region.localeCompare(b.region) || a.sector.localeCompare(b.sector));
}

export async function editSectorBan(
  db: Db,
  context: ActionContext,
  input: { region: string; sector: string; banned: boolean; reason?: string },
): Promise<SectorBan[]> {
  const fields: FieldError[] = [];
  if (!isRegion(input.region)) fields.push({ path: 'body.region', code: 'unknown_region', message: 'not an ISO 3166-2:RU region code' });
  if (!isSector(input.sector)) fields.push({ path: 'body.sector', code: 'unknown_sector', message: 'not a sector of the reference list' });
  if (fields.length > 0) throw new DomainError('sector_ban.invalid', { fields });
  return inTransaction(db, async (trx) => {
    const values = {
      banned: input.banned,
      reason: input.reason ?? null,
      edited_by_user_id: 'userId' in context.actor ? context.actor.userId : null,
      edited_at: new Date(),
    };
    await trx
      .insertInto('sector_ban_edits')
      .values({ region: input.region, sector: input.sector, ...values })
      .onConflict((oc) => oc.columns(['region', 'sector']).doUpdateSet(values))
      .execute();
    await audit(trx, context, {
      type: 'sector_ban.edited',
      entityType: 'sector_ban',
      entityId: banKey(input.region, input.sector),
      data: { region: input.region, sector: input.sector, banned: input.banned },
    });
    return listSectorBans(trx);
  });
}
