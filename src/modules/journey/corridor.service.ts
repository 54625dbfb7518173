import type { Queryable, Tx } from '../../platform/database/database';
import { isValidTimeZone } from '../../platform/calendar';
import { DomainError } from '../../platform/errors';
import { Corridor } from './corridor.schema';
import './case.tables';

/** Create or update a corridor from its data (demo seed, admin import). */
export async function upsertCorridor(trx: Tx, input: Corridor): Promise<void> {
  const corridor = Corridor.parse(input);
  for (const zone of [corridor.originTimezone, corridor.destinationTimezone]) {
    if (!isValidTimeZone(zone))
      throw new DomainError('corridor.invalid', { fields: [{ path: 'timezone', code: 'unknown', message: `unknown time zone ${zone}` }] });
  }
  const values = {
    code: corridor.code,
    origin_country: corridor.originCountry,
    destination_country: corridor.destinationCountry,
    origin_timezone: corridor.originTimezone,
    destination_timezone: corridor.destinationTimezone,
    languages: JSON.stringify(corridor.languages),
    rules: JSON.stringify(corridor.rules),
  };
  await trx
    .insertInto('corridors')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet({ ...values }))
    .execute();
}

export async function createRound(trx: Tx, corridorCode: string, name: string, opensOn: string, closesOn: string): Promise<string> {
  const row = await trx
    .insertInto('recruitment_rounds')
    .values({ corridor_code: corridorCode, name, opens_on: opensOn, closes_on: closesOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listCorridors(db: Queryable) {
  const rows = await db.selectFrom('corridors').selectAll().orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    originCountry: r.origin_country,
    destinationCountry: r.destination_country,
    originTimezone: r.origin_timezone,
    destinationTimezone: r.destination_timezone,
    languages: r.languages,
    rules: r.rules,
  }));
}

/** The open round of a corridor on a date (the latest that has opened and not closed). */
export async function findOpenRound(db: Queryable, corridorCode: string, on: string) {
  return db
    .selectFrom('recruitment_rounds')
    .select(['id', 'name', 'opens_on', 'closes_on'])
    .where('corridor_code', '=', corridorCode)
    .where('opens_on', '<=', on)
    .where('closes_on', '>=', on)
    .orderBy('opens_on', 'desc')
    .executeTakeFirst();
}
