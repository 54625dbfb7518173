import { randomUUID } from 'node:crypto';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { addDays, todayIn } from '../../platform/calendar';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findVisibleCase, getCorridorRules, transitionCase } from '../journey';
import { allocateClinic, newSeed, type AllocationCandidate } from './allocation';
import type { AllocationRecord } from './medical.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'appointment.booked': { caseId: string; clinicId: string; day: string; replacesId: string | null };
    'appointment.cancelled': { caseId: string };
    'allocation_seed.published': { from: string; to: string; count: number };
  }
}

/** Days ahead an applicant may book (from tomorrow), and how far ahead seeds are published. */
export const BOOKING_HORIZON_DAYS = 14;
/** How many times one booking may be moved to another day. */
export const MAX_RESCHEDULES = 2;

export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Publish a seed for every day from `from` to the horizon that has none yet (never replaces a published seed). */
export async function publishAllocationSeeds(trx: Tx, context: ActionContext, from: string, days = BOOKING_HORIZON_DAYS + 1): Promise<number> {
  const wanted = Array.from({ length: days }, (_, i) => addDays(from, i));
  const rows = await trx
    .insertInto('allocation_seeds')
    .values(wanted.map((day) => ({ day, seed: newSeed() })))
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .execute();
  if (rows.length > 0) {
    await audit(trx, context, {
      type: 'allocation_seed.published',
      entityType: 'allocation_seed',
      entityId: from,
      data: { from, to: wanted[wanted.length - 1] ?? from, count: rows.length },
    });
  }
  return rows.length;
}

export async function listPublishedSeeds(db: Queryable, from: string, to: string) {
  return db
    .selectFrom('allocation_seeds')
    .select(['day', 'seed', 'published_at as publishedAt'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}

/** Approved clinics open on `day` with their free places; locks the clinic rows so concurrent bookings queue. */
async function candidatesFor(trx: Tx, day: string): Promise<AllocationCandidate[]> {
  const clinics = await trx
    .selectFrom('clinics')
    .select(['id', 'daily_capacity', 'working_days'])
    .where('status', '=', 'approved')
    .orderBy('id')
    .forUpdate()
    .execute();
  const open = clinics.filter((c) => c.working_days.map(Number).includes(isoWeekday(day)));
  if (open.length === 0) return [];
  const taken = await trx
    .selectFrom('medical_appointments')
    .select(['clinic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '=', day)
    .where('status', 'in', ['booked', 'examined'])
    .where(
      'clinic_id',
      'in',
      open.map((c) => c.id),
    )
    .groupBy('clinic_id')
    .execute();
  const used = new Map(taken.map((t) => [t.clinic_id, Number(t.n)]));
  return open.map((c) => ({ clinicId: c.id, free: Math.max(0, c.daily_capacity - (used.get(c.id) ?? 0)) }));
}

async function originToday(trx: Queryable, corridorCode: string): Promise<string> {
  const corridor = await getCorridorRules(trx, corridorCode);
  return todayIn(corridor.originTimezone);
}

function checkBookableDay(day: string, today: string): void {
  if (day <= today || day > addDays(today, BOOKING_HORIZON_DAYS)) {
    throw new DomainError('appointment.invalid', {
      fields: [{ path: 'day', code: 'out_of_range', message: `book a day from tomorrow up to ${BOOKING_HORIZON_DAYS} days ahead` }],
    });
  }
}

async function allocateAndInsert(
  trx: Tx,
  context: ActionContext,
  input: { caseId: string; personId: string; day: string; requestId: string; replacesId: string | null },
) {
  const seed = await trx.selectFrom('allocation_seeds').select('seed').where('day', '=', input.day).executeTakeFirst();
  if (!seed)
    throw new DomainError('appointment.invalid', { fields: [{ path: 'day', code: 'no_seed', message: 'no allocation seed is published for this day' }] });
  const candidates = await candidatesFor(trx, input.day);
  const id = randomUUID();
  const pick = allocateClinic(seed.seed, id, candidates);
  if (!pick) throw new DomainError('appointment.day_full.conflict', { detail: 'no clinic has a free place on this day', extensions: { day: input.day } });
  const allocation: AllocationRecord = { seedDay: input.day, candidates, draw: pick.draw, clinicId: pick.clinicId };
  try {
    await trx
      .insertInto('medical_appointments')
      .values({
        id,
        case_id: input.caseId,
        person_id: input.personId,
        day: input.day,
        clinic_id: pick.clinicId,
        status: 'booked',
        allocation: JSON.stringify(allocation),
        request_id: input.requestId,
        replaces_id: input.replacesId,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('appointment.conflict', { detail: 'the case already has an open appointment' });
    throw error;
  }
  await audit(trx, context, {
    type: 'appointment.booked',
    entityType: 'appointment',
    entityId: id,
    data: { caseId: input.caseId, clinicId: pick.clinicId, day: input.day, replacesId: input.replacesId },
  });
  return id;
}

/** An applicant books a day; the clinic is allocated; the case moves to medical_booked, all in one transaction. */
export async function bookAppointment(
  db: Db,
  principal: Principal,
  context: ActionContext,
  input: { caseId: string; day: string; requestId: string },
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('medical_appointments').select(['id', 'case_id']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.case_id !== input.caseId) throw new DomainError('appointment.conflict', { detail: 'this requestId was used for another booking' });
      return previous.id;
    }
    const kase = await findVisibleCase(trx, input.caseId, principal);
    if (!kase) throw new DomainError('case.not_found');
    const today = await originToday(trx, kase.corridorCode);
    checkBookableDay(input.day, today);
    await publishAllocationSeeds(trx, context, addDays(today, 1));
    const id = await allocateAndInsert(trx, context, {
      caseId: kase.id,
      personId: kase.personId,
      day: input.day,
      requestId: input.requestId,
      replacesId: null,
    });
    await transitionCase(trx, context, { caseId: kase.id, action: 'book_medical', requestId: `medical-booking:${id}` }, 'module');
    return id;
  });
}

async function lockOwnAppointment(trx: Tx, principal: Principal, appointmentId: string) {
  const row = await trx
    .selectFrom('medical_appointments')
    .selectAll()
    .where('id', '=', appointmentId)
    .where('person_id', '=', principal.personId ?? '')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('appointment.not_found');
  return row;
}

async function checkChangeable(trx: Tx, principal: Principal, appointment: { status: string; day: string; case_id: string }) {
  if (appointment.status !== 'booked') throw new DomainError('appointment.conflict', { detail: 'only a booked appointment without an exam can be changed' });
  const kase = await findVisibleCase(trx, appointment.case_id, principal);
  if (!kase) throw new DomainError('appointment.not_found');
  const today = await originToday(trx, kase.corridorCode);
  if (appointment.day <= today) throw new DomainError('appointment.conflict', { detail: 'an appointment can be changed until the day before it' });
  return today;
}

/** Move a booking to another day (until the day before; at most MAX_RESCHEDULES times); the clinic is allocated anew. */
export async function rescheduleAppointment(
  db: Db,
  principal: Principal,
  context: ActionContext,
  appointmentId: string,
  input: { day: string; requestId: string },
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('medical_appointments').select(['id', 'replaces_id']).where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.replaces_id !== appointmentId) throw new DomainError('appointment.conflict', { detail: 'this requestId was used for another booking' });
      return previous.id;
    }
    const current = await lockOwnAppointment(trx, principal, appointmentId);
    const today = await checkChangeable(trx, principal, current);
    checkBookableDay(input.day, today);
    let moves = 0;
    for (let id: string | null = current.replaces_id; id; moves += 1) {
      id = (await trx.selectFrom('medical_appointments').select('replaces_id').where('id', '=', id).executeTakeFirstOrThrow()).replaces_id;
    }
    if (moves >= MAX_RESCHEDULES)
      throw new DomainError('appointment.reschedule_limit.conflict', { detail: `a booking can be moved at most ${MAX_RESCHEDULES} times` });
    await trx.updateTable('medical_appointments').set({ status: 'rescheduled', status_changed_at: new Date() }).where('id', '=', current.id).execute();
    await publishAllocationSeeds(trx, context, addDays(today, 1));
    return allocateAndInsert(trx, context, {
      caseId: current.case_id,
      personId: current.person_id,
      day: input.day,
      requestId: input.requestId,
      replacesId: current.id,
    });
  });
}

/** Cancel a booking (until the day before); the case goes back to registered. */
export async function cancelAppointment(db: Db, principal: Principal, context: ActionContext, appointmentId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await lockOwnAppointment(trx, principal, appointmentId);
    await checkChangeable(trx, principal, current);
    await trx.updateTable('medical_appointments').set({ status: 'cancelled', status_changed_at: new Date() }).where('id', '=', current.id).execute();
    await audit(trx, context, { type: 'appointment.cancelled', entityType: 'appointment', entityId: current.id, data: { caseId: current.case_id } });
    await transitionCase(trx, context, { caseId: current.case_id, action: 'cancel_medical_booking', requestId: `medical-cancel:${current.id}` }, 'module');
  });
}

/** Which of the next days have a free place somewhere (for the booking screen). */
export async function listBookableDays(trx: Tx, today: string): Promise<Array<{ day: string; open: boolean }>> {
  const days: Array<{ day: string; open: boolean }> = [];
  const clinics = await trx.selectFrom('clinics').select(['id', 'daily_capacity', 'working_days']).where('status', '=', 'approved').execute();
  const from = addDays(today, 1);
  const to = addDays(today, BOOKING_HORIZON_DAYS);
  const taken = await trx
    .selectFrom('medical_appointments')
    .select(['clinic_id', 'day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('status', 'in', ['booked', 'examined'])
    .groupBy(['clinic_id', 'day'])
    .execute();
  const used = new Map(taken.map((t) => [`${t.clinic_id}|${t.day}`, Number(t.n)]));
  for (let i = 1; i <= BOOKING_HORIZON_DAYS; i += 1) {
    const day = addDays(today, i);
    const open = clinics.some((c) => c.working_days.map(Number).includes(isoWeekday(day)) && c.daily_capacity > (used.get(`${c.id}|${day}`) ?? 0));
    days.push({ day, open });
  }
  return days;
}
