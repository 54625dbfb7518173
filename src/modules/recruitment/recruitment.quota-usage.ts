import { sql } from 'kysely';
import type { Queryable } from '../../platform/database/database';

/** Seats filled by signed contracts per `year|region|occupation` (for the quota usage chart). */
export async function countContractedSeats(db: Queryable): Promise<ReadonlyMap<string, number>> {
  const rows = await db
    .selectFrom('labour_requests as r')
    .innerJoin('offers as f', 'f.labour_request_id', 'r.id')
    .select(['r.region', 'r.occupation', sql<number>`extract(year from r.start_on)::int`.as('year'), sql<number>`count(*)::int`.as('n')])
    .where('f.status', '=', 'contracted')
    .groupBy(['r.region', 'r.occupation', sql`extract(year from r.start_on)`])
    .execute();
  return new Map(rows.map((c) => [`${c.year}|${c.region}|${c.occupation.trim()}`, Number(c.n)]));
}
