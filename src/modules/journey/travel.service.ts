import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { todayIn } from '../../platform/calendar';
import { inTransaction, type Db, type Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { makeDeadline } from './case.deadlines';
import { registerDeadlineSource } from './case.extensions';
import { findVisibleCase } from './case.repository';
import { transitionCase } from './case.service';
import './after-contract.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'travel_group.created': { corridorCode: string };
    'travel_group.member_added': { caseId: string };
    'travel_group.departed': { members: number };
  }
}

export const NewTravelGroup = z.object({
  corridorCode: z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/),
  name: z.string().trim().min(1).max(120),
  departureDate: z.iso.date(),
  route: z.string().trim().min(3).max(300),
});
export type NewTravelGroup = z.infer<typeof NewTravelGroup>;

export async function createTravelGroup(db: Db, principal: Principal, context: ActionContext, input: NewTravelGroup): Promise<string> {
  return inTransaction(db, async (trx) => {
    const corridor = await trx.selectFrom('corridors').select('origin_timezone').where('code', '=', input.corridorCode).executeTakeFirst();
    if (!corridor) throw new DomainError('travel_group.invalid', { fields: [{ path: 'corridorCode', code: 'unknown', message: 'no such corridor' }] });
    if (input.departureDate < todayIn(corridor.origin_timezone))
      throw new DomainError('travel_group.invalid', { fields: [{ path: 'departureDate', code: 'in_past', message: 'the departure date has passed' }] });
    const row = await trx
      .insertInto('travel_groups')
      .values({
        corridor_code: input.corridorCode,
        name: input.name,
        departure_date: input.departureDate,
        route: input.route,
        created_by: principal.userId,
        departed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, context, { type: 'travel_group.created', entityType: 'travel_group', entityId: row.id, data: { corridorCode: input.corridorCode } });
    return row.id;
  });
}

/** Put contracted workers into a group; a worker is in one group at most. */
export async function addTravelGroupMembers(db: Db, context: ActionContext, groupId: string, caseIds: readonly string[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    const group = await trx.selectFrom('travel_groups').select(['id', 'corridor_code', 'departed_at']).where('id', '=', groupId).forUpdate().executeTakeFirst();
    if (!group) throw new DomainError('travel_group.not_found');
    if (group.departed_at) throw new DomainError('travel_group.conflict', { detail: 'the group has already departed' });
    const cases = await trx
      .selectFrom('cases')
      .innerJoin('recruitment_rounds as r', 'r.id', 'cases.round_id')
      .select(['cases.id', 'cases.status', 'r.corridor_code'])
      .where('cases.id', 'in', [...caseIds])
      .forUpdate('cases')
      .execute();
    const fields = caseIds.flatMap((id, index) => {
      const kase = cases.find((c) => c.id === id);
      if (!kase) return [{ path: `caseIds.${index}`, code: 'not_found', message: 'no such case' }];
      if (kase.status !== 'contracted') return [{ path: `caseIds.${index}`, code: 'status', message: `the case is ${kase.status}, not contracted` }];
      if (kase.corridor_code !== group.corridor_code) return [{ path: `caseIds.${index}`, code: 'corridor', message: 'the case is in another corridor' }];
      return [];
    });
    if (fields.length) throw new DomainError('travel_group.invalid', { fields });
    for (const id of caseIds) {
      await trx.updateTable('cases').set({ travel_group_id: groupId }).where('id', '=', id).execute();
      await audit(trx, context, { type: 'travel_group.member_added', entityType: 'travel_group', entityId: groupId, data: { caseId: id } });
    }
  });
}

/** Record the group's departure: every member departs on the group's date, each as its own transition. */
export async function departTravelGroup(db: Db, context: ActionContext, groupId: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const group = await trx
      .selectFrom('travel_groups')
      .select(['id', 'departure_date', 'departed_at'])
      .where('id', '=', groupId)
      .forUpdate()
      .executeTakeFirst();
    if (!group) throw new DomainError('travel_group.not_found');
    if (group.departed_at) return 0;
    const members = await trx
      .selectFrom('cases')
      .select('id')
      .where('travel_group_id', '=', groupId)
      .where('status', '=', 'contracted')
      .orderBy('id')
      .execute();
    if (members.length === 0) throw new DomainError('travel_group.conflict', { detail: 'the group has no one left to depart' });
    for (const member of members) {
      const requestId = `travel:${groupId}:${member.id}`;
      await transitionCase(trx, context, { caseId: member.id, action: 'depart', requestId, occurredOn: group.departure_date }, 'api');
    }
    await trx.updateTable('travel_groups').set({ departed_at: new Date() }).where('id', '=', groupId).execute();
    await audit(trx, context, { type: 'travel_group.departed', entityType: 'travel_group', entityId: groupId, data: { members: members.length } });
    return members.length;
  });
}

export async function listTravelGroups(db: Queryable) {
  const rows = await db
    .selectFrom('travel_groups')
    .leftJoin('cases', 'cases.travel_group_id', 'travel_groups.id')
    .select((eb) => [
      'travel_groups.id',
      'travel_groups.corridor_code',
      'travel_groups.name',
      'travel_groups.departure_date',
      'travel_groups.route',
      'travel_groups.departed_at',
      eb.fn.count<number>('cases.id').as('members'),
    ])
    .groupBy('travel_groups.id')
    .orderBy('travel_groups.departure_date', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    corridorCode: r.corridor_code,
    name: r.name,
    departureDate: r.departure_date,
    route: r.route,
    departed: r.departed_at !== null,
    members: Number(r.members),
  }));
}

export async function getCaseTravel(db: Queryable, principal: Principal, caseId: string) {
  const kase = await findVisibleCase(db, caseId, principal);
  if (!kase) throw new DomainError('case.not_found');
  const row = await db
    .selectFrom('cases')
    .innerJoin('travel_groups', 'travel_groups.id', 'cases.travel_group_id')
    .select(['travel_groups.name', 'travel_groups.departure_date', 'travel_groups.route'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  return row ? { name: row.name, departureDate: row.departure_date, route: row.route } : null;
}

registerDeadlineSource('departure', {
  statuses: ['contracted'],
  fact: sql`(select g.departure_date from travel_groups g where g.id = cases.travel_group_id)`,
  deadlines: (departureDate, _kase, { today }) => (typeof departureDate === 'string' ? [makeDeadline('departure', departureDate, today.origin)] : []),
});
